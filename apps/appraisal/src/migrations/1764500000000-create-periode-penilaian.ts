import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePeriodePenilaian1764500000000 implements MigrationInterface {
  name = 'CreatePeriodePenilaian1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE periode_penilaian (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tahun integer NOT NULL CHECK (tahun BETWEEN 2000 AND 2100),
      jenis text NOT NULL CHECK (jenis IN ('bulanan', 'triwulanan', 'tahunan')),
      nama text NOT NULL CHECK (length(nama) BETWEEN 1 AND 120),
      tanggal_mulai date NOT NULL,
      tanggal_selesai date NOT NULL,
      dibuat_pada timestamptz NOT NULL DEFAULT now(),
      dibuat_oleh text NOT NULL,
      CONSTRAINT periode_penilaian_rentang_ck CHECK (tanggal_selesai > tanggal_mulai),
      CONSTRAINT periode_penilaian_tahun_ck CHECK (
        extract(year FROM tanggal_mulai) = tahun AND extract(year FROM tanggal_selesai) = tahun
      )
    )`);
    // No two periods of the same jenis may share a day, even under concurrent requests: the service
    // checks first for a friendly 409, and these constraints close the race. One partial exclusion
    // constraint per jenis avoids needing the btree_gist extension for the equality on jenis.
    for (const jenis of ['bulanan', 'triwulanan', 'tahunan']) {
      await q.query(`ALTER TABLE periode_penilaian ADD CONSTRAINT periode_penilaian_${jenis}_tumpang_tindih_ex
        EXCLUDE USING gist (daterange(tanggal_mulai, tanggal_selesai, '[]') WITH &&) WHERE (jenis = '${jenis}')`);
    }
    await q.query(`CREATE INDEX periode_penilaian_mulai_idx ON periode_penilaian (tanggal_mulai DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS periode_penilaian`);
  }
}
