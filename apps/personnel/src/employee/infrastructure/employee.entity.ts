import type { JenisAsn, JenisKelamin, StatusPegawai } from '@capaian/kinerja';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type AccountStatus = 'TIDAK_ADA' | 'AKTIF' | 'NONAKTIF' | 'GAGAL';

/** Current state of an employee; assignments over time live in employee_history. */
@Entity({ name: 'employee' })
export class EmployeeEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  nip: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'jenis_asn', type: 'text' })
  jenisAsn: JenisAsn;

  @Column({ name: 'birth_date', type: 'date' })
  birthDate: string;

  @Column({ type: 'char', length: 1 })
  sex: JenisKelamin;

  @Column({ type: 'text', nullable: true })
  golongan: string | null;

  @Column({ type: 'text', nullable: true })
  pangkat: string | null;

  @Column({ name: 'position_id', type: 'uuid', nullable: true })
  positionId: string | null;

  /** Denormalised from the position for filtering; kept in step by every write. */
  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;

  @Column({ name: 'opd_id', type: 'uuid', nullable: true })
  opdId: string | null;

  @Column({ name: 'tmt_jabatan', type: 'date', nullable: true })
  tmtJabatan: string | null;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'text' })
  status: StatusPegawai;

  @Column({ name: 'supervisor_override_id', type: 'uuid', nullable: true })
  supervisorOverrideId: string | null;

  @Column({ name: 'supervisor_override_reason', type: 'text', nullable: true })
  supervisorOverrideReason: string | null;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  /** Keycloak user id once the SSO account exists. */
  @Column({ name: 'account_id', type: 'text', nullable: true })
  accountId: string | null;

  @Column({ name: 'account_status', type: 'text' })
  accountStatus: AccountStatus;

  @Column({ name: 'account_error', type: 'text', nullable: true })
  accountError: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
