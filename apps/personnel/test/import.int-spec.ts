import ExcelJS from 'exceljs';
import { eventually } from '@capaian/shared/testing';
import { EmployeeHiredV1, EmployeePromotedV1, EmployeeTransferredV1, Topics } from '@capaian/contracts';
import { watchTopic, type TopicWatcher } from '@capaian/shared/messaging';
import { DEMO_NIP, getToken } from '@capaian/shared/testing';
import { InMemoryAccountDirectory } from '../src/accounts/infrastructure/in-memory-account-directory';
import { api, http, startPersonnelApp, type PersonnelTestApp } from './personnel-test-app';

/**
 * Bulk import through the HTTP API with real tokens, PostgreSQL and Kafka: dry run, all-or-nothing
 * commit, every error by row and column, idempotent re-import, XLSX, OPD scope, updates.
 */
jest.setTimeout(60_000);

let t: PersonnelTestApp;
let base: string;
let hendra: string;
let rudi: string;
let employees: TopicWatcher;

const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// Four new people for DISKOMINFO positions, as an agency keeps them: semicolons, Indonesian headers,
// DD-MM-YYYY dates, spaced NIPs, sex in words.
const GOOD = [
  'NIP;Nama Lengkap;Jenis ASN;Tgl Lahir;Jenis Kelamin;Gol/Ruang;Kode Jabatan;E-mail;TMT Jabatan',
  '19900101 201503 1 011;Agus Salim;PNS;01-01-1990;Laki-laki;III/b;DISKOMINFO-IKP-JF1;agus.salim@palembang.go.id;01-03-2024',
  '199102022016032012;Rina Marlina;PNS;02-02-1991;Perempuan;III/b;DISKOMINFO-IKP-JF1;rina.marlina@palembang.go.id;',
  '199303032024212013;Wulan Sari;PPPK;1993-03-03;P;IX;DISKOMINFO-TIK-JF1;;2024-05-01',
  '198804042012041014;Irfan Hakim;PNS;04/04/1988;L;III/c;DISKOMINFO-SANDISTIK-JF2;irfan.hakim@palembang.go.id;2023-01-02',
].join('\n');

function post(body: Buffer | string, contentType: string, query = '', token = hendra) {
  return http('POST', `${base}/imports${query}`, { token, raw: body, contentType });
}

async function finished(id: string, token = hendra) {
  return eventually(async () => {
    const res = await http('GET', `${base}/imports/${id}`, { token });
    return ['BERHASIL', 'DITOLAK', 'GAGAL'].includes(res.body.status) ? res.body : undefined;
  }, 30_000);
}

