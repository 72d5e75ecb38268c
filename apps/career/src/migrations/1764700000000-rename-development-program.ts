import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * English names for the training-catalog table (identifiers in English, official terms and the
 * stored codes kept), by renaming in place: rows, checks and the pagu constraint stay as they are.
 * The migration that created the table is left as it ran.
 */
const COLUMNS: [string, string][] = [
  ['nama', 'name'],
  ['bentuk', 'form'],
  ['lingkup', 'scope'],
  ['penyelenggara', 'organizer'],
  ['tanggal_mulai', 'start_date'],
  ['tanggal_selesai', 'end_date'],
  ['kuota', 'quota'],
  ['pagu', 'budget_ceiling'],
  ['biaya_per_peserta', 'cost_per_participant'],
  ['dibuat_pada', 'created_at'],
  ['dibuat_oleh', 'created_by'],
];

const CONSTRAINTS: [string, string][] = [
  ['program_pengembangan_pkey', 'development_program_pkey'],
  ['program_pengembangan_nama_check', 'development_program_name_check'],
  ['program_pengembangan_bentuk_check', 'development_program_form_check'],
  ['program_pengembangan_lingkup_check', 'development_program_scope_check'],
  ['program_pengembangan_penyelenggara_check', 'development_program_organizer_check'],
  ['program_pengembangan_jp_check', 'development_program_jp_check'],
  ['program_pengembangan_kuota_check', 'development_program_quota_check'],
  ['program_pengembangan_pagu_check', 'development_program_budget_ceiling_check'],
  ['program_pengembangan_biaya_per_peserta_check', 'development_program_cost_per_participant_check'],
  ['program_pengembangan_status_check', 'development_program_status_check'],
  ['program_pengembangan_rentang_ck', 'development_program_range_ck'],
  ['program_pengembangan_pagu_ck', 'development_program_allocation_ck'],
];

export class RenameDevelopmentProgram1764700000000 implements MigrationInterface {
  name = 'RenameDevelopmentProgram1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE program_pengembangan RENAME TO development_program`);
    for (const [from, to] of COLUMNS) await q.query(`ALTER TABLE development_program RENAME COLUMN ${from} TO ${to}`);
    for (const [from, to] of CONSTRAINTS) await q.query(`ALTER TABLE development_program RENAME CONSTRAINT ${from} TO ${to}`);
    await q.query(`ALTER INDEX program_pengembangan_mulai_idx RENAME TO development_program_start_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER INDEX development_program_start_idx RENAME TO program_pengembangan_mulai_idx`);
    for (const [from, to] of CONSTRAINTS) await q.query(`ALTER TABLE development_program RENAME CONSTRAINT ${to} TO ${from}`);
    for (const [from, to] of COLUMNS) await q.query(`ALTER TABLE development_program RENAME COLUMN ${to} TO ${from}`);
    await q.query(`ALTER TABLE development_program RENAME TO program_pengembangan`);
  }
}
