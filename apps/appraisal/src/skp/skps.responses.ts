// What the skps endpoints answer, as their OpenAPI response schemas. Each handler is
// declared to return these classes, so the compiler keeps the schemas and the answers together.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PersonRef } from '../common/people.responses';

export class SkpSnapshotResponseJabatan {
  @ApiProperty({ type: String })
  positionId: string;
  @ApiProperty({ type: String })
  name: string;
  @ApiProperty({ type: String })
  jenisJabatan: string;
  @ApiProperty({ type: Boolean })
  unitHead: boolean;
}

export class SkpSnapshotResponseUnit {
  @ApiProperty({ type: String })
  unitId: string;
  @ApiProperty({ type: String })
  name: string;
}

export class SkpSnapshotResponseOpd {
  @ApiProperty({ type: String })
  unitId: string;
  @ApiProperty({ type: String })
  code: string;
  @ApiProperty({ type: String })
  name: string;
}

/** The pejabat penilai or their superior, as the SKP recorded them. */
export class SkpSnapshotOfficial {
  @ApiProperty({ type: String })
  employeeId: string;
  @ApiProperty({ type: String })
  nip: string;
  @ApiProperty({ type: String })
  name: string;
}

export class SkpSnapshotResponse {
  @ApiProperty({ type: String })
  employeeId: string;
  @ApiProperty({ type: String })
  nip: string;
  @ApiProperty({ type: String })
  name: string;
  @ApiProperty({ type: String, nullable: true })
  golongan: string | null;
  @ApiProperty({ type: String })
  jenisAsn: string;
  @ApiProperty({ type: () => SkpSnapshotResponseJabatan, nullable: true })
  jabatan: SkpSnapshotResponseJabatan | null;
  @ApiProperty({ type: () => SkpSnapshotResponseUnit, nullable: true })
  unit: SkpSnapshotResponseUnit | null;
  @ApiProperty({ type: () => SkpSnapshotResponseOpd, nullable: true })
  opd: SkpSnapshotResponseOpd | null;
  @ApiProperty({ type: () => SkpSnapshotOfficial, nullable: true })
  pejabatPenilai: SkpSnapshotOfficial | null;
  @ApiProperty({ type: () => SkpSnapshotOfficial, nullable: true })
  atasanPejabatPenilai: SkpSnapshotOfficial | null;
  @ApiProperty({ type: Boolean, description: 'The top of an OPD (its head, or nobody above in the OPD): no intervensi needed.' })
  topOfOpd: boolean;
}

export class SkpStateResponseExpectations {
  @ApiPropertyOptional({ type: String })
  BERORIENTASI_PELAYANAN?: string;
  @ApiPropertyOptional({ type: String })
  AKUNTABEL?: string;
  @ApiPropertyOptional({ type: String })
  KOMPETEN?: string;
  @ApiPropertyOptional({ type: String })
  HARMONIS?: string;
  @ApiPropertyOptional({ type: String })
  LOYAL?: string;
  @ApiPropertyOptional({ type: String })
  ADAPTIF?: string;
  @ApiPropertyOptional({ type: String })
  KOLABORATIF?: string;
}

export class IndicatorResponse {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  description: string;
  @ApiProperty({ enum: ['KUANTITAS', 'KUALITAS', 'WAKTU', 'BIAYA'] })
  aspek: 'KUANTITAS' | 'KUALITAS' | 'WAKTU' | 'BIAYA';
  @ApiProperty({ type: Number, nullable: true })
  target: number | null;
  @ApiProperty({ type: String, nullable: true })
  unit: string | null;
  @ApiProperty({ enum: ['NAIK', 'TURUN'] })
  direction: 'NAIK' | 'TURUN';
  @ApiProperty({ type: Boolean, description: 'A realization of this indicator needs at least one evidence file (bukti dukung).' })
  evidenceRequired: boolean;
}

export class RhkResponse {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ enum: ['UTAMA', 'TAMBAHAN'] })
  kind: 'UTAMA' | 'TAMBAHAN';
  @ApiProperty({ type: String })
  description: string;
  @ApiProperty({ type: String, nullable: true, description: "The RHK of the penilai's SKP this one supports (intervensi); null at the top of an OPD or while drafting." })
  parentRhkId: string | null;
  @ApiProperty({ type: () => IndicatorResponse, isArray: true })
  indicators: IndicatorResponse[];
}

export class AnnexResponse {
  @ApiProperty({ type: [String] })
  resources: string[];
  @ApiProperty({ type: [String] })
  accountability: string[];
  @ApiProperty({ type: [String] })
  consequences: string[];
}

