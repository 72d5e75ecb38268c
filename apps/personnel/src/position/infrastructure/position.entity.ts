import type { JenisJabatan } from '@capaian/kinerja';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ReportsToMode } from '../domain/position.rules';

/** Current state of a position (jabatan); its past states live in position_history. */
@Entity({ name: 'position' })
export class PositionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'jenis_jabatan', type: 'text' })
  jenisJabatan: JenisJabatan;

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

  @Column({ name: 'reports_to_mode', type: 'text' })
  reportsToMode: ReportsToMode;

  @Column({ type: 'integer' })
  capacity: number;

  @Column({ type: 'text' })
  status: 'AKTIF' | 'DITUTUP';

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
