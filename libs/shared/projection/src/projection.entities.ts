import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A service's local copy of personnel's units, positions, employees and elevated roles, kept by
 * PersonnelProjection from personnel's events. Read-only for the service: only the projection writes.
 *
 * Every row (or group of columns) carries the `time` of the event it came from as its version: an
 * event older than what a row holds is ignored (README.md, "Ordering").
 */
@Entity({ name: 'personnel_unit' })
@Index('personnel_unit_code_idx', ['code'])
export class ProjectedUnit {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  /** e.g. PEMERINTAH_KOTA, DINAS, BADAN, KECAMATAN, BIDANG, SEKSI. */
  @Column({ type: 'text' })
  kind: string;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @Column({ name: 'opd_id', type: 'uuid', nullable: true })
  opdId: string | null;

  @Column({ name: 'opd_code', type: 'text', nullable: true })
  opdCode: string | null;

  @Column({ type: 'smallint' })
  level: number;

  @Column({ name: 'head_position_id', type: 'uuid', nullable: true })
  headPositionId: string | null;

  @Column({ type: 'text' })
  status: string;

  @Column({ name: 'effective_date', type: 'date' })
  effectiveDate: string;

  @Column({ type: 'timestamptz' })
  version: Date;

  @Column({ name: 'event_id', type: 'text' })
  eventId: string;
}

@Entity({ name: 'personnel_position' })
@Index('personnel_position_unit_idx', ['unitId'])
export class ProjectedPosition {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'jenis_jabatan', type: 'text' })
  jenisJabatan: string;

  @Column({ type: 'text', nullable: true })
  jenjang: string | null;

  @Column({ name: 'kelas_jabatan', type: 'smallint', nullable: true })
  kelasJabatan: number | null;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @Column({ name: 'opd_id', type: 'uuid', nullable: true })
  opdId: string | null;

  @Column({ name: 'reports_to_id', type: 'uuid', nullable: true })
  reportsToId: string | null;

  /** The head (kepala) position of its unit. */
  @Column({ type: 'boolean' })
  head: boolean;

  @Column({ type: 'integer' })
  capacity: number;

  @Column({ type: 'text' })
  status: string;

  @Column({ name: 'effective_date', type: 'date' })
  effectiveDate: string;

  @Column({ type: 'timestamptz' })
  version: Date;

  @Column({ name: 'event_id', type: 'text' })
  eventId: string;
}

/**
 * One employee. Three groups of columns have their own version, because three kinds of events
 * carry them: the employee's own events (core data and supervisor), reporting-line-changed
 * (supervisor) and appraisers-changed (appraisers); a snapshot carries all three. A row may exist
 * with only some groups filled (core_version null) while the rest has not arrived yet.
 */
@Entity({ name: 'personnel_employee' })
@Index('personnel_employee_penilai_idx', ['penilaiId'])
@Index('personnel_employee_atasan_penilai_idx', ['atasanPenilaiId'])
@Index('personnel_employee_supervisor_idx', ['supervisorId'])
@Index('personnel_employee_opd_idx', ['opdId'])
export class ProjectedEmployee {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Index('personnel_employee_nip_idx')
  @Column({ type: 'text' })
  nip: string;

  @Column({ type: 'text', nullable: true })
  name: string | null;

  @Column({ name: 'jenis_asn', type: 'text', nullable: true })
  jenisAsn: string | null;

  @Column({ type: 'text', nullable: true })
  sex: string | null;

  @Column({ name: 'birth_date', type: 'date', nullable: true })
  birthDate: string | null;

  @Column({ type: 'text', nullable: true })
  golongan: string | null;

  @Column({ type: 'text', nullable: true })
  pangkat: string | null;

