import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * English names for the appraisal-period table (identifiers in English, official terms kept), by
 * renaming in place: the rows, the overlap exclusion constraints and their guarantees stay as they
 * are. The migration that created the table is left as it ran.
 */
const COLUMNS: [string, string][] = [
  ['tahun', 'year'],
  ['jenis', 'kind'],
  ['nama', 'name'],
  ['tanggal_mulai', 'start_date'],
  ['tanggal_selesai', 'end_date'],
  ['dibuat_pada', 'created_at'],
  ['dibuat_oleh', 'created_by'],
];

const CONSTRAINTS: [string, string][] = [
  ['periode_penilaian_pkey', 'appraisal_period_pkey'],
  ['periode_penilaian_tahun_check', 'appraisal_period_year_check'],
  ['periode_penilaian_jenis_check', 'appraisal_period_kind_check'],
  ['periode_penilaian_nama_check', 'appraisal_period_name_check'],
  ['periode_penilaian_rentang_ck', 'appraisal_period_range_ck'],
  ['periode_penilaian_tahun_ck', 'appraisal_period_year_ck'],
  ['periode_penilaian_bulanan_tumpang_tindih_ex', 'appraisal_period_bulanan_overlap_ex'],
  ['periode_penilaian_triwulanan_tumpang_tindih_ex', 'appraisal_period_triwulanan_overlap_ex'],
  ['periode_penilaian_tahunan_tumpang_tindih_ex', 'appraisal_period_tahunan_overlap_ex'],
];

export class RenameAppraisalPeriod1764700000000 implements MigrationInterface {
  name = 'RenameAppraisalPeriod1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE periode_penilaian RENAME TO appraisal_period`);
    for (const [from, to] of COLUMNS) await q.query(`ALTER TABLE appraisal_period RENAME COLUMN ${from} TO ${to}`);
    for (const [from, to] of CONSTRAINTS) await q.query(`ALTER TABLE appraisal_period RENAME CONSTRAINT ${from} TO ${to}`);
    await q.query(`ALTER INDEX periode_penilaian_mulai_idx RENAME TO appraisal_period_start_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER INDEX appraisal_period_start_idx RENAME TO periode_penilaian_mulai_idx`);
    for (const [from, to] of CONSTRAINTS) await q.query(`ALTER TABLE appraisal_period RENAME CONSTRAINT ${to} TO ${from}`);
    for (const [from, to] of COLUMNS) await q.query(`ALTER TABLE appraisal_period RENAME COLUMN ${to} TO ${from}`);
    await q.query(`ALTER TABLE appraisal_period RENAME TO periode_penilaian`);
  }
}
