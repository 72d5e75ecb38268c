import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { BERAKHLAK_CODES } from '@capaian/kinerja';
import { loadServiceConfig } from '@capaian/shared/config';
import { configureHttpApp, createHttpAdapter } from '@capaian/shared/http';
import { runMigrations } from '@capaian/shared/persistence';
import { PersonnelProjection } from '@capaian/shared/projection';
import { Clock, TestClock } from '@capaian/shared/scheduling';
import { DEMO_NIP, getToken } from '@capaian/shared/testing';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { appraisalDataSourceOptions } from '../src/data-source';
import { AppraisalDemoModule } from '../src/demo/appraisal-demo.module';
import { AppraisalDemoSeeder } from '../src/demo/appraisal-demo-seeder';
import { seedPersonnel } from './personnel-stand-in';

/**
 * The reads the portal's forms need, on a scratch database holding DISKOMINFO's demo cascade
 * (Ahmad → Siti → Dimas set, Putri's waiting for Siti), with real Keycloak tokens:
 * - the RHK of the penilai's set SKP a subordinate may link to (only the SKP's owner and its
 *   penilai read them for an SKP; anyone for their own next SKP);
 * - the evaluation and objection of an SKP, and the objections an atasan penilai decides;
 * - the completion dashboard as an XLSX download for the OPD's admin and BKPSDM.
 */
const DB = 'capaian_appraisal_portal_reads_test';
jest.setTimeout(120_000);

