/**
 * The portal's appraisal and personnel screens added after the first e2e run (portal.e2e-spec.ts),
 * in Debian's Chromium against the real stack (e2e/stack.cjs: built services on scratch databases,
 * the real Keycloak login page, Kafka, PostgreSQL):
 * - an employee links an RHK to the penilai's by picking it from the list, and submits;
 * - an employee files an objection (keberatan) to the rating, and the atasan penilai decides it;
 * - the OPD admin overrides a reporting line with a reason, and downloads the completion export;
 * - each new page scanned with axe (no serious or critical violation), photographed at 360 px and
 *   desktop width into docs/screenshots/, and not wider than a 360 px phone.
 */
import { moveConsumerGroupToEnd } from '@capaian/shared/messaging';
import { Topics } from '@capaian/contracts';
import { DEMO_NIP, eventually, getToken } from '@capaian/shared/testing';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { allowPortalOrigin, checkPage as checkMainPage, demoAccount, type PageFindings, signIn as signInAs } from './support';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startStack, ROOT } = require('./stack.cjs') as {
  startStack(o?: { build?: boolean; beforeServices?: (groups: string[]) => Promise<void> }): Promise<{ url: string; stop(): Promise<void>; down: string[] }>;
  ROOT: string;
};

// Generous: on a machine shared with other builds a sign-in alone has taken most of a minute.
jest.setTimeout(600_000);

/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = path.join(ROOT, 'docs/screenshots');
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
const YEAR = Number(TODAY.slice(0, 4));
const API = (p: string) => `${url}/api/v1${p}`;
const BERAKHLAK = ['BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF', 'KOLABORATIF'];
/** Desi Permata, Sekretaris Daerah in personnel's demo data: the penilai of the OPD heads. */
const SEKDA_NIP = '198611152007102459';
const SITI_RHK = 'Meningkatnya layanan aplikasi pemerintah kota';

let stack: Awaited<ReturnType<typeof startStack>>;
let url: string;
let browser: Browser;
let restoreClient: (() => Promise<void>) | undefined;
const contexts: BrowserContext[] = [];
const accessibility: PageFindings[] = [];

const signIn = (nip: string, width?: number): Promise<Page> => signInAs(browser, url, contexts, nip, width);
const checkPage = (page: Page, name: string): Promise<void> => checkMainPage(page, name, SHOTS, accessibility);

