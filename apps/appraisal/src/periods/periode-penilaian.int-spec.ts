import { randomUUID } from 'node:crypto';
import { DEMO_NIP, getClientToken, getToken, DEMO_CLIENTS } from '@capaian/shared/testing';
import request from 'supertest';
import { startAppraisalTestApp, type AppraisalTestApp } from '../../test/appraisal-test-app';

/**
 * Periode penilaian against the real PostgreSQL (capaian_appraisal_test) and real Keycloak tokens:
 * who may create, what is validated, and that a refused request writes nothing.
 */
describe('periode penilaian HTTP (real PostgreSQL + Keycloak)', () => {
  let t: AppraisalTestApp;
  let admin: string;
  let pegawai: string;
  const http = () => request(t.app.getHttpServer());
  const counts = async () => {
    const [row] = await t.dataSource.query(
      `SELECT (SELECT count(*) FROM periode_penilaian)::int AS periods, (SELECT count(*) FROM audit_trail)::int AS audits`,
    );
    return row as { periods: number; audits: number };
  };

  beforeAll(async () => {
    t = await startAppraisalTestApp();
    await t.dataSource.query('TRUNCATE periode_penilaian, audit_trail');
    [admin, pegawai] = await Promise.all([getToken(DEMO_NIP.hendra), getToken(DEMO_NIP.dimas)]);
  }, 60_000);

  afterAll(async () => {
    await t?.app.close();
  });

  it('lets admin-bkpsdm create a period, with a default name, a Location and an audit entry', async () => {
    const res = await http()
      .post('/api/v1/appraisal/periods')
      .set('authorization', `Bearer ${admin}`)
      .set('x-correlation-id', 'test-periode-create-0001')
      .send({ tahun: 2026, jenis: 'bulanan', tanggalMulai: '2026-01-01', tanggalSelesai: '2026-01-31' })
      .expect(201);
    expect(res.body).toMatchObject({ tahun: 2026, jenis: 'bulanan', nama: 'Januari 2026', tanggalMulai: '2026-01-01', tanggalSelesai: '2026-01-31' });
    expect(res.headers.location).toBe(`/api/v1/appraisal/periods/${res.body.id}`);

    const audits = await t.dataSource.query(`SELECT * FROM audit_trail WHERE entity_id = $1`, [res.body.id]);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      action: 'periode_penilaian.dibuat',
      entity_type: 'periode_penilaian',
      actor_nip: DEMO_NIP.hendra,
      to_state: 'DIBUAT',
      correlation_id: 'test-periode-create-0001',
    });
    expect(audits[0].details).toMatchObject({ jenis: 'bulanan', tanggalMulai: '2026-01-01' });
  });

  it('refuses a pegawai with 403 problem+json and writes nothing', async () => {
    const before = await counts();
    const res = await http()
      .post('/api/v1/appraisal/periods')
      .set('authorization', `Bearer ${pegawai}`)
      .send({ tahun: 2026, jenis: 'bulanan', tanggalMulai: '2026-02-01', tanggalSelesai: '2026-02-28' })
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
      .send({ tahun: 2026, jenis: 'triwulanan', tanggalMulai: '2026-01-01', tanggalSelesai: '2026-03-31' })
      .expect(201);
    const all = await http().get('/api/v1/appraisal/periods').set('authorization', `Bearer ${pegawai}`).expect(200);
    expect(all.body.total).toBe(2);
    expect(all.body.items.map((p: { nama: string }) => p.nama).sort()).toEqual(['Januari 2026', 'Triwulan I 2026']);

    const page = await http().get('/api/v1/appraisal/periods?page=2&size=1').set('authorization', `Bearer ${pegawai}`).expect(200);
    expect(page.body).toMatchObject({ page: 2, size: 1, total: 2 });
    expect(page.body.items).toHaveLength(1);

    const filtered = await http().get('/api/v1/appraisal/periods?jenis=triwulanan&tahun=2026').set('authorization', `Bearer ${pegawai}`).expect(200);
    expect(filtered.body.items.map((p: { jenis: string }) => p.jenis)).toEqual(['triwulanan']);

    // An agency app's read-only service account is authenticated too.
    const reader = await getClientToken(DEMO_CLIENTS.sipdReader.clientId, DEMO_CLIENTS.sipdReader.secret);
    await http().get('/api/v1/appraisal/periods').set('authorization', `Bearer ${reader}`).expect(200);

    const bad = await http().get('/api/v1/appraisal/periods?size=1000&jenis=mingguan').set('authorization', `Bearer ${pegawai}`).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['jenis', 'size']);
  });

  it('answers 409 PERIODE_TUMPANG_TINDIH for an overlap of the same jenis, naming the clash', async () => {
    const before = await counts();
    const res = await http()
      .post('/api/v1/appraisal/periods')
      .set('authorization', `Bearer ${admin}`)
      .send({ tahun: 2026, jenis: 'bulanan', tanggalMulai: '2026-01-20', tanggalSelesai: '2026-01-31', nama: 'Bentrok sebagian' })
      .expect(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.code).toBe('PERIODE_TUMPANG_TINDIH');
    expect(res.body.periodeBentrok).toMatchObject({ nama: 'Januari 2026', tanggalSelesai: '2026-01-31' });
    expect(await counts()).toEqual(before);
  });

  it('closes the race: of concurrent identical creations exactly one wins', async () => {
    const body = { tahun: 2027, jenis: 'tahunan', tanggalMulai: '2027-01-01', tanggalSelesai: '2027-12-31' };
    const results = await Promise.all(
      Array.from({ length: 6 }, () => http().post('/api/v1/appraisal/periods').set('authorization', `Bearer ${admin}`).send(body)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'PERIODE_TUMPANG_TINDIH')).toBe(true);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM periode_penilaian WHERE tahun = 2027`);
    expect(n).toBe(1);
  });

  it('runs a POST retried with the same Idempotency-Key once: 201 both times, same id, one row', async () => {
    const key = `periode-${randomUUID()}`;
    const body = { tahun: 2028, jenis: 'tahunan', tanggalMulai: '2028-01-01', tanggalSelesai: '2028-12-31' };
    const send = () => http().post('/api/v1/appraisal/periods').set('authorization', `Bearer ${admin}`).set('idempotency-key', key).send(body).expect(201);
    const first = await send();
    const second = await send();
    expect(second.body.id).toBe(first.body.id);
    expect(second.headers['idempotency-replayed']).toBe('true');
    expect(second.headers.location).toBe(first.headers.location);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM periode_penilaian WHERE tahun = 2028`);
    expect(n).toBe(1);
  });

  describe('bad input is a 400 problem+json with field errors and writes nothing', () => {
    const cases: [string, Record<string, unknown>, string[]][] = [
      ['end before start', { tahun: 2026, jenis: 'tahunan', tanggalMulai: '2026-06-01', tanggalSelesai: '2026-05-31' }, ['tanggalSelesai:TANGGAL_SELESAI_TIDAK_SETELAH_MULAI']],
      ['outside the year', { tahun: 2026, jenis: 'tahunan', tanggalMulai: '2026-07-01', tanggalSelesai: '2027-06-30' }, ['tanggalSelesai:PERIODE_DI_LUAR_TAHUN']],
      ['a month straddling two', { tahun: 2026, jenis: 'bulanan', tanggalMulai: '2026-03-15', tanggalSelesai: '2026-04-14' }, ['tanggalSelesai:PERIODE_BULANAN_MELEWATI_BULAN']],
      ['an impossible date', { tahun: 2026, jenis: 'bulanan', tanggalMulai: '2026-02-01', tanggalSelesai: '2026-02-30' }, ['tanggalSelesai:TANGGAL_TIDAK_VALID']],
      ['wrong types and an unknown jenis', { tahun: '2026', jenis: 'mingguan', tanggalMulai: '01-02-2026', tanggalSelesai: 20260228 }, [
        'jenis:IS_IN', 'tahun:IS_INT', 'tanggalMulai:MATCHES', 'tanggalSelesai:IS_STRING',
      ]],
      ['an unknown field', { tahun: 2026, jenis: 'bulanan', tanggalMulai: '2026-02-01', tanggalSelesai: '2026-02-28', status: 'DIKUNCI' }, ['status:WHITELIST_VALIDATION']],
    ];

    it.each(cases)('%s', async (_name, body, expected) => {
      const before = await counts();
      const res = await http().post('/api/v1/appraisal/periods').set('authorization', `Bearer ${admin}`).send(body).expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.code).toBe('VALIDASI_GAGAL');
      const got = (res.body.errors as { field: string; code: string; message: string }[]).map((e) => `${e.field}:${e.code}`);
      for (const e of expected) expect(got).toContain(e);
      expect(res.body.errors.every((e: { message: string }) => e.message.length > 0)).toBe(true);
      expect(await counts()).toEqual(before);
    });

    it('malformed JSON', async () => {
      const res = await http()
        .post('/api/v1/appraisal/periods')
        .set('authorization', `Bearer ${admin}`)
        .set('content-type', 'application/json')
        .send('{"tahun": 2026,')
        .expect(400);
      expect(res.body.code).toBe('JSON_TIDAK_VALID');
    });
  });
});