describe('penilai RHK and objection reads (real PostgreSQL, Keycloak)', () => {
  let app: NestFastifyApplication;
  let ds: DataSource;
  const clock = new TestClock('2026-01-12T03:00:00Z');
  const token: Record<string, string> = {};
  const skp: Record<string, string> = {};

  let base: string;

  async function call(method: 'GET' | 'POST' | 'PUT', url: string, who: string | null, body?: unknown) {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: { ...(who ? { authorization: `Bearer ${token[who]}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as any, type: res.headers.get('content-type') ?? '' };
  }

  beforeAll(async () => {
    const admin = new DataSource({ type: 'postgres', host: process.env.DB_HOST ?? '127.0.0.1', username: process.env.PGUSER ?? 'postgres', password: process.env.PGPASSWORD ?? 'postgres', database: 'postgres' });
    await admin.initialize();
    await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${DB}`);
    await admin.destroy();
    const config = loadServiceConfig('appraisal', { ...process.env, DB_NAME: DB, DB_USER: process.env.PGUSER ?? 'postgres', DB_PASSWORD: process.env.PGPASSWORD ?? 'postgres', LOG_LEVEL: 'warn' });
    await runMigrations(appraisalDataSourceOptions(config));
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config, { scheduling: { enabled: false } }), AppraisalDemoModule] })
      .overrideProvider(Clock)
      .useValue(clock)
      .compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(), { logger: ['error', 'warn'] });
    configureHttpApp(app, 'appraisal', { title: 'appraisal (test)' });
    await app.listen(0, '127.0.0.1');
    base = `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/api/v1/appraisal`;
    ds = app.get(DataSource);
    const projection = app.get(PersonnelProjection);
    await seedPersonnel(ds, (event, m) => projection.apply(event, m));
    await app.get(AppraisalDemoSeeder).run();
    for (const r of await ds.query(`SELECT id, nip FROM skp`)) skp[Object.entries(DEMO_NIP).find(([, nip]) => nip === r.nip)![0]] = r.id;
    for (const who of ['hendra', 'ahmad', 'siti', 'dimas', 'putri', 'rudi'] as const) token[who] = await getToken(DEMO_NIP[who]);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('gives the owner and the penilai the RHK of the penilai set SKP, and nobody else', async () => {
    const siti = (await ds.query(`SELECT content FROM skp WHERE id = $1`, [skp.siti]))[0].content;
    for (const who of ['putri', 'siti']) {
      const r = await call('GET', `/skps/${skp.putri}/penilai-rhk`, who);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ year: 2026, linkRequired: true, penilai: { nip: DEMO_NIP.siti, name: 'Siti Rahmawati' }, skp: { id: skp.siti } });
      expect(r.body.rhk.map((x: { id: string }) => x.id)).toEqual(siti.rhk.map((x: { id: string }) => x.id));
      expect(r.body.rhk[0]).toEqual({ id: siti.rhk[0].id, kind: 'UTAMA', description: siti.rhk[0].description, indicators: [{ description: siti.rhk[0].indicators[0].description, target: siti.rhk[0].indicators[0].target, unit: siti.rhk[0].indicators[0].unit }] });
    }
    // The atasan penilai, another subordinate of the same penilai, the OPD admin and BKPSDM do not plan this SKP.
    for (const who of ['ahmad', 'dimas', 'rudi', 'hendra']) {
      const r = await call('GET', `/skps/${skp.putri}/penilai-rhk`, who);
      expect(r.status).toBe(403);
      expect(r.type).toContain('application/problem+json');
      expect(r.body.code).toBe('AKSES_RHK_PENILAI_DITOLAK');
    }
    expect((await call('GET', `/skps/${skp.putri}/penilai-rhk`, null)).status).toBe(401);
    expect((await call('GET', `/skps/00000000-0000-4000-8000-00000000ffff/penilai-rhk`, 'putri')).body.code).toBe('SKP_TIDAK_DITEMUKAN');
    expect((await call('GET', `/skps/bukan-uuid/penilai-rhk`, 'putri')).status).toBe(400);
  });

  it('gives an employee the RHK of their own penilai for a new SKP; the OPD head links to nothing', async () => {
    const putri = await call('GET', '/penilai-rhk?year=2026', 'putri');
    expect(putri.status).toBe(200);
    expect(putri.body).toMatchObject({ linkRequired: true, penilai: { nip: DEMO_NIP.siti }, skp: { id: skp.siti } });
    expect(putri.body.rhk).toHaveLength(1);
    const nextYear = await call('GET', '/penilai-rhk?year=2027', 'putri');
    expect(nextYear.body).toMatchObject({ linkRequired: true, penilai: { nip: DEMO_NIP.siti }, skp: null, rhk: [] });
    const ahmad = await call('GET', '/penilai-rhk?year=2026', 'ahmad');
    expect(ahmad.body).toMatchObject({ linkRequired: false, penilai: null, skp: null, rhk: [] });
    // Hendra works at BKPSDM, outside the projection's DISKOMINFO: not an employee appraisal knows.
    expect((await call('GET', '/penilai-rhk?year=2026', 'hendra')).body.code).toBe('PEGAWAI_TIDAK_DITEMUKAN');
    for (const bad of ['', '?year=dua', '?year=1999', '?year=2026&extra=1']) {
      const r = await call('GET', `/penilai-rhk${bad}`, 'putri');
      expect(r.status).toBe(400);
      expect(r.type).toContain('application/problem+json');
    }
  });

  it('links a new draft to an RHK from that list and submits it (the same set SKP submitting checks)', async () => {
    // Putri's demo SKP is waiting; returned by Siti, relinked to the picked RHK, submitted again.
    expect((await call('POST', `/skps/${skp.putri}/return`, 'siti', { reason: 'Pilih RHK atasan dari daftar' })).status).toBe(200);
    const picked = (await call('GET', `/skps/${skp.putri}/penilai-rhk`, 'putri')).body.rhk[0].id;
    const current = (await call('GET', `/skps/${skp.putri}`, 'putri')).body;
    const content = { pendekatan: current.pendekatan, rhk: current.rhk.map((r: object) => ({ ...r, parentRhkId: picked })), annex: current.annex };
    expect((await call('PUT', `/skps/${skp.putri}/content`, 'putri', content)).status).toBe(200);
    const submitted = await call('POST', `/skps/${skp.putri}/submit`, 'putri');
    expect(submitted.status).toBe(200);
    expect(submitted.body.rhk[0].parentRhkId).toBe(picked);
  });

  it('shows an SKP its evaluation and objection, and the atasan penilai the objections to decide', async () => {
    const perilaku = Object.fromEntries(BERAKHLAK_CODES.map((c) => [c, 'SESUAI']));
    expect((await call('GET', `/skps/${skp.dimas}/evaluation`, 'dimas')).body).toEqual({ evaluation: null, objection: null });
    clock.set('2027-01-05T03:00:00Z');
    const rated = await call('POST', `/skps/${skp.dimas}/evaluation`, 'siti', { ratingHasilKerja: 'DI_BAWAH', reason: 'Realisasi tidak dilaporkan', perilaku });
    expect(rated.status).toBe(200);
    const before = await call('GET', `/skps/${skp.dimas}/evaluation`, 'dimas');
    expect(before.body).toMatchObject({ evaluation: { id: rated.body.id, status: 'DINILAI', ratingHasilKerja: 'DI_BAWAH' }, objection: null });
    expect((await call('GET', '/objections?status=DIAJUKAN', 'ahmad')).body).toMatchObject({ items: [], total: 0 });

    const filed = await call('POST', `/evaluations/${rated.body.id}/objection`, 'dimas', { reason: 'Laporan dikirim lewat surat; mohon ditinjau' });
    expect(filed.status).toBe(201);
    const pending = await call('GET', '/objections?status=DIAJUKAN', 'ahmad');
    expect(pending.status).toBe(200);
    expect(pending.body).toMatchObject({ total: 1, page: 1 });
    expect(pending.body.items[0]).toMatchObject({
      id: filed.body.id,
      status: 'DIAJUKAN',
      reason: 'Laporan dikirim lewat surat; mohon ditinjau',
      skpId: skp.dimas,
      year: 2026,
      employee: { nip: DEMO_NIP.dimas, name: 'Dimas Pratama' },
      penilai: { nip: DEMO_NIP.siti, name: 'Siti Rahmawati' },
      ratingHasilKerja: 'DI_BAWAH',
      decision: null,
    });
    // The penilai who rated and the employee do not decide; their lists are empty.
    for (const who of ['siti', 'dimas', 'hendra']) expect((await call('GET', '/objections', who)).body).toMatchObject({ items: [], total: 0 });
    expect((await call('GET', `/skps/${skp.dimas}/evaluation`, 'putri')).body.code).toBe('AKSES_SKP_DITOLAK');
    expect((await call('GET', `/skps/${skp.dimas}/evaluation`, 'ahmad')).body.objection).toMatchObject({ id: filed.body.id, status: 'DIAJUKAN' });
    for (const bad of ['?status=MENUNGGU', '?size=101', '?page=0']) expect((await call('GET', `/objections${bad}`, 'ahmad')).status).toBe(400);

    const decided = await call('POST', `/objections/${filed.body.id}/decision`, 'ahmad', { accepted: true, decision: 'Bukti laporan diterima', ratingHasilKerja: 'SESUAI', ratingPerilaku: 'SESUAI' });
    expect(decided.status).toBe(200);
    expect((await call('GET', '/objections?status=DIAJUKAN', 'ahmad')).body.total).toBe(0);
    const all = await call('GET', '/objections', 'ahmad');
    expect(all.body.items[0]).toMatchObject({ status: 'DITERIMA', decision: 'Bukti laporan diterima', ratingHasilKerja: 'SESUAI', newRatingHasilKerja: 'SESUAI', decidedAt: expect.any(String) });
    const after = await call('GET', `/skps/${skp.dimas}/evaluation`, 'dimas');
    expect(after.body).toMatchObject({ evaluation: { status: 'FINAL', ratingHasilKerja: 'SESUAI' }, objection: { status: 'DITERIMA' } });
  });

  it('exports the completion dashboard as a workbook to BKPSDM and the OPD admin, and refuses others', async () => {
    for (const who of ['hendra', 'rudi']) {
      const res = await fetch(`${base}/dashboard/2026/DISKOMINFO/export.xlsx`, { headers: { authorization: `Bearer ${token[who]}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="kelengkapan-skp-diskominfo-2026.xlsx"');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
      expect(book.worksheets.map((w) => w.name)).toEqual(['Per unit', 'Belum menyusun SKP', 'Belum melapor', 'Belum dinilai', 'Pejabat penilai']);
      const dashboard = (await call('GET', '/dashboard/2026/DISKOMINFO', who)).body;
      const perUnit = book.getWorksheet('Per unit')!;
      expect(perUnit.getRow(1).values).toEqual([undefined, 'Unit kerja', 'Pegawai', 'Belum menyusun SKP', 'Belum melapor', 'Belum dinilai']);
      expect(perUnit.getRow(perUnit.rowCount).getCell(2).value).toBe(dashboard.totals.employees);
      expect(book.getWorksheet('Belum dinilai')!.rowCount - 1).toBe(dashboard.notRated.length);
    }
    for (const [who, status] of [['dimas', 403], ['rudi', 403]] as const) {
      const opd = who === 'rudi' ? 'BAPPEDA' : 'DISKOMINFO';
      const res = await fetch(`${base}/dashboard/2026/${opd}/export.xlsx`, { headers: { authorization: `Bearer ${token[who]}` } });
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await fetch(`${base}/dashboard/dua/DISKOMINFO/export.xlsx`, { headers: { authorization: `Bearer ${token.hendra}` } })).status).toBe(400);
  });
});
