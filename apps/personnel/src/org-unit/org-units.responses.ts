// What the org-units endpoints answer, as their OpenAPI response schemas. Each handler is
// declared to return these classes, so the compiler keeps the schemas and the answers together.
import { ApiProperty } from '@nestjs/swagger';
import { CodedRef } from '../common/references.responses';
import { PageOf } from '@capaian/shared/http';

export class UnitHeadResponseHolder {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  nip: string;
  @ApiProperty({ type: String })
  name: string;
}

export class UnitHeadResponse {
  @ApiProperty({ type: String })
  positionId: string;
  @ApiProperty({ type: String })
  code: string;
  @ApiProperty({ type: String })
  name: string;
  @ApiProperty({ type: () => UnitHeadResponseHolder, nullable: true })
  holder: UnitHeadResponseHolder | null;
}

export class Unit {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  code: string;
  @ApiProperty({ type: String })
  name: string;
  @ApiProperty({ type: String })
  kind: string;
  @ApiProperty({ type: String, nullable: true })
  parentId: string | null;
  @ApiProperty({ type: () => CodedRef, nullable: true })
  opd: CodedRef | null;
  @ApiProperty({ type: Number })
  level: number;
  @ApiProperty({ enum: ['AKTIF', 'DITUTUP'] })
  status: 'AKTIF' | 'DITUTUP';
  @ApiProperty({ type: String })
  validFrom: string;
  @ApiProperty({ type: () => UnitHeadResponse, nullable: true })
  head: UnitHeadResponse | null;
}

export class UnitListPage extends PageOf(Unit, { cursor: true }) {}

/** A unit of the tree: a unit with its child units. */
export class UnitTreeNodeResponse extends Unit {
  @ApiProperty({ type: () => UnitTreeNodeResponse, isArray: true })
  children: UnitTreeNodeResponse[];
}