export class SkpStateResponse {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String, description: 'The id of the first version; every revision of one SKP shares it.' })
  lineageId: string;
  @ApiProperty({ type: Number })
  version: number;
  @ApiProperty({ type: Number })
  year: number;
  @ApiProperty({ type: String })
  startDate: string;
  @ApiProperty({ type: String })
  endDate: string;
  @ApiProperty({ enum: ['DRAFT', 'DIAJUKAN', 'DITETAPKAN', 'DIKEMBALIKAN', 'DIGANTI', 'DITUTUP'] })
  status: 'DRAFT' | 'DIAJUKAN' | 'DITETAPKAN' | 'DIKEMBALIKAN' | 'DIGANTI' | 'DITUTUP';
  @ApiProperty({ type: () => SkpSnapshotResponse })
  snapshot: SkpSnapshotResponse;
  @ApiProperty({ type: String, nullable: true, description: "The penilai who acts now: the snapshot's, until a change of penilai moves open items." })
  penilaiNip: string | null;
  @ApiProperty({ type: () => SkpStateResponseExpectations })
  expectations: SkpStateResponseExpectations;
  @ApiProperty({ type: String, nullable: true })
  returnNotes: string | null;
  @ApiProperty({ type: String, nullable: true })
  closeReason: string | null;
  @ApiProperty({ type: String, nullable: true })
  setOn: string | null;
  @ApiProperty({ enum: ['KUANTITATIF', 'KUALITATIF'] })
  pendekatan: 'KUANTITATIF' | 'KUALITATIF';
  @ApiProperty({ type: () => RhkResponse, isArray: true })
  rhk: RhkResponse[];
  @ApiProperty({ type: () => AnnexResponse })
  annex: AnnexResponse;
}

export class SkpSummaryResponse {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  lineageId: string;
  @ApiProperty({ type: Number })
  version: number;
  @ApiProperty({ type: String })
  nip: string;
  @ApiProperty({ type: String })
  name: string;
  @ApiProperty({ type: Number })
  year: number;
  @ApiProperty({ type: String })
  startDate: string;
  @ApiProperty({ type: String })
  endDate: string;
  @ApiProperty({ type: String })
  status: string;
  @ApiProperty({ type: String, nullable: true })
  penilaiNip: string | null;
}

export class SkpMineResponse {
  @ApiProperty({ type: () => SkpSummaryResponse, isArray: true })
  own: SkpSummaryResponse[];
  @ApiProperty({ type: () => SkpSummaryResponse, isArray: true })
  appraisees: SkpSummaryResponse[];
}

export class SkpCloseResponse {
  @ApiProperty({ type: () => SkpStateResponse })
  closed: SkpStateResponse;
  @ApiProperty({ type: () => SkpStateResponse, nullable: true })
  opened: SkpStateResponse | null;
}

export class PenilaiRhkSkp {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ type: String })
  startDate: string;
  @ApiProperty({ type: String })
  endDate: string;
  @ApiProperty({ type: String, nullable: true })
  setOn: string | null;
}

export class PenilaiRhkOptionResponseIndicator {
  @ApiProperty({ type: String })
  description: string;
  @ApiProperty({ type: Number, nullable: true })
  target: number | null;
  @ApiProperty({ type: String, nullable: true })
  unit: string | null;
}

export class PenilaiRhkOptionResponse {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ enum: ['UTAMA', 'TAMBAHAN'] })
  kind: 'UTAMA' | 'TAMBAHAN';
  @ApiProperty({ type: String })
  description: string;
  @ApiProperty({ type: () => PenilaiRhkOptionResponseIndicator, isArray: true })
  indicators: PenilaiRhkOptionResponseIndicator[];
}

export class PenilaiRhk {
  @ApiProperty({ type: Number })
  year: number;
  @ApiProperty({ type: Boolean, description: 'False at the top of an OPD: its RHK link to nothing inside the system.' })
  linkRequired: boolean;
  @ApiProperty({ type: () => PersonRef, nullable: true })
  penilai: PersonRef | null;
  @ApiProperty({ type: () => PenilaiRhkSkp, nullable: true, description: "The penilai's set SKP the links point into; null while the penilai has none set for the year." })
  skp: PenilaiRhkSkp | null;
  @ApiProperty({ type: () => PenilaiRhkOptionResponse, isArray: true })
  rhk: PenilaiRhkOptionResponse[];
}
