// What the positions endpoints answer, as their OpenAPI response schemas. Each handler is
// declared to return these classes, so the compiler keeps the schemas and the answers together.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CodedRef, NamedRef } from '../common/references.responses';
import { PageOf } from '@capaian/shared/http';

export class PositionHolder {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  nip: string;
  @ApiProperty({ type: String })
  name: string;
  @ApiProperty({ type: String })
  status: string;
}

export class Position {
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
  @ApiProperty({ type: () => NamedRef })
  unit: NamedRef;
  @ApiProperty({ type: () => CodedRef, nullable: true })
  opd: CodedRef | null;
  @ApiProperty({ type: () => NamedRef, nullable: true })
  reportsTo: NamedRef | null;
  @ApiProperty({ enum: ['OTOMATIS', 'MANUAL'] })
  reportsToMode: 'OTOMATIS' | 'MANUAL';
  @ApiProperty({ type: Boolean })
  head: boolean;
  @ApiProperty({ type: Number })
  capacity: number;
  @ApiProperty({ type: Number })
  occupied: number;
  @ApiProperty({ enum: ['AKTIF', 'DITUTUP'] })
  status: 'AKTIF' | 'DITUTUP';
  @ApiProperty({ type: String })
  validFrom: string;
  @ApiPropertyOptional({ type: () => PositionHolder, isArray: true })
  holders?: PositionHolder[];
}

export class PositionListPage extends PageOf(Position, { cursor: true }) {}
