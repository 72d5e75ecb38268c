import type { MigrationInterface, QueryRunner } from 'typeorm';

// The CHECK list is written out here, not imported, so this migration stays what it was when it ran
// even if the enumeration grows later (a new bentuk is a new migration; a unit test spots drift).
export const BENTUK_2026_11 = [
  'pelatihan_klasikal', 'seminar', 'workshop', 'pelatihan_dasar', 'pka', 'pkp', 'pkn_i', 'pkn_ii',
  'e_learning', 'coaching', 'mentoring', 'detasering', 'benchmarking', 'magang', 'belajar_mandiri', 'komunitas_belajar',
];

export class CreateProgramPengembangan1764500000000 implements MigrationInterface {
  name = 'CreateProgramPengembangan1764500000000';

  async up(q: QueryRunner): Promise<void> {
    const bentuk = BENTUK_2026_11.map((b) => `'${b}'`).join(', ');
    await q.query(`CREATE TABLE program_pengembangan (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      nama text NOT NULL CHECK (length(nama) BETWEEN 1 AND 200),
      bentuk text NOT NULL CHECK (bentuk IN (${bentuk})),
      lingkup text NOT NULL CHECK (lingkup IN ('nasional', 'internasional')),
      penyelenggara text NOT NULL CHECK (length(penyelenggara) BETWEEN 1 AND 200),
      jp integer NOT NULL CHECK (jp > 0),
      tanggal_mulai date NOT NULL,
      tanggal_selesai date NOT NULL,
      kuota integer NOT NULL CHECK (kuota > 0),
      pagu bigint NOT NULL CHECK (pagu >= 0),
      biaya_per_peserta bigint NOT NULL CHECK (biaya_per_peserta >= 0),
      status text NOT NULL DEFAULT 'DIRENCANAKAN'
        CHECK (status IN ('DIRENCANAKAN', 'DIBUKA', 'SELEKSI', 'BERJALAN', 'SELESAI', 'DIEVALUASI')),
      dibuat_pada timestamptz NOT NULL DEFAULT now(),
      dibuat_oleh text NOT NULL,
      CONSTRAINT program_pengembangan_rentang_ck CHECK (tanggal_selesai >= tanggal_mulai),
      -- Allocations must not exceed the pagu (docs/domain.md §5.6); numeric avoids bigint overflow.
      CONSTRAINT program_pengembangan_pagu_ck CHECK (kuota::numeric * biaya_per_peserta <= pagu)
    )`);
    await q.query(`CREATE INDEX program_pengembangan_mulai_idx ON program_pengembangan (tanggal_mulai DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS program_pengembangan`);
  }
}
