/**
 * The portal's career screens end to end in Debian's Chromium (playwright-core, /usr/bin/chromium),
 * on their own stack (e2e/stack.cjs: built services on scratch databases, real Keycloak login page,
 * Kafka, PostgreSQL, S3Proxy). One enrolment goes the whole way through the screens: BKPSDM publishes
 * a program and its session and funds the OPD, the employee registers himself, his supervisor
 * opens the nomination form, another report's place is rejected with a reason, BKPSDM verifies
 * and approves, records attendance and the pass, the employee gives feedback on the session and uploads the certificate, BKPSDM
 * verifies it, and the JP shows on the employee's progress bar. Each main career page is scanned with axe (no serious or critical
 * violation, no page wider than a 360 px phone) and photographed into docs/screenshots/.
 */
import { moveConsumerGroupToEnd } from '@capaian/shared/messaging';
import { Topics } from '@capaian/contracts';
import { DEMO_NIP, eventually, getToken } from '@capaian/shared/testing';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { allowPortalOrigin, checkPage as checkMainPage, type PageFindings, signIn as signInAs } from './support';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startStack, ROOT } = require('./stack.cjs') as {
  startStack(o?: { build?: boolean; beforeServices?: (groups: string[]) => Promise<void> }): Promise<{ url: string; stop(): Promise<void>; down: string[] }>;
  ROOT: string;
};

jest.setTimeout(600_000);

// Code inside page.evaluate runs in the browser; this project's types are Node's.
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = path.join(ROOT, 'docs/screenshots');
/** A 1×1 PNG: career checks a certificate's content against its type. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/x8AAwMCAO+ip1sAAAAASUVORK5CYII=';
const PROGRAM_JP = 8;

/** A calendar day in Jakarta, `days` from today. */
function wibDay(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + days * 86_400_000));
}
// Registration open today and tomorrow; the one-day session the day after (start and end in one
// year, so its JP lands in the year the budget and the catalog are read for).
const REG_OPENS = wibDay(0);
const REG_CLOSES = wibDay(1);
const SESSION_DAY = wibDay(2);
const YEAR = Number(SESSION_DAY.slice(0, 4));
const PROGRAM = `Pelatihan Analisis Data Layanan Publik ${randomUUID().slice(0, 6)}`;

let stack: Awaited<ReturnType<typeof startStack>>;
let url: string;
let browser: Browser;
let restoreClient: (() => Promise<void>) | undefined;
const contexts: BrowserContext[] = [];
const accessibility: PageFindings[] = [];

const signIn = (nip: string, width?: number): Promise<Page> => signInAs(browser, url, contexts, nip, width);
const checkPage = (page: Page, name: string): Promise<void> => checkMainPage(page, name, SHOTS, accessibility);

async function expectFieldError(page: Page, label: string | RegExp): Promise<string> {
  const input = page.getByLabel(label).first();
  for (let i = 0; i < 200 && (await input.getAttribute('aria-invalid')) !== 'true'; i++) await page.waitForTimeout(100);
  expect(await input.getAttribute('aria-invalid')).toBe('true');
  const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
  return page.evaluate((ids) => ids.split(' ').map((i: string) => document.getElementById(i)?.textContent ?? '').join(' '), describedBy);
}

/** One person's row on the admins' enrolment tab. */
const adminRow = (page: Page, nip: string) => page.locator(`[data-testid=admin-enrolment][data-nip="${nip}"]`);

const chromiumMissing = !existsSync(CHROMIUM);
const suite = chromiumMissing ? describe.skip : describe;

