// What the employees endpoints answer, as their OpenAPI response schemas. Each handler is
// declared to return these classes, so the compiler keeps the schemas and the answers together.
import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { PageOf } from '@capaian/shared/http';
import { AccountStateResponse } from '../accounts/accounts.responses';
import { NamedRef } from '../common/references.responses';

export class EmployeePosition {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  code: string;
  @ApiProperty({ type: String })
  name: string;
  @ApiProperty({ type: String })
  jenisJabatan: string;
  @ApiProperty({ type: String, nullable: true })
  jenjang: string | null;
  @ApiProperty({ type: Number, nullable: true })
  kelasJabatan: number | null;
}

export class EmployeeSupervisorOverride {
  @ApiProperty({ type: String })
  supervisorId: string;
  @ApiProperty({ type: String, nullable: true })
  reason: string | null;
}

export class Employee {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  nip: string;
  @ApiProperty({ type: String })
  name: string;
  @ApiProperty({ type: String })
  jenisAsn: string;
  @ApiProperty({ type: String })
  sex: string;
  @ApiProperty({ type: String })
  birthDate: string;
  @ApiProperty({ type: String, nullable: true })
  golongan: string | null;
  @ApiProperty({ type: String, nullable: true })
  pangkat: string | null;
  @ApiProperty({ type: String })
  status: string;
  @ApiProperty({ type: String, nullable: true })
  email: string | null;
  @ApiProperty({ type: String, nullable: true })
  tmtJabatan: string | null;
  @ApiProperty({ type: () => EmployeePosition, nullable: true })
  position: EmployeePosition | null;
  @ApiProperty({ type: () => NamedRef, nullable: true })
  unit: NamedRef | null;
  @ApiProperty({ type: () => NamedRef, nullable: true })
  opd: NamedRef | null;
  @ApiProperty({ type: Boolean })
  opdHead: boolean;
  @ApiProperty({ type: Boolean })
  unitHead: boolean;
  @ApiProperty({ type: () => EmployeeSupervisorOverride, nullable: true })
  supervisorOverride: EmployeeSupervisorOverride | null;
  @ApiProperty({ type: String })
  accountStatus: string;
}

export class EmployeeListPage extends PageOf(Employee, { cursor: true }) {}

export class HistoryEntryResponse {
  @ApiProperty({ type: String })
  validFrom: string;
  @ApiProperty({ type: String, nullable: true })
  validTo: string | null;
  @ApiProperty({ type: [String] })
  changes: string[];
  @ApiProperty({ type: String })
  status: string;
  @ApiProperty({ type: String })
  jenisAsn: string;
  @ApiProperty({ type: String, nullable: true })
  golongan: string | null;
  @ApiProperty({ type: () => NamedRef, nullable: true })
  position: NamedRef | null;
  @ApiProperty({ type: () => NamedRef, nullable: true })
  unit: NamedRef | null;
  @ApiProperty({ type: () => NamedRef, nullable: true })
  opd: NamedRef | null;
  @ApiProperty({ type: String, nullable: true })
  supervisorOverrideId: string | null;
  @ApiProperty({ type: String, nullable: true })
  nomorSk: string | null;
  @ApiProperty({ type: String, nullable: true })
  reason: string | null;
  @ApiProperty({ type: String })
  recordedAt: string;
}

export class HistoryResponse {
  @ApiProperty({ type: () => HistoryEntryResponse, isArray: true })
  items: HistoryEntryResponse[];
}

export class SavedWithoutViewResponse {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: Boolean })
  tersimpan: true;
  @ApiProperty({ type: String })
  keterangan: string;
}

@ApiExtraModels(Employee, SavedWithoutViewResponse)
export class HireResponse {
  @ApiProperty({ oneOf: [{ $ref: getSchemaPath(Employee) }, { $ref: getSchemaPath(SavedWithoutViewResponse) }] })
  employee: Employee | SavedWithoutViewResponse;
  @ApiProperty({ type: () => AccountStateResponse, nullable: true })
  account: AccountStateResponse | null;
}