/**
 * An event's envelope, or nothing for a message that is not JSON: other test files publish poison
 * messages to the same topic on purpose, and a watcher started in this file may see them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function envelope(m: { text(): string }): any {
  try {
    return JSON.parse(m.text());
  } catch {
    return {};
  }
}

const count = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM employee`))[0].n as number;
const outbox = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox`))[0].n as number;

beforeAll(async () => {
  employees = await watchTopic(Topics.personnelEmployee);
  t = await startPersonnelApp({ accountDirectory: new InMemoryAccountDirectory() });
  base = api(t);
  [hendra, rudi] = await Promise.all([getToken(DEMO_NIP.hendra), getToken(DEMO_NIP.rudi)]);
  // Room in the target positions whatever the seeded workforce filled.
  for (const code of ['DISKOMINFO-IKP-JF1', 'DISKOMINFO-TIK-JF1', 'DISKOMINFO-SANDISTIK-JF2']) {
    expect((await http('PATCH', `${base}/positions/${code}`, { token: hendra, body: { capacity: 10 } })).status).toBe(200);
  }
});

afterAll(async () => {
  await employees?.stop();
  await t?.close();
});

describe('bulk import', () => {
  it('dry run validates and summarises without writing anything', async () => {
    const [n, events] = [await count(), await outbox()];
    const res = await post(GOOD, CSV, '?dryRun=true&fileName=pegawai-diskominfo.csv');
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'MENUNGGU', dryRun: true, format: 'csv', fileName: 'pegawai-diskominfo.csv' });
    const job = await finished(res.body.id);
    expect(job).toMatchObject({ status: 'BERHASIL', errorCount: 0, summary: { created: 4, updated: 0, unchanged: 0 }, rowsProcessed: 4, progress: 1 });
    expect(await count()).toBe(n);
    expect(await outbox()).toBe(events);
  });

  it('commits all rows in one go, with events and history from the TMT', async () => {
    const n = await count();
    const job = await finished((await post(GOOD, CSV)).body.id);
    expect(job).toMatchObject({ status: 'BERHASIL', summary: { created: 4, updated: 0, unchanged: 0 } });
    expect(await count()).toBe(n + 4);
    const [agus] = await t.dataSource.query(`SELECT id, golongan, pangkat, email, tmt_jabatan::text AS tmt FROM employee WHERE nip = '199001012015031011'`);
    expect(agus).toMatchObject({ golongan: 'III/b', pangkat: 'Penata Muda Tingkat I', email: 'agus.salim@palembang.go.id', tmt: '2024-03-01' });
    const hired = await employees.waitFor((m) => envelope(m).type === EmployeeHiredV1 && envelope(m).subject === agus.id);
    const supervisor = (await http('GET', `${base}/employees/${agus.id}/supervisor`, { token: hendra })).body.supervisor;
    expect(supervisor).not.toBeNull();
    expect(hired[0].json<any>().data).toMatchObject({ nip: '199001012015031011', opd: { code: 'DISKOMINFO' }, supervisor: { nip: supervisor.nip } });
    const asOf = await http('GET', `${base}/employees/199001012015031011?asOf=2024-06-01`, { token: hendra });
    expect(asOf.body.position.code).toBe('DISKOMINFO-IKP-JF1');
    expect((await http('GET', `${base}/employees/199001012015031011?asOf=2024-01-01`, { token: hendra })).status).toBe(404);
  });

  it('re-importing the same file changes nothing', async () => {
    const [n, events] = [await count(), await outbox()];
    const job = await finished((await post(GOOD, CSV)).body.id);
    expect(job).toMatchObject({ status: 'BERHASIL', summary: { created: 0, updated: 0, unchanged: 4 } });
    expect(await count()).toBe(n);
    expect(await outbox()).toBe(events);
  });

  it('rejects a file with errors: every error by row and column, nothing written', async () => {
    const bad = [
      'NIP,Nama,Jenis ASN,Tanggal Lahir,Jenis Kelamin,Golongan,Kode Jabatan',
      '199505052030011015,Baris Dua,PNS,1995-05-05,L,III/a,DISKOMINFO-IKP-JF1', // TMT in the future
      '199606062019032000,Baris Tiga,PNS,1996-06-06,L,III/a,TIDAK-ADA', // bad sequence, wrong sex, unknown position
      '199707072019031017,Baris Empat,HONORER,1997-07-07,L,III/a,DISKOMINFO-IKP-JF1', // unknown jenis ASN
      '199808082020001018,Baris Lima,PPPK,08-08-1998,L,III/a,DISKOMINFO-IKP-JF1', // code 00, and a PNS golongan
      '199909092020121019,Baris Enam,PNS,1999-09-09,L,III/a,DISKOMINFO-IKP-JF1', // good on its own
      '199909092020121019,Baris Tujuh,PNS,1999-09-09,L,III/a,DISKOMINFO-IKP-JF1', // same NIP again
      '200001012022011020,Baris Delapan,CPNS,2000-01-01,L,III/a,DISKOMINFO-KEPALA', // CPNS in a JPT post (and it is taken)
    ].join('\n');
    const [n, events] = [await count(), await outbox()];
    const job = await finished((await post(bad, CSV)).body.id);
    expect(job.status).toBe('DITOLAK');
    const byRow = (row: number) => job.errors.filter((e: any) => e.row === row).map((e: any) => `${e.column}:${e.code}`);
    expect(byRow(2)).toEqual(['NIP:NIP_TMT_DI_MASA_DEPAN']);
    expect(byRow(3)).toEqual(['NIP:NIP_JENIS_KELAMIN_TIDAK_SESUAI', 'NIP:NIP_NOMOR_URUT_TIDAK_VALID']);
    expect(byRow(4)).toEqual(['Jenis ASN:JENIS_ASN_TIDAK_DIKENAL']);
    expect(byRow(5)).toEqual(expect.arrayContaining(['NIP:NI_PPPK_KODE_TIDAK_VALID', 'Golongan:GOLONGAN_TIDAK_SESUAI_JENIS_ASN']));
    // The valid rows are checked against the database in the same run: one upload lists every error.
    expect(job.errors.map((e: any) => `${e.row}:${e.code}`)).toEqual(expect.arrayContaining(['7:NIP_GANDA_DALAM_BERKAS', '8:JABATAN_TIDAK_UNTUK_CPNS']));
    expect(job.errorCount).toBe(job.errors.length);
    expect(await count()).toBe(n);
    expect(await outbox()).toBe(events);
    // With the row-level errors fixed, the database-level ones remain: unknown position, duplicate, jabatan rules.
    const second = [bad.split('\n')[0], bad.split('\n')[5], bad.split('\n')[6], bad.split('\n')[7], '199606062019031016,Baris Sembilan,PNS,1996-06-06,L,III/a,TIDAK-ADA'].join('\n');
    const job2 = await finished((await post(second, CSV)).body.id);
    expect(job2.status).toBe('DITOLAK');
    expect(job2.errors.map((e: any) => `${e.row}:${e.code}`)).toEqual(['3:NIP_GANDA_DALAM_BERKAS', '4:JABATAN_TIDAK_UNTUK_CPNS', '5:JABATAN_TIDAK_DITEMUKAN']);
    expect(await count()).toBe(n);
  });

  it('reports missing columns and empty files', async () => {
    const job = await finished((await post('NIP,Nama\n197906012005011002,Hendra', CSV)).body.id);
    expect(job.status).toBe('DITOLAK');
    expect(job.errors.map((e: any) => e.code)).toEqual(['KOLOM_WAJIB_TIDAK_ADA', 'KOLOM_WAJIB_TIDAK_ADA', 'KOLOM_WAJIB_TIDAK_ADA', 'KOLOM_WAJIB_TIDAK_ADA']);
    const empty = await post('', CSV);
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('BERKAS_KOSONG');
    const json = await http('POST', `${base}/imports`, { token: hendra, body: { rows: [] } });
    expect(json.status).toBe(415);
    expect(json.body.code).toBe('JENIS_BERKAS_TIDAK_DIDUKUNG');
  });

  it('updates what changed: transfer with its TMT, promotion, name; events for each', async () => {
    const changed = GOOD.split('\n')
      .map((line, i) => (i === 2 ? line.replace('Rina Marlina', 'Rina Marlina Sari').replace(';III/b;', ';III/c;') : i === 4 ? line.replace('DISKOMINFO-SANDISTIK-JF2', 'DISKOMINFO-IKP-JF1').replace(';2023-01-02', ';2025-01-02') : line))
      .join('\n');
    const dry = await finished((await post(changed, CSV, '?dryRun=1')).body.id);
    expect(dry.summary).toEqual({ created: 0, updated: 2, unchanged: 2 });
    const job = await finished((await post(changed, CSV)).body.id);
    expect(job).toMatchObject({ status: 'BERHASIL', summary: { created: 0, updated: 2, unchanged: 2 } });
    const [rina] = await t.dataSource.query(`SELECT id, name, golongan FROM employee WHERE nip = '199102022016032012'`);
    expect(rina).toMatchObject({ name: 'Rina Marlina Sari', golongan: 'III/c' });
    await employees.waitFor((m) => envelope(m).type === EmployeePromotedV1 && envelope(m).subject === rina.id);
    const [irfan] = await t.dataSource.query(`SELECT id FROM employee WHERE nip = '198804042012041014'`);
    const moved = await employees.waitFor((m) => envelope(m).type === EmployeeTransferredV1 && envelope(m).subject === irfan.id);
    expect(moved[0].json<any>().data).toMatchObject({ effectiveDate: '2025-01-02', from: { position: { code: 'DISKOMINFO-SANDISTIK-JF2' } }, position: { code: 'DISKOMINFO-IKP-JF1' } });
    // Demotion by import is refused.
    const down = await finished((await post(changed.replace(';III/c;', ';III/a;'), CSV)).body.id);
    expect(down.errors.map((e: any) => e.code)).toEqual(['GOLONGAN_TIDAK_NAIK']);
  });

  it('reads XLSX files with date cells and text NIPs; a NIP stored as a number is refused', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Pegawai');
    ws.addRow(['NIP', 'Nama', 'Jenis ASN', 'Tanggal Lahir', 'Jenis Kelamin', 'Golongan', 'Kode Jabatan', 'TMT Jabatan']);
    ws.addRow(['198512122010122021', 'Kartika Dewi', 'PNS', new Date(Date.UTC(1985, 11, 12)), 'P', 'III/c', 'DISKOMINFO-TIK-JF1', new Date(Date.UTC(2024, 0, 2))]);
    ws.getColumn(4).numFmt = 'dd/mm/yyyy';
    ws.getColumn(8).numFmt = 'dd/mm/yyyy';
    const good = Buffer.from(await wb.xlsx.writeBuffer());
    const job = await finished((await post(good, XLSX, '?fileName=pegawai.xlsx')).body.id);
    expect(job.errors).toEqual([]);
    expect(job).toMatchObject({ status: 'BERHASIL', format: 'xlsx', summary: { created: 1 } });
    const [k] = await t.dataSource.query(`SELECT birth_date::text AS b, tmt_jabatan::text AS tmt FROM employee WHERE nip = '198512122010122021'`);
    expect(k).toEqual({ b: '1985-12-12', tmt: '2024-01-02' });

    ws.addRow([Number('198601012010122000'), 'Angka', 'PNS', new Date(Date.UTC(1986, 0, 1)), 'P', 'III/c', 'DISKOMINFO-TIK-JF1']);
    const bad = Buffer.from(await wb.xlsx.writeBuffer());
    const rejected = await finished((await post(bad, XLSX)).body.id);
    expect(rejected.errors.map((e: any) => `${e.row}:${e.column}:${e.code}`)).toEqual(['3:NIP:NIP_TERSIMPAN_SEBAGAI_ANGKA']);
  });

  it('refuses malformed files as the user\'s fault, in Bahasa Indonesia, and writes nothing', async () => {
    const [n, jobs] = [await count(), (await t.dataSource.query(`SELECT count(*)::int AS n FROM import_job`))[0].n];
    // Bytes that are no text: every byte value, NUL included.
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    const binaryCsv = await post(noise, CSV);
    expect(binaryCsv.status).toBe(400);
    expect(binaryCsv.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(binaryCsv.body.code).toBe('BERKAS_BUKAN_TEKS');
    const binaryXlsx = await post(noise, XLSX);
    expect(binaryXlsx.status).toBe(400);
    expect(binaryXlsx.body.code).toBe('BERKAS_XLSX_RUSAK');
    // A real workbook cut short: the zip has no end record.
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Pegawai').addRow(['NIP', 'Nama', 'Jenis ASN', 'Tanggal Lahir', 'Jenis Kelamin', 'Golongan', 'Kode Jabatan']);
    const whole = Buffer.from(await wb.xlsx.writeBuffer());
    const truncated = await post(whole.subarray(0, Math.floor(whole.length / 2)), XLSX);
    expect(truncated.status).toBe(400);
    expect(truncated.body.code).toBe('BERKAS_XLSX_RUSAK');
    expect(await count()).toBe(n);
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM import_job`))[0].n).toBe(jobs);

    // An unclosed quote is only found while reading: the job is refused (DITOLAK), not failed.
    const unclosed = [GOOD.split('\n')[0], GOOD.split('\n')[1], '"199102022016032012;Rina Marlina;PNS;02-02-1991;P;III/b;DISKOMINFO-IKP-JF1;;'].join('\n');
    const quoteJob = await finished((await post(unclosed, CSV)).body.id);
    expect(quoteJob).toMatchObject({ status: 'DITOLAK', failure: null });
    expect(quoteJob.errors).toEqual([{ row: 3, column: '-', code: 'BERKAS_CSV_RUSAK', message: expect.stringContaining('tanda kutip') }]);
    // A zip that is complete but holds no workbook: refused by the reader, in our words.
    const notWorkbook = Buffer.concat([Buffer.from('504b0506', 'hex'), Buffer.alloc(18)]);
    const zipJob = await finished((await post(Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(26), notWorkbook]), XLSX)).body.id);
    expect(zipJob).toMatchObject({ status: 'DITOLAK', failure: null });
    expect(zipJob.errors.map((e: any) => e.code)).toEqual(['BERKAS_XLSX_RUSAK']);
    for (const text of [binaryCsv.body.title, binaryXlsx.body.title, truncated.body.title, ...quoteJob.errors.map((e: any) => e.message)]) {
      expect(text).not.toMatch(/\b(Quote|Invalid|Error|undefined|zip|signature|unexpected)\b/i);
    }
    expect(await count()).toBe(n);
  });

  it('refuses a file unreadable past its first chunk while that chunk is still being checked, and writes nothing', async () => {
    // 5,500 valid rows (more than one chunk of the reader), then an unclosed quote: the reader finds
    // it while the database checks the first chunk; the job waits for that check and is refused.
    const rows = [GOOD.split('\n')[0]];
    for (let i = 0; i < 5500; i++) {
      const born = new Date(Date.UTC(1980, 0, 1 + i));
      const [y, m, d] = [born.getUTCFullYear(), String(born.getUTCMonth() + 1).padStart(2, '0'), String(born.getUTCDate()).padStart(2, '0')];
      rows.push(`${y}${m}${d}2015031001;Pegawai Uji ${i};PNS;${d}-${m}-${y};L;III/a;DISKOMINFO-IKP-JF1;;`);
    }
    rows.push('"199102022016032012;Rina Marlina;PNS;02-02-1991;P;III/b;DISKOMINFO-IKP-JF1;;');
    const [n, events] = [await count(), await outbox()];
    const job = await finished((await post(rows.join('\n'), CSV)).body.id);
    expect(job).toMatchObject({ status: 'DITOLAK', failure: null });
    expect(job.errors).toEqual([{ row: 5502, column: '-', code: 'BERKAS_CSV_RUSAK', message: expect.stringContaining('tanda kutip') }]);
    expect([await count(), await outbox()]).toEqual([n, events]);
  });

  it('limits an OPD admin to their OPD', async () => {
    const other = ['NIP,Nama,Jenis ASN,Tanggal Lahir,Jenis Kelamin,Golongan,Kode Jabatan', '199202022018011022,Orang Lain,PNS,1992-02-02,L,III/a,BKPSDM-MUTASI-JF1'].join('\n');
    const res = await post(other, CSV, '', rudi);
    expect(res.status).toBe(202);
    const job = await finished(res.body.id, rudi);
    expect(job.errors.map((e: any) => e.code)).toEqual(['IMPOR_DI_LUAR_OPD']);
    const dimas = await getToken(DEMO_NIP.dimas);
    expect((await http('GET', `${base}/imports/${res.body.id}`, { token: dimas })).status).toBe(403);
    const list = await http('GET', `${base}/imports`, { token: rudi });
    expect(list.body.items.map((j: any) => j.id)).toEqual([res.body.id]);
  });
});
