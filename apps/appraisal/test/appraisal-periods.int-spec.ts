import { randomUUID } from 'node:crypto';
import { DEMO_NIP, getClientToken, getToken, DEMO_CLIENTS } from '@capaian/shared/testing';
import request from 'supertest';
import { startAppraisalTestApp, type AppraisalTestApp } from './appraisal-test-app';

/**
 * Appraisal periods against the real PostgreSQL (capaian_appraisal_test) and real Keycloak tokens:
 * who may create, what is validated, and that a refused request writes nothing.
 */
describe('appraisal periods HTTP (real PostgreSQL + Keycloak)', () => {
  let t: AppraisalTestApp;
  let admin: string;
  let pegawai: string;
  const http = () => request(t.app.getHttpServer());
  const counts = async () => {
    const [row] = await t.dataSource.query(`SELECT (SELECT count(*) FROM appraisal_period)::int AS periods, (SELECT count(*) FROM audit_trail)::int AS audits`);
    return row as { periods: number; audits: number };
  };

  beforeAll(async () => {
    t = await startAppraisalTestApp();
    await t.dataSource.query('TRUNCATE appraisal_period, audit_trail');
    [admin, pegawai] = await Promise.all([getToken(DEMO_NIP.hendra), getToken(DEMO_NIP.dimas)]);
  }, 60_000);

  afterAll(async () => {
    await t?.app.close();
  });

  it('lets admin-bkpsdm create a period, with a default name, a Location, the clock’s time and an audit entry', async () => {
    t.clock.set('2025-12-15T02:00:00Z');
    const res = await http()
      .post('/api/v1/appraisal/periods')
      .set('authorization', `Bearer ${admin}`)
      .set('x-correlation-id', 'test-period-create-0001')
      .send({ year: 2026, kind: 'bulanan', startDate: '2026-01-01', endDate: '2026-01-31' })
      .expect(201);
    expect(res.body).toMatchObject({ year: 2026, kind: 'bulanan', name: 'Januari 2026', startDate: '2026-01-01', endDate: '2026-01-31', createdAt: '2025-12-15T02:00:00.000Z' });
    expect(res.headers.location).toBe(`/api/v1/appraisal/periods/${res.body.id}`);

    const audits = await t.dataSource.query(`SELECT * FROM audit_trail WHERE entity_id = $1`, [res.body.id]);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      action: 'appraisal-period.created',
      entity_type: 'appraisal-period',
      actor_nip: DEMO_NIP.hendra,
      correlation_id: 'test-period-create-0001',
    });
    expect(audits[0].details).toMatchObject({ kind: 'bulanan', startDate: '2026-01-01' });
  });

  it('refuses a pegawai with 403 problem+json and writes nothing', async () => {
    const before = await counts();
    const res = await http()
      .post('/api/v1/appraisal/periods')
      .set('authorization', `Bearer ${pegawai}`)
      .send({ year: 2026, kind: 'bulanan', startDate: '2026-02-01', endDate: '2026-02-28' })
      .expect(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.code).toBe('PERAN_TIDAK_MEMADAI');
    expect(await counts()).toEqual(before);
  });

  it('refuses a request without a token with 401', async () => {
    const res = await http().get('/api/v1/appraisal/periods').expect(401);
    expect(res.body.code).toBe('TOKEN_TIDAK_ADA');
  });

  it('lets any authenticated user list periods, paginated and filtered', async () => {
    await http()
      .post('/api/v1/appraisal/periods')
      .set('authorization', `Bearer ${admin}`)
      .send({ year: 2026, kind: 'triwulanan', startDate: '2026-01-01', endDate: '2026-03-31' })
      .expect(201);
    const all = await http().get('/api/v1/appraisal/periods').set('authorization', `Bearer ${pegawai}`).expect(200);
    expect(all.body.total).toBe(2);
    expect(all.body.items.map((p: { name: string }) => p.name).sort()).toEqual(['Januari 2026', 'Triwulan I 2026']);

    const page = await http().get('/api/v1/appraisal/periods?page=2&size=1').set('authorization', `Bearer ${pegawai}`).expect(200);
    expect(page.body).toMatchObject({ page: 2, size: 1, total: 2 });
    expect(page.body.items).toHaveLength(1);

    const filtered = await http().get('/api/v1/appraisal/periods?kind=triwulanan&year=2026').set('authorization', `Bearer ${pegawai}`).expect(200);
    expect(filtered.body.items.map((p: { kind: string }) => p.kind)).toEqual(['triwulanan']);
    const none = await http().get('/api/v1/appraisal/periods?year=2030').set('authorization', `Bearer ${pegawai}`).expect(200);
    expect(none.body).toMatchObject({ total: 0, items: [] });

    // An agency app's read-only service account is authenticated too.
    const reader = await getClientToken(DEMO_CLIENTS.sipdReader.clientId, DEMO_CLIENTS.sipdReader.secret);
    await http().get('/api/v1/appraisal/periods').set('authorization', `Bearer ${reader}`).expect(200);

    const bad = await http().get('/api/v1/appraisal/periods?size=1000&kind=mingguan').set('authorization', `Bearer ${pegawai}`).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['kind', 'size']);
  });

  it('answers 409 PERIODE_TUMPANG_TINDIH for an overlap of the same kind, naming the clash', async () => {
    const before = await counts();
    const res = await http()
      .post('/api/v1/appraisal/periods')
      .set('authorization', `Bearer ${admin}`)
      .send({ year: 2026, kind: 'bulanan', startDate: '2026-01-20', endDate: '2026-01-31', name: 'Bentrok sebagian' })
      .expect(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.code).toBe('PERIODE_TUMPANG_TINDIH');
    expect(res.body.detail ?? res.body.title).toContain('Januari 2026, 2026-01-01 s.d. 2026-01-31');
    expect(await counts()).toEqual(before);
  });

  it('closes the race: of concurrent identical creations exactly one wins', async () => {
    const body = { year: 2027, kind: 'tahunan', startDate: '2027-01-01', endDate: '2027-12-31' };
    const results = await Promise.all(Array.from({ length: 6 }, () => http().post('/api/v1/appraisal/periods').set('authorization', `Bearer ${admin}`).send(body)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'PERIODE_TUMPANG_TINDIH')).toBe(true);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM appraisal_period WHERE year = 2027`);
    expect(n).toBe(1);
  });

  it('runs a POST retried with the same Idempotency-Key once: 201 both times, same id, one row', async () => {
    const key = `period-${randomUUID()}`;
    const body = { year: 2028, kind: 'tahunan', startDate: '2028-01-01', endDate: '2028-12-31' };
    const send = () => http().post('/api/v1/appraisal/periods').set('authorization', `Bearer ${admin}`).set('idempotency-key', key).send(body).expect(201);
    const first = await send();
    const second = await send();
    expect(second.body.id).toBe(first.body.id);
    expect(second.headers['idempotency-replayed']).toBe('true');
    expect(second.headers.location).toBe(first.headers.location);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM appraisal_period WHERE year = 2028`);
    expect(n).toBe(1);
  });

  describe('bad input is a 400 problem+json with field errors and writes nothing', () => {
    const cases: [string, Record<string, unknown>, number, string, string[]][] = [
      ['end before start', { year: 2026, kind: 'tahunan', startDate: '2026-06-01', endDate: '2026-05-31' }, 400, 'TANGGAL_SELESAI_TIDAK_SETELAH_MULAI', ['endDate:TANGGAL_SELESAI_TIDAK_SETELAH_MULAI']],
      ['outside the year', { year: 2026, kind: 'tahunan', startDate: '2026-07-01', endDate: '2027-06-30' }, 400, 'PERIODE_DI_LUAR_TAHUN', ['endDate:PERIODE_DI_LUAR_TAHUN']],
      ['a month straddling two', { year: 2026, kind: 'bulanan', startDate: '2026-03-15', endDate: '2026-04-14' }, 400, 'PERIODE_BULANAN_MELEWATI_BULAN', ['endDate:PERIODE_BULANAN_MELEWATI_BULAN']],
      ['an impossible date', { year: 2026, kind: 'bulanan', startDate: '2026-02-01', endDate: '2026-02-30' }, 400, 'TANGGAL_TIDAK_VALID', ['endDate:TANGGAL_TIDAK_VALID']],
      ['two impossible dates', { year: 2026, kind: 'bulanan', startDate: '2026-02-31', endDate: '2026-02-30' }, 400, 'VALIDASI_GAGAL', ['startDate:TANGGAL_TIDAK_VALID', 'endDate:TANGGAL_TIDAK_VALID']],
      ['a date outside the year and a straddle together', { year: 2027, kind: 'bulanan', startDate: '2026-03-15', endDate: '2026-04-14' }, 400, 'VALIDASI_GAGAL', ['startDate:PERIODE_DI_LUAR_TAHUN', 'endDate:PERIODE_BULANAN_MELEWATI_BULAN']],
      ['wrong types and an unknown kind', { year: '2026', kind: 'mingguan', startDate: '01-02-2026', endDate: 20260228 }, 400, 'VALIDASI_GAGAL', ['kind:IS_IN', 'year:IS_INT', 'startDate:MATCHES', 'endDate:IS_STRING']],
      ['an unknown field', { year: 2026, kind: 'bulanan', startDate: '2026-02-01', endDate: '2026-02-28', status: 'DIKUNCI' }, 400, 'VALIDASI_GAGAL', ['status:WHITELIST_VALIDATION']],
      ['the old Indonesian field names', { tahun: 2026, jenis: 'bulanan', tanggalMulai: '2026-02-01', tanggalSelesai: '2026-02-28' }, 400, 'VALIDASI_GAGAL', ['tahun:WHITELIST_VALIDATION', 'year:IS_INT']],
    ];

    it.each(cases)('%s', async (_name, body, status, code, expected) => {
      const before = await counts();
      const res = await http().post('/api/v1/appraisal/periods').set('authorization', `Bearer ${admin}`).send(body).expect(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.code).toBe(code);
      const got = (res.body.errors as { field: string; code: string; message: string }[]).map((e) => `${e.field}:${e.code}`);
      for (const e of expected) expect(got).toContain(e);
      for (const e of res.body.errors as { message: string }[]) {
        expect(e.message.length).toBeGreaterThan(0);
        expect(e.message).not.toMatch(/DateParts|tanggalMulai|tanggalSelesai|startDate|endDate/);
      }
      expect(await counts()).toEqual(before);
    });

    it('malformed JSON', async () => {
      const res = await http().post('/api/v1/appraisal/periods').set('authorization', `Bearer ${admin}`).set('content-type', 'application/json').send('{"year": 2026,').expect(400);
      expect(res.body.code).toBe('JSON_TIDAK_VALID');
    });
  });
});