suite('career screens in Chromium', () => {
  let hendra: Page;
  let dimas: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    stack = await startStack({ beforeServices: (groups) => Promise.all(groups.map((g) => moveConsumerGroupToEnd(g, Object.values(Topics)))).then(() => undefined) });
    if (stack.down.includes('career')) throw new Error('the career service did not start (see .run/portal-e2e/)');
    url = stack.url;
    restoreClient = await allowPortalOrigin(url);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    // Career learns the demo people from personnel's events (its projection, fed over Kafka): the
    // run waits until it knows the three whose places the test follows.
    const admin = await getToken(DEMO_NIP.hendra);
    for (const nip of [DEMO_NIP.dimas, DEMO_NIP.putri, DEMO_NIP.siti])
      await eventually(async () => (await fetch(`${url}/api/v1/career/jp/employees/${nip}?year=${YEAR}`, { headers: { authorization: `Bearer ${admin}` } })).ok || undefined, 300_000, 1000);
    // Migrations, the seed and five services starting on a shared two-core machine: the stack alone
    // may take many minutes while other engineers' builds and tests run, far more than one test's time.
  }, 1_200_000);

  afterAll(async () => {
    await Promise.allSettled(contexts.map((c) => c.close()));
    await browser?.close();
    await restoreClient?.();
    await stack?.stop();
  });

  it('lets BKPSDM publish a program (a missing JP shown under its field), schedule its session and fund the OPD', async () => {
    hendra = await signIn(DEMO_NIP.hendra);
    await hendra.getByRole('link', { name: 'Kelola pengembangan kompetensi' }).first().click();
    await hendra.getByRole('tab', { name: 'Program dan sesi' }).click();
    await hendra.getByLabel('Tahun mulai program').selectOption(String(YEAR));
    await hendra.getByRole('button', { name: 'Tambah program ke katalog' }).click();
    await hendra.getByLabel('Nama program').fill(PROGRAM);
    await hendra.getByLabel('Penyelenggara').fill('BKPSDM Kota Palembang');
    await hendra.getByLabel('Tanggal mulai').fill(SESSION_DAY);
    await hendra.getByLabel('Tanggal selesai').fill(SESSION_DAY);
    await hendra.getByLabel('Kuota peserta').fill('10');
    await hendra.getByLabel('Biaya per peserta').fill('1500000');
    await hendra.getByLabel('Pagu anggaran').fill('15000000');
    await hendra.getByRole('button', { name: 'Tambahkan ke katalog' }).click();
    // JP was left empty: the API's message stands under that field.
    expect(await expectFieldError(hendra, 'Jam pelajaran (JP)')).toMatch(/\S/);
    await hendra.getByLabel('Jam pelajaran (JP)').fill(String(PROGRAM_JP));
    await hendra.getByRole('button', { name: 'Tambahkan ke katalog' }).click();
    const card = hendra.getByTestId('admin-program').filter({ hasText: PROGRAM });
    await card.getByText('Belum ada sesi').waitFor();
    await card.getByRole('button', { name: `Jadwalkan sesi ${PROGRAM}` }).click();
    await card.getByLabel('Pendaftaran dibuka').fill(REG_OPENS);
    await card.getByLabel('Pendaftaran ditutup').fill(REG_CLOSES);
    await card.getByLabel('Sesi mulai').fill(SESSION_DAY);
    await card.getByLabel('Sesi selesai').fill(SESSION_DAY);
    await card.getByLabel('Tempat', { exact: true }).fill('Aula BKPSDM Kota Palembang');
    await card.getByRole('button', { name: 'Jadwalkan sesi', exact: true }).click();
    await card.getByText('0/10 kursi').waitFor();
    await checkPage(hendra, 'kelola-pengembangan-program');

    await hendra.getByRole('tab', { name: 'Anggaran' }).click();
    await hendra.getByLabel('Tahun anggaran').selectOption(String(YEAR));
    await hendra.getByLabel('Pemilik anggaran').fill('DISKOMINFO');
    await hendra.getByLabel('Perubahan alokasi').fill('30000000');
    await hendra.getByRole('button', { name: 'Simpan perubahan alokasi' }).click();
    await hendra.getByTestId('budget').filter({ hasText: 'OPD DISKOMINFO' }).getByText('Sisa Rp 30.000.000').waitFor();
  });

  it('lets Dimas find the session in the catalog and register himself', async () => {
    dimas = await signIn(DEMO_NIP.dimas);
    await dimas.getByRole('link', { name: 'Pengembangan kompetensi' }).first().click();
    await dimas.getByLabel('Tahun').selectOption(String(YEAR));
    await dimas.getByTestId('jp-progress').waitFor();
    // The catalog's card, not a suggestion's: suggestions appear above it once the JP and the
    // person's position have loaded, and would take `first()` from under the test's hand.
    const program = dimas.getByTestId('catalog').getByTestId('program').filter({ hasText: PROGRAM });
    await program.getByRole('button', { name: `Lihat sesi ${PROGRAM}` }).click();
    await program.getByRole('button', { name: new RegExp(`^Daftar sesi ini: ${PROGRAM}`) }).click();
    await program.getByText('Pendaftaran terkirim').waitFor();
    await dimas.getByTestId('place').filter({ hasText: PROGRAM }).getByTestId('place-status').filter({ hasText: 'Diajukan' }).waitFor();
  });

  it('shows Siti, his supervisor, the nomination form with her reports and the open session', async () => {
    const siti = await signIn(DEMO_NIP.siti);
    await siti.goto(url + '/pengembangan/usulan');
    await siti.getByLabel('Pegawai yang diusulkan').first().click();
    await siti.getByRole('option', { name: /Putri Lestari/ }).waitFor();
    await siti.keyboard.press('Escape');
    await siti.getByLabel('Sesi pelatihan').first().click();
    await siti.getByRole('option', { name: new RegExp(PROGRAM) }).waitFor();
    await siti.keyboard.press('Escape');
    // Submitting is left to the component test: career resolves a nominee by NIP in its projection,
    // which the shared topics fill with other runs' copies of the same demo people (another
    // supervisor), so a nomination here could be refused for reasons outside this run.
    await checkPage(siti, 'pengembangan-usulan');
    // Putri registers herself (through the API): the place BKPSDM rejects with a reason below.
    const putri = await getToken(DEMO_NIP.putri);
    const sessions = (await (await fetch(`${url}/api/v1/career/programs?year=${YEAR}&size=100`, { headers: { authorization: `Bearer ${putri}` } })).json()) as { items: { id: string; name: string }[] };
    const programId = sessions.items.find((p) => p.name === PROGRAM)!.id;
    const [session] = (await (await fetch(`${url}/api/v1/career/programs/${programId}/sessions`, { headers: { authorization: `Bearer ${putri}` } })).json()) as { id: string }[];
    const r = await fetch(`${url}/api/v1/career/sessions/${session.id}/enrolments`, { method: 'POST', headers: { authorization: `Bearer ${putri}`, 'content-type': 'application/json' }, body: '{}' });
    // The answer's body along with its status, so a refusal names its code.
    expect({ status: r.status, body: await r.text() }).toMatchObject({ status: 201 });
  });

  it('lets BKPSDM reject one place with a reason, verify and approve the other, and record attendance and the pass', async () => {
    await hendra.getByRole('tab', { name: 'Pendaftaran peserta' }).click();
    await hendra.waitForURL((u) => u.pathname === '/admin/pengembangan/pendaftaran');
    const putri = adminRow(hendra, DEMO_NIP.putri);
    await putri.getByRole('button', { name: 'Tolak pendaftaran Putri Lestari' }).click();
    await putri.getByRole('button', { name: 'Tolak pendaftaran' }).click();
    // Without a reason nothing is sent: the message stands under the reason.
    expect(await expectFieldError(hendra, /Alasan menolak pendaftaran Putri Lestari/)).toContain('Tuliskan alasannya');
    await putri.getByLabel(/Alasan menolak pendaftaran Putri Lestari/).fill('Kuota sesi ini diutamakan bagi pejabat fungsional.');
    await putri.getByRole('button', { name: 'Tolak pendaftaran' }).click();
    await putri.waitFor({ state: 'detached' });

    const row = adminRow(hendra, DEMO_NIP.dimas);
    await row.getByRole('button', { name: 'Verifikasi pendaftaran Dimas Pratama' }).click();
    await row.getByText('Diverifikasi BKPSDM').waitFor();
    await row.getByRole('button', { name: 'Setujui pendaftaran Dimas Pratama' }).click();
    await row.getByText('Disetujui').waitFor();
    await row.getByRole('button', { name: 'Catat hadir: Dimas Pratama' }).click();
    await row.getByText('hadir 1 hari').waitFor();
    await checkPage(hendra, 'kelola-pengembangan-pendaftaran');
    await row.getByRole('button', { name: 'Nyatakan lulus: Dimas Pratama' }).click();
    await row.waitFor({ state: 'detached' });
  });

  it('lets Dimas give feedback on the session he attended (a missing score shown under its question)', async () => {
    await dimas.reload();
    const place = dimas.getByTestId('place').filter({ hasText: PROGRAM });
    await place.getByTestId('place-status').filter({ hasText: 'Lulus' }).waitFor();
    const question = (name: string) => place.getByRole('radiogroup', { name });
    await question('Materi pelatihan').getByLabel('5 · Sangat baik').check();
    await question('Fasilitator/pengajar').getByLabel('4 · Baik').check();
    await place.getByRole('button', { name: 'Kirim umpan balik' }).click();
    await place.getByText('Pilih nilai penyelenggaraan.').waitFor();
    await question('Penyelenggaraan').getByLabel('4 · Baik').check();
    await place.getByLabel('Saran atau komentar (opsional)').fill('Contoh kasusnya dekat dengan layanan kami.');
    await place.getByRole('button', { name: 'Kirim umpan balik' }).click();
    await place.getByRole('status').getByText('Terima kasih, umpan balik Anda tersimpan.').waitFor();
    // Career keeps it: the same feedback again is refused as given already.
    const token = await getToken(DEMO_NIP.dimas);
    const mine = (await (await fetch(`${url}/api/v1/career/enrolments`, { headers: { authorization: `Bearer ${token}` } })).json()) as { id: string; nip: string; status: string }[];
    const lulus = mine.find((e) => e.nip === DEMO_NIP.dimas && e.status === 'LULUS');
    expect(lulus).toBeDefined();
    const again = await fetch(`${url}/api/v1/career/enrolments/${lulus?.id}/feedback`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ content: 5, facilitator: 4, organisation: 4 }) });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { code: string }).code).toBe('UMPAN_BALIK_SUDAH_ADA');
    // After a reload the form is not offered again: the place says the feedback is in.
    await dimas.reload();
    await place.getByText('Umpan balik Anda atas sesi ini sudah tersimpan.').waitFor();
    expect(await place.getByRole('button', { name: 'Kirim umpan balik' }).count()).toBe(0);
  });

  it('lets Dimas upload his certificate; once BKPSDM verifies it, the JP shows on his progress bar', async () => {
    const place = dimas.getByTestId('place').filter({ hasText: PROGRAM });
    await place.locator('input[type=file]').setInputFiles({ name: 'sttpp.png', mimeType: 'image/png', buffer: Buffer.from(PNG, 'base64') });
    await place.getByRole('button', { name: /Unggah sertifikat/ }).click();
    await place.getByTestId('place-status').filter({ hasText: 'Sertifikat diunggah' }).waitFor();

    await hendra.reload();
    const row = adminRow(hendra, DEMO_NIP.dimas);
    await row.getByRole('button', { name: 'Verifikasi sertifikat Dimas Pratama' }).click();
    await row.waitFor({ state: 'detached' });

    await dimas.reload();
    await dimas.getByLabel('Tahun').selectOption(String(YEAR));
    await dimas.getByTestId('jp-progress').filter({ hasText: `${PROGRAM_JP} dari 20 JP tercatat` }).waitFor();
    await place.getByTestId('place-status').filter({ hasText: 'Selesai, JP diakui' }).waitFor();
    await checkPage(dimas, 'pengembangan');
  });

  it('shows BKPSDM the budget ledger (commitment turned realization) and the JP compliance', async () => {
    await hendra.getByRole('tab', { name: 'Anggaran' }).click();
    await hendra.getByLabel('Tahun anggaran').selectOption(String(YEAR));
    const budget = hendra.getByTestId('budget').filter({ hasText: 'OPD DISKOMINFO' });
    await budget.getByText('Sisa Rp 28.500.000').waitFor();
    await budget.getByRole('button', { name: 'Lihat buku besar' }).click();
    await hendra.getByTestId('ledger').getByText('Realisasi').first().waitFor();
    await checkPage(hendra, 'kelola-pengembangan-anggaran');
    await hendra.getByRole('tab', { name: 'Pemenuhan JP dan ekspor' }).click();
    await hendra.getByTestId('compliance').waitFor();
    const download = hendra.waitForEvent('download');
    await hendra.getByRole('button', { name: /Unduh rekap JP/ }).click();
    expect((await download).suggestedFilename()).toMatch(/^rekap-jp-\d{4}\.xlsx$/);
    await checkPage(hendra, 'kelola-pengembangan-jp');
  });

  it('gives an employee without an admin role a clear page at the admins’ address', async () => {
    await dimas.goto(url + '/admin/pengembangan/anggaran');
    await dimas.getByRole('heading', { name: 'Halaman ini bukan untuk peran Anda' }).waitFor();
    expect(await dimas.getByRole('link', { name: 'Kelola pengembangan kompetensi' }).count()).toBe(0);
  });

  it('has no serious accessibility violation on the career pages, nor a page wider than a phone or a clipped button', () => {
    expect(accessibility.length).toBeGreaterThanOrEqual(10);
    expect(accessibility.filter((a) => a.violations.length > 0)).toEqual([]);
  });
});