  @Column({ type: 'text', nullable: true })
  status: string | null;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ name: 'tmt_jabatan', type: 'date', nullable: true })
  tmtJabatan: string | null;

  @Column({ name: 'position_id', type: 'uuid', nullable: true })
  positionId: string | null;

  @Column({ name: 'position_code', type: 'text', nullable: true })
  positionCode: string | null;

  @Column({ name: 'position_name', type: 'text', nullable: true })
  positionName: string | null;

  @Column({ name: 'jenis_jabatan', type: 'text', nullable: true })
  jenisJabatan: string | null;

  @Column({ type: 'text', nullable: true })
  jenjang: string | null;

  @Column({ name: 'kelas_jabatan', type: 'smallint', nullable: true })
  kelasJabatan: number | null;

  /** From the event's position reference; null when the event predates the flag. */
  @Column({ name: 'unit_head', type: 'boolean', nullable: true })
  unitHead: boolean | null;

  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;

  @Column({ name: 'unit_code', type: 'text', nullable: true })
  unitCode: string | null;

  @Column({ name: 'unit_name', type: 'text', nullable: true })
  unitName: string | null;

  @Column({ name: 'opd_id', type: 'uuid', nullable: true })
  opdId: string | null;

  @Column({ name: 'opd_code', type: 'text', nullable: true })
  opdCode: string | null;

  @Column({ name: 'opd_name', type: 'text', nullable: true })
  opdName: string | null;

  @Column({ name: 'effective_date', type: 'date', nullable: true })
  effectiveDate: string | null;

  @Column({ name: 'core_version', type: 'timestamptz', nullable: true })
  coreVersion: Date | null;

  @Column({ name: 'supervisor_id', type: 'uuid', nullable: true })
  supervisorId: string | null;

  @Column({ name: 'supervisor_nip', type: 'text', nullable: true })
  supervisorNip: string | null;

  @Column({ name: 'supervisor_name', type: 'text', nullable: true })
  supervisorName: string | null;

  @Column({ name: 'supervisor_version', type: 'timestamptz', nullable: true })
  supervisorVersion: Date | null;

  @Column({ name: 'penilai_id', type: 'uuid', nullable: true })
  penilaiId: string | null;

  @Column({ name: 'penilai_nip', type: 'text', nullable: true })
  penilaiNip: string | null;

  @Column({ name: 'penilai_name', type: 'text', nullable: true })
  penilaiName: string | null;

  @Column({ name: 'atasan_penilai_id', type: 'uuid', nullable: true })
  atasanPenilaiId: string | null;

  @Column({ name: 'atasan_penilai_nip', type: 'text', nullable: true })
  atasanPenilaiNip: string | null;

  @Column({ name: 'atasan_penilai_name', type: 'text', nullable: true })
  atasanPenilaiName: string | null;

  @Column({ name: 'penilai_basis', type: 'text', nullable: true })
  penilaiBasis: string | null;

  @Column({ name: 'appraisers_version', type: 'timestamptz', nullable: true })
  appraisersVersion: Date | null;
}

/**
 * An elevated role of an employee, held or not: a revocation stays as a row with granted = false,
 * so that an older grant arriving later cannot bring the role back.
 */
@Entity({ name: 'personnel_role' })
export class ProjectedRole {
  @PrimaryColumn({ name: 'employee_id', type: 'uuid' })
  employeeId: string;

  /** admin-opd, admin-bkpsdm or pimpinan. */
  @PrimaryColumn({ type: 'text' })
  role: string;

  @Column({ type: 'boolean' })
  granted: boolean;

  /** The OPD an admin-opd administers. */
  @Column({ name: 'opd_id', type: 'uuid', nullable: true })
  opdId: string | null;

  @Column({ name: 'opd_code', type: 'text', nullable: true })
  opdCode: string | null;

  @Column({ name: 'opd_name', type: 'text', nullable: true })
  opdName: string | null;

  @Column({ type: 'timestamptz' })
  version: Date;
}

export const projectionEntities = [ProjectedUnit, ProjectedPosition, ProjectedEmployee, ProjectedRole];
