import { DEMO_NIP, getToken } from '@capaian/shared/testing';
import request from 'supertest';
import { startCareerTestApp, type CareerTestApp } from '../../test/career-test-app';

/**
 * Training catalog against the real PostgreSQL (capaian_career_test) and real Keycloak tokens.
 */
describe('katalog program HTTP (real PostgreSQL + Keycloak)', () => {
  let t: CareerTestApp;
  let admin: string;
  let pegawai: string;
  const http = () => request(t.app.getHttpServer());
  const counts = async () => {
    const [row] = await t.dataSource.query(
      `SELECT (SELECT count(*) FROM program_pengembangan)::int AS programs, (SELECT count(*) FROM audit_trail)::int AS audits`,
    );
    return row as { programs: number; audits: number };
  };
  const valid = {
    nama: 'Pelatihan Analisis Kebijakan Publik',
    bentuk: 'pelatihan_klasikal',
    penyelenggara: 'BKPSDM Kota Palembang',
    jp: 40,
    tanggalMulai: '2026-05-04',
    tanggalSelesai: '2026-05-08',
    kuota: 30,
    pagu: 45_000_000,
    biayaPerPeserta: 1_500_000,
  };

  beforeAll(async () => {
    t = await startCareerTestApp();
    await t.dataSource.query('TRUNCATE program_pengembangan, audit_trail');
    [admin, pegawai] = await Promise.all([getToken(DEMO_NIP.hendra), getToken(DEMO_NIP.dimas)]);
  }, 60_000);

  afterAll(async () => {
    await t?.app.close();
  });

  it('lets admin-bkpsdm add a program, stored with integer rupiah and an audit entry', async () => {
    const res = await http()
      .post('/api/v1/career/programs')
      .set('authorization', `Bearer ${admin}`)
      .send({ ...valid, nama: '  Pelatihan Analisis Kebijakan Publik  ' })
      .expect(201);
    expect(res.body).toMatchObject({
      ...valid,
      lingkup: 'nasional',
      bentukLabel: 'Pelatihan Klasikal',
      status: 'DIRENCANAKAN',
    });
    expect(res.headers.location).toBe(`/api/v1/career/programs/${res.body.id}`);
    const [row] = await t.dataSource.query(`SELECT nama, pagu, biaya_per_peserta, pg_typeof(pagu)::text AS t FROM program_pengembangan WHERE id = $1`, [res.body.id]);
    expect(row).toEqual({ nama: 'Pelatihan Analisis Kebijakan Publik', pagu: '45000000', biaya_per_peserta: '1500000', t: 'bigint' });
    const audits = await t.dataSource.query(`SELECT * FROM audit_trail WHERE entity_id = $1`, [res.body.id]);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: 'program_pengembangan.dibuat', actor_nip: DEMO_NIP.hendra, to_state: 'DIRENCANAKAN' });
    expect(audits[0].details).toMatchObject({ pagu: 45_000_000, kuota: 30 });
  });

  it('accepts rupiah beyond 32 bits and returns them exactly', async () => {
    const res = await http()
      .post('/api/v1/career/programs')
      .set('authorization', `Bearer ${admin}`)
      .send({ ...valid, nama: 'PKA Angkatan I', bentuk: 'pka', jp: 480, kuota: 40, pagu: 9_000_000_000, biayaPerPeserta: 37_500_000, tanggalSelesai: '2026-08-28' })
      .expect(201);
    expect(res.body.pagu).toBe(9_000_000_000);
  });

  it('refuses a pegawai with 403 and writes nothing, but lets them read the catalog', async () => {
    const before = await counts();
    const res = await http().post('/api/v1/career/programs').set('authorization', `Bearer ${pegawai}`).send(valid).expect(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.code).toBe('PERAN_TIDAK_MEMADAI');
    expect(await counts()).toEqual(before);

    const list = await http().get('/api/v1/career/programs').set('authorization', `Bearer ${pegawai}`).expect(200);
    expect(list.body).toMatchObject({ page: 1, size: 20, total: 2 });
    const pka = await http().get('/api/v1/career/programs?bentuk=pka&tahun=2026&size=1').set('authorization', `Bearer ${pegawai}`).expect(200);
    expect(pka.body.items.map((p: { nama: string }) => p.nama)).toEqual(['PKA Angkatan I']);
  });

  it('refuses a request without a token with 401', async () => {
    await http().get('/api/v1/career/programs').expect(401);
  });

  describe('bad input is a 400 problem+json with field errors and writes nothing', () => {
    const cases: [string, Record<string, unknown>, string[]][] = [
      ['pagu below kuota × biaya', { pagu: 44_999_999 }, ['pagu:PAGU_TIDAK_MENCUKUPI']],
      ['fractional and negative rupiah', { pagu: 1000.5, biayaPerPeserta: -1 }, ['pagu:IS_INT', 'biayaPerPeserta:MIN']],
      ['rupiah as a string', { pagu: '45000000' }, ['pagu:IS_INT']],
      ['JP zero and kuota zero', { jp: 0, kuota: 0 }, ['jp:MIN', 'kuota:MIN']],
      ['unknown bentuk', { bentuk: 'diklat_luar_negeri' }, ['bentuk:IS_IN']],
      ['end before start', { tanggalSelesai: '2026-05-03' }, ['tanggalSelesai:TANGGAL_SELESAI_SEBELUM_MULAI']],
      ['seminar JP beyond its per-day conversion', { bentuk: 'seminar', jp: 9, tanggalSelesai: '2026-05-05' }, ['jp:JP_MELEBIHI_KONVERSI']],
      ['blank name and missing organiser', { nama: '   ', penyelenggara: undefined }, ['nama:IS_NOT_EMPTY', 'penyelenggara:IS_STRING']],
      ['rupiah beyond the safe integer range', { pagu: 2 ** 60 }, ['pagu:MAX']],
    ];

    it.each(cases)('%s', async (_name, patch, expected) => {
      const before = await counts();
      const body: Record<string, unknown> = { ...valid, ...patch };
      for (const k of Object.keys(body)) if (body[k] === undefined) delete body[k];
      const res = await http().post('/api/v1/career/programs').set('authorization', `Bearer ${admin}`).send(body).expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.code).toBe('VALIDASI_GAGAL');
      const got = (res.body.errors as { field: string; code: string }[]).map((e) => `${e.field}:${e.code}`);
      for (const e of expected) expect(got).toContain(e);
      expect(await counts()).toEqual(before);
    });
  });
});
