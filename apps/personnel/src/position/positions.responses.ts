// What the positions endpoints answer, as their OpenAPI response schemas. Each handler is
// declared to return these classes, so the compiler keeps the schemas and the answers together.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '@capaian/shared/http';

export class PositionUnit {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  code: string;
  @ApiProperty({ type: String })
  name: string;
}

export class PositionOpd {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  code: string;
}

export class PositionReportsTo {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  code: string;
  @ApiProperty({ type: String })
  name: string;
}

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
  @ApiProperty({ type: () => PositionUnit })
  unit: PositionUnit;
  @ApiProperty({ type: () => PositionOpd, nullable: true })
  opd: PositionOpd | null;
  @ApiProperty({ type: () => PositionReportsTo, nullable: true })
  reportsTo: PositionReportsTo | null;
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
