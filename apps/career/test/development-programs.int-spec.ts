import { DEMO_NIP, getToken } from '@capaian/shared/testing';
import request from 'supertest';
import { startCareerTestApp, type CareerTestApp } from './career-test-app';

/**
 * The training catalog against the real PostgreSQL (capaian_career_test) and real Keycloak tokens.
 */
describe('development programs HTTP (real PostgreSQL + Keycloak)', () => {
  let t: CareerTestApp;
  let admin: string;
  let pegawai: string;
  const http = () => request(t.app.getHttpServer());
  const counts = async () => {
    const [row] = await t.dataSource.query(`SELECT (SELECT count(*) FROM development_program)::int AS programs, (SELECT count(*) FROM audit_trail)::int AS audits`);
    return row as { programs: number; audits: number };
  };
  const valid = {
    name: 'Pelatihan Analisis Kebijakan Publik',
    form: 'pelatihan_klasikal',
    organizer: 'BKPSDM Kota Palembang',
    jp: 40,
    startDate: '2026-05-04',
    endDate: '2026-05-08',
    quota: 30,
    budgetCeiling: 45_000_000,
    costPerParticipant: 1_500_000,
  };

  beforeAll(async () => {
    t = await startCareerTestApp();
    await t.dataSource.query('TRUNCATE development_program, audit_trail CASCADE');
    [admin, pegawai] = await Promise.all([getToken(DEMO_NIP.hendra), getToken(DEMO_NIP.dimas)]);
  }, 60_000);

  afterAll(async () => {
    await t?.app.close();
  });

  it('lets admin-bkpsdm add a program, stored with integer rupiah, the clock’s time and an audit entry', async () => {
    t.clock.set('2026-03-02T03:00:00Z');
    const res = await http()
      .post('/api/v1/career/programs')
      .set('authorization', `Bearer ${admin}`)
      .set('x-correlation-id', 'test-program-create-0001')
      .send({ ...valid, name: '  Pelatihan Analisis Kebijakan Publik  ' })
      .expect(201);
    expect(res.body).toMatchObject({ ...valid, scope: 'nasional', formLabel: 'Pelatihan Klasikal', status: 'DIRENCANAKAN', createdAt: '2026-03-02T03:00:00.000Z' });
    expect(res.headers.location).toBe(`/api/v1/career/programs/${res.body.id}`);
    const [row] = await t.dataSource.query(
      `SELECT name, budget_ceiling, cost_per_participant, pg_typeof(budget_ceiling)::text AS t FROM development_program WHERE id = $1`,
      [res.body.id],
    );
    expect(row).toEqual({ name: 'Pelatihan Analisis Kebijakan Publik', budget_ceiling: '45000000', cost_per_participant: '1500000', t: 'bigint' });
    const audits = await t.dataSource.query(`SELECT * FROM audit_trail WHERE entity_id = $1`, [res.body.id]);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      action: 'development-program.created',
      entity_type: 'development-program',
      actor_nip: DEMO_NIP.hendra,
      to_state: 'DIRENCANAKAN',
      correlation_id: 'test-program-create-0001',
    });
    expect(audits[0].details).toMatchObject({ budgetCeiling: 45_000_000, quota: 30 });
  });

  it('accepts rupiah beyond 32 bits and returns them exactly', async () => {
    const res = await http()
      .post('/api/v1/career/programs')
      .set('authorization', `Bearer ${admin}`)
      .send({ ...valid, name: 'PKA Angkatan I', form: 'pka', jp: 480, quota: 40, budgetCeiling: 9_000_000_000, costPerParticipant: 37_500_000, endDate: '2026-08-28' })
      .expect(201);
    expect(res.body.budgetCeiling).toBe(9_000_000_000);
  });

  it('refuses a pegawai with 403 and writes nothing, but lets them read the catalog', async () => {
    const before = await counts();
    const res = await http().post('/api/v1/career/programs').set('authorization', `Bearer ${pegawai}`).send(valid).expect(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.code).toBe('PERAN_TIDAK_MEMADAI');
    expect(await counts()).toEqual(before);

    const list = await http().get('/api/v1/career/programs').set('authorization', `Bearer ${pegawai}`).expect(200);
    expect(list.body).toMatchObject({ page: 1, size: 20, total: 2 });
    const pka = await http().get('/api/v1/career/programs?form=pka&year=2026&size=1').set('authorization', `Bearer ${pegawai}`).expect(200);
    expect(pka.body.items.map((p: { name: string }) => p.name)).toEqual(['PKA Angkatan I']);
    const none = await http().get('/api/v1/career/programs?year=2027').set('authorization', `Bearer ${pegawai}`).expect(200);
    expect(none.body).toMatchObject({ total: 0, items: [] });
  });

  it('refuses a request without a token with 401', async () => {
    await http().get('/api/v1/career/programs').expect(401);
  });

  describe('bad input is a 400 problem+json with field errors and writes nothing', () => {
    const cases: [string, Record<string, unknown>, number, string, string[]][] = [
      ['pagu below quota × cost', { budgetCeiling: 44_999_999 }, 400, 'PAGU_TIDAK_MENCUKUPI', ['budgetCeiling:PAGU_TIDAK_MENCUKUPI']],
      ['fractional and negative rupiah', { budgetCeiling: 1000.5, costPerParticipant: -1 }, 400, 'VALIDASI_GAGAL', ['budgetCeiling:IS_INT', 'costPerParticipant:MIN']],
      ['rupiah as a string', { budgetCeiling: '45000000' }, 400, 'VALIDASI_GAGAL', ['budgetCeiling:IS_INT']],
      ['JP zero and quota zero', { jp: 0, quota: 0 }, 400, 'VALIDASI_GAGAL', ['jp:MIN', 'quota:MIN']],
      ['unknown form', { form: 'diklat_luar_negeri' }, 400, 'VALIDASI_GAGAL', ['form:IS_IN']],
      ['end before start', { endDate: '2026-05-03' }, 400, 'TANGGAL_SELESAI_SEBELUM_MULAI', ['endDate:TANGGAL_SELESAI_SEBELUM_MULAI']],
      ['an impossible date', { startDate: '2026-02-30' }, 400, 'TANGGAL_TIDAK_VALID', ['startDate:TANGGAL_TIDAK_VALID']],
      ['seminar JP beyond its per-day conversion', { form: 'seminar', jp: 9, endDate: '2026-05-05' }, 400, 'JP_MELEBIHI_KONVERSI', ['jp:JP_MELEBIHI_KONVERSI']],
      ['seminar JP and pagu both broken', { form: 'seminar', jp: 9, endDate: '2026-05-05', budgetCeiling: 1 }, 400, 'VALIDASI_GAGAL', ['jp:JP_MELEBIHI_KONVERSI', 'budgetCeiling:PAGU_TIDAK_MENCUKUPI']],
      ['blank name and missing organizer', { name: '   ', organizer: undefined }, 400, 'VALIDASI_GAGAL', ['name:IS_NOT_EMPTY', 'organizer:IS_STRING']],
      ['rupiah beyond the safe integer range', { budgetCeiling: 2 ** 60 }, 400, 'VALIDASI_GAGAL', ['budgetCeiling:MAX']],
      ['the old Indonesian field names', { pagu: 45_000_000 }, 400, 'VALIDASI_GAGAL', ['pagu:WHITELIST_VALIDATION']],
    ];

    it.each(cases)('%s', async (_name, patch, status, code, expected) => {
      const before = await counts();
      const body: Record<string, unknown> = { ...valid, ...patch };
      for (const k of Object.keys(body)) if (body[k] === undefined) delete body[k];
      const res = await http().post('/api/v1/career/programs').set('authorization', `Bearer ${admin}`).send(body).expect(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.code).toBe(code);
      const got = (res.body.errors as { field: string; code: string }[]).map((e) => `${e.field}:${e.code}`);
      for (const e of expected) expect(got).toContain(e);
      for (const e of res.body.errors as { message: string }[]) expect(e.message).not.toMatch(/DateParts|tanggalMulai|tanggalSelesai|startDate|endDate/);
      expect(await counts()).toEqual(before);
    });
  });
});