async function call<T>(token: string, method: string, p: string, body?: unknown): Promise<T> {
  const r = await fetch(API(p), { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  const text = await r.text();
  if (!r.ok) throw new Error(`${method} ${p}: ${r.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Appraisal learns people from personnel's events a little after the API answers: a 403/404 meanwhile is asked again. */
async function settled<T>(action: () => Promise<T>): Promise<T> {
  let last: unknown;
  const done = await eventually(
    async () => {
      try {
        return { value: await action() };
      } catch (e) {
        last = e;
        if (/: (403|404) /.test(String((e as Error).message))) return undefined;
        throw e;
      }
    },
    150_000,
    1000,
  ).catch((e) => {
    throw last ?? e;
  });
  return done.value;
}

/** Sets an SKP as whoever appraisal holds as its penilai (BKPSDM for the head of an OPD without one). */
async function setAsItsPenilai(id: string, adminToken: string): Promise<void> {
  const expectations = Object.fromEntries(BERAKHLAK.map((v) => [v, 'Sesuai pedoman perilaku ASN']));
  const demo = new Set<string>([...Object.values(DEMO_NIP), SEKDA_NIP]);
  await settled(async () => {
    const skp = await call<{ penilaiNip: string | null; status: string }>(adminToken, 'GET', `/appraisal/skps/${id}`);
    if (skp.status === 'DITETAPKAN') return;
    if (skp.penilaiNip && !demo.has(skp.penilaiNip)) throw new Error(`: 403 penilai ${skp.penilaiNip} is not a demo user yet`);
    await call(skp.penilaiNip ? await getToken(skp.penilaiNip) : adminToken, 'POST', `/appraisal/skps/${id}/set`, { expectations });
  });
}

async function fieldMessage(page: Page, label: string): Promise<string> {
  const input = page.getByLabel(label, { exact: true }).and(page.locator('input, textarea')).first();
  await expectAttr(input, 'aria-invalid', 'true');
  const ids = (await input.getAttribute('aria-describedby')) ?? '';
  return page.evaluate((s) => s.split(' ').map((i: string) => document.getElementById(i)?.textContent ?? '').join(' '), ids);
}

async function expectAttr(locator: ReturnType<Page['locator']>, name: string, value: string): Promise<void> {
  for (let i = 0; i < 200 && (await locator.getAttribute(name)) !== value; i++) await new Promise((r) => setTimeout(r, 100));
  expect(await locator.getAttribute(name)).toBe(value);
}

const started = Date.now();
/** Progress of the long setup on stderr, so a slow step shows where the time went. */
const step = (what: string) => process.stderr.write(`[appraisal-extra e2e +${Math.round((Date.now() - started) / 1000)} s] ${what}\n`);

const suite = existsSync(CHROMIUM) ? describe : describe.skip;

suite('appraisal and personnel screens in Chromium', () => {
  let ratedSkpId: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    step('starting the stack');
    stack = await startStack({ beforeServices: (groups) => Promise.all(groups.map((g) => moveConsumerGroupToEnd(g, Object.values(Topics)))).then(() => undefined) });
    url = stack.url;
    restoreClient = await allowPortalOrigin(url);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    step('stack ready');
    await demoAccount(SEKDA_NIP, { firstName: 'Desi', lastName: 'Permata', opd: 'SETDA' });
    // Tokens live five minutes and the setup may wait longer for appraisal's projection: a fresh one per call.
    const as = (nip: string) => () => getToken(nip);
    const [sekda, ahmad, siti, dimas, hendra] = [as(SEKDA_NIP), as(DEMO_NIP.ahmad), as(DEMO_NIP.siti), as(DEMO_NIP.dimas), as(DEMO_NIP.hendra)];
    const plan = (description: string, parentRhkId: string | null, extra: object = {}) => ({
      year: YEAR,
      pendekatan: 'KUANTITATIF',
      ...extra,
      rhk: [{ kind: 'UTAMA', description, ...(parentRhkId ? { parentRhkId } : {}), indicators: [{ description: 'Layanan yang beroperasi', aspek: 'KUANTITAS', target: 5, unit: 'layanan', direction: 'NAIK' }] }],
    });
    // The cascade above Dimas and Putri (Sekda → Ahmad → Siti), each set by their penilai.
    let parent: string | null = null;
    for (const [token, description] of [
      [sekda, 'Terwujudnya tata kelola pemerintahan kota yang akuntabel'],
      [ahmad, 'Meningkatnya kualitas layanan informasi publik'],
      [siti, SITI_RHK],
    ] as const) {
      const skp = await settled(async () => call<{ id: string; rhk: { id: string }[] }>(await token(), 'POST', '/appraisal/skps', plan(description, parent)));
      step(`SKP drafted: ${description}`);
      await call(await token(), 'POST', `/appraisal/skps/${skp.id}/submit`);
      await setAsItsPenilai(skp.id, await hendra());
      parent = skp.rhk[0].id;
    }
    // Dimas's SKP ends today, so Siti may rate it now; the rating opens the objection window.
    const own = await settled(async () => call<{ id: string }>(await dimas(), 'POST', '/appraisal/skps', plan('Aplikasi layanan perizinan daring dibangun', parent, { startDate: `${YEAR}-01-01`, endDate: TODAY })));
    await call(await dimas(), 'POST', `/appraisal/skps/${own.id}/submit`);
    await setAsItsPenilai(own.id, await hendra());
    await call(await siti(), 'POST', `/appraisal/skps/${own.id}/evaluation`, { ratingHasilKerja: 'DI_BAWAH', reason: 'Realisasi tidak dilaporkan', perilaku: Object.fromEntries(BERAKHLAK.map((v) => [v, 'SESUAI'])) });
    ratedSkpId = own.id;
    step('setup done');
    // Starting the stack and waiting for appraisal's projection take minutes on a busy machine.
  }, 900_000);

  afterAll(async () => {
    await Promise.allSettled(contexts.map((c) => c.close()));
    await browser?.close();
    await restoreClient?.();
    await stack?.stop();
  });

  it('lets Putri link her RHK by picking Siti’s RHK from the list, then submit', async () => {
    const putri = await signIn(DEMO_NIP.putri);
    await putri.goto(url + '/skp');
    await putri.getByRole('button', { name: `Susun SKP ${YEAR}` }).click();
    await putri.getByLabel('Uraian RHK').fill('Layanan data terbuka kota diperbarui setiap bulan');
    const picker = putri.getByLabel('RHK pejabat penilai yang diintervensi', { exact: true }).and(putri.locator('input'));
    await putri.getByText(/Pilih RHK dari SKP Siti Rahmawati/).waitFor();
    await picker.click();
    await putri.getByRole('option', { name: SITI_RHK }).click();
    await putri.getByText(/Indikator RHK atasan: Layanan yang beroperasi/).waitFor();
    await putri.getByLabel('Uraian indikator').fill('Dataset yang diperbarui');
    await putri.getByLabel('Target').fill('12');
    await putri.getByLabel('Satuan').fill('dataset');
    await checkPage(putri, 'skp-pilih-rhk');
    await putri.getByRole('button', { name: 'Simpan sebagai draf' }).click();
    await putri.waitForURL(/\/skp\/[0-9a-f-]{36}$/);
    await putri.getByRole('button', { name: 'Ajukan ke pejabat penilai' }).click();
    // Submitting checks the link against Siti's set SKP: accepted only when it is one of its RHK.
    await putri.getByTestId('skp-status').filter({ hasText: 'Diajukan' }).first().waitFor({ timeout: 20_000 });
  });

  it('lets Dimas file an objection to his rating: an empty reason is refused next to the field', async () => {
    const dimas = await signIn(DEMO_NIP.dimas);
    await dimas.goto(`${url}/skp/${ratedSkpId}`);
    await dimas.getByTestId('evaluation-status').filter({ hasText: 'Dinilai' }).waitFor();
    await dimas.getByRole('button', { name: 'Ajukan keberatan' }).click();
    expect(await fieldMessage(dimas, 'Alasan keberatan')).toMatch(/wajib|kosong|diisi/i);
    await dimas.getByLabel('Alasan keberatan', { exact: true }).fill('Laporan realisasi sudah dikirim lewat surat dinas; mohon ditinjau kembali');
    await dimas.getByRole('button', { name: 'Ajukan keberatan' }).click();
    await dimas.getByTestId('objection-summary').filter({ hasText: 'Menunggu keputusan' }).waitFor();
    await checkPage(dimas, 'skp-keberatan');
  });

  it('lets Ahmad, the atasan penilai, decide it with new ratings and a reason', async () => {
    const ahmad = await signIn(DEMO_NIP.ahmad);
    await ahmad.getByRole('link', { name: 'Keberatan (atasan penilai)' }).first().click();
    const item = ahmad.getByTestId('objection-item').filter({ hasText: 'Dimas Pratama' });
    await item.getByText('Laporan realisasi sudah dikirim lewat surat dinas').waitFor();
    await checkPage(ahmad, 'keberatan');
    await item.getByRole('button', { name: 'Simpan keputusan' }).click();
    expect(await fieldMessage(ahmad, 'Alasan keputusan')).toMatch(/wajib|kosong|diisi/i);
    await item.getByText('Terima, ubah rating').click();
    await item.getByLabel('Rating hasil kerja baru', { exact: true }).and(ahmad.locator('input')).click();
    await ahmad.getByRole('option', { name: 'Sesuai ekspektasi' }).click();
    await item.getByLabel('Alasan keputusan', { exact: true }).fill('Bukti laporan diterima; rating disesuaikan');
    await item.getByRole('button', { name: 'Simpan keputusan' }).click();
    await ahmad.getByText('Tidak ada keberatan yang menunggu keputusan Anda').waitFor();
    // Dimas sees the decision and the final predikat.
    const dimas = contexts[1].pages()[0];
    await dimas.reload();
    await dimas.getByTestId('objection-summary').filter({ hasText: 'Diterima' }).waitFor();
    await dimas.getByTestId('evaluation-status').filter({ hasText: 'Final' }).waitFor();
    expect(await dimas.getByTestId('predikat').textContent()).toBe('Baik');
  });

  it('lets the OPD admin override Putri’s reporting line with a reason and see it in her history', async () => {
    const rudi = await signIn(DEMO_NIP.rudi);
    await rudi.getByRole('link', { name: 'Data pegawai' }).first().click();
    await rudi.getByLabel('Cari nama atau NIP').fill('Putri');
    await rudi.getByRole('link', { name: 'Putri Lestari' }).click();
    await rudi.getByTestId('penilai').filter({ hasText: 'Siti Rahmawati' }).waitFor();
    await rudi.getByLabel('NIP atasan yang ditunjuk', { exact: true }).fill(DEMO_NIP.ahmad);
    await rudi.getByText(/Ahmad Fauzi —/).waitFor();
    await rudi.getByRole('button', { name: 'Tetapkan atasan khusus' }).click();
    expect(await fieldMessage(rudi, 'Alasan penunjukan')).toMatch(/wajib|kosong|diisi/i);
    await rudi.getByLabel('Alasan penunjukan', { exact: true }).fill('Penugasan khusus sesuai SK Kepala Dinas');
    await rudi.getByRole('button', { name: 'Tetapkan atasan khusus' }).click();
    await rudi.getByTestId('supervisor').filter({ hasText: 'Ahmad Fauzi' }).waitFor();
    await rudi.getByText('Atasan khusus (penunjukan)').waitFor();
    await rudi.getByTestId('penilai').filter({ hasText: 'Ahmad Fauzi' }).waitFor();
    await rudi.getByTestId('history').getByText('Penugasan khusus sesuai SK Kepala Dinas').waitFor();
    await checkPage(rudi, 'admin-pegawai-atasan');
  });

  it('lets the OPD admin download the completion export', async () => {
    const rudi = contexts[contexts.length - 1].pages()[0];
    await rudi.goto(url + '/admin');
    await rudi.getByText('Belum menyusun SKP').first().waitFor();
    const [download] = await Promise.all([rudi.waitForEvent('download'), rudi.getByRole('button', { name: 'Unduh rekap (XLSX)' }).click()]);
    expect(download.suggestedFilename()).toBe(`kelengkapan-skp-diskominfo-${YEAR}.xlsx`);
    const file = await download.path();
    expect(readFileSync(file ?? '').subarray(0, 2).toString()).toBe('PK'); // a zip, as every XLSX is
  });

  it('has no serious accessibility violation on the new pages, nor a page wider than a phone or a clipped button', () => {
    expect(accessibility.length).toBe(8);
    expect(accessibility.filter((a) => a.violations.length > 0)).toEqual([]);
  });
});
