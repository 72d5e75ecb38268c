import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { countDataRows, readRows, sniffDelimiter, UnreadableFileError, UploadInspector } from './import-readers';

describe('import file readers', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'personnel-readers-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  async function collect(path: string, format: 'csv' | 'xlsx') {
    const out = [];
    for await (const r of readRows(path, format)) out.push(r);
    return out;
  }

  it('reads semicolon CSV with a BOM, quotes and blank lines, keeping line numbers', async () => {
    const path = join(dir, 'a.csv');
    await writeFile(path, '\ufeffNIP;Nama\n"197906012005011002";"Saputra, Hendra"\n\n198507222010012003;Siti Rahmawati\n');
    expect(await sniffDelimiter(path)).toBe(';');
    const rows = await collect(path, 'csv');
    expect(rows).toEqual([
      { row: 1, cells: ['NIP', 'Nama'] },
      { row: 2, cells: ['197906012005011002', 'Saputra, Hendra'] },
      { row: 4, cells: ['198507222010012003', 'Siti Rahmawati'] },
    ]);
    expect(await countDataRows(path, 'csv')).toBe(3);
  });

  it('prefers comma when the header has more commas', async () => {
    const path = join(dir, 'b.csv');
    await writeFile(path, 'NIP,Nama,"Gol; Ruang"\n1,2,3');
    expect(await sniffDelimiter(path)).toBe(',');
  });

  it('streams the first XLSX sheet with dates, numbers and rich text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Pegawai');
    ws.addRow(['NIP', 'Nama', 'Tanggal Lahir']);
    ws.addRow(['197906012005011002', { richText: [{ text: 'Hendra ' }, { text: 'Saputra' }] }, new Date(Date.UTC(1979, 5, 1))]);
    ws.getCell('C2').numFmt = 'dd/mm/yyyy';
    ws.addRow([]);
    ws.addRow([Number('197906012005011002'), 'Angka', 28643]);
    wb.addWorksheet('Lain').addRow(['abaikan']);
    const path = join(dir, 'c.xlsx');
    await wb.xlsx.writeFile(path);
    const rows = await collect(path, 'xlsx');
    expect(rows.map((r) => r.row)).toEqual([1, 2, 4]);
    expect(rows[1].cells[0]).toBe('197906012005011002');
    expect(rows[1].cells[2]).toBeInstanceOf(Date);
    expect(typeof rows[2].cells[0]).toBe('number');
  });

  async function failure(path: string, format: 'csv' | 'xlsx'): Promise<UnreadableFileError> {
    try {
      await collect(path, format);
    } catch (e) {
      if (e instanceof UnreadableFileError) return e;
      throw e;
    }
    throw new Error('the file was read');
  }

  it('refuses a CSV with an unclosed quote at the row where the broken record starts, in Bahasa Indonesia', async () => {
    const path = join(dir, 'quote.csv');
    await writeFile(path, 'NIP;Nama\n197906012005011002;Hendra\n"198507222010012003;Siti\n199203152019031004;Dimas\n');
    const e = await failure(path, 'csv');
    expect(e.violation).toMatchObject({ kind: 'invalid', code: 'BERKAS_CSV_RUSAK', row: 3, column: '-' });
    expect(e.violation.message).toBe('Berkas CSV tidak dapat dibaca mulai baris 3: tanda kutip dibuka tetapi tidak ditutup sampai akhir berkas');
    expect(e.parserMessage).toMatch(/Quote Not Closed/);
  });

  it('refuses text after a closing quote with advice on doubling quotes', async () => {
    const path = join(dir, 'closing.csv');
    await writeFile(path, 'NIP,Nama\n197906012005011002,"Hendra" Saputra\n');
    const e = await failure(path, 'csv');
    expect(e.violation.code).toBe('BERKAS_CSV_RUSAK');
    expect(e.violation.message).toContain('tanda kutip di dalam teks harus ditulis dua kali');
  });

  it('refuses damaged workbooks with one message, whatever the zip reader says', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Pegawai').addRow(['NIP', 'Nama']);
    const whole = Buffer.from(await wb.xlsx.writeBuffer());
    const path = join(dir, 'cut.xlsx');
    await writeFile(path, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const e = await failure(path, 'xlsx');
    expect(e.violation).toMatchObject({ kind: 'invalid', code: 'BERKAS_XLSX_RUSAK', row: 1 });
  });

  it('tells a CSV from binary data and a whole zip from a cut or fake one while the upload streams', async () => {
    const inspect = (format: 'csv' | 'xlsx', ...chunks: Buffer[]) => {
      const inspector = new UploadInspector(format);
      for (const c of chunks) inspector.push(c);
      return inspector.verdict()?.code ?? null;
    };
    // Windows-1252 text (Excel's default CSV encoding in Indonesia) is text.
    expect(inspect('csv', Buffer.from('NIP;Nama\r\n1;Andr\xe9\t\r\n', 'latin1'))).toBeNull();
    expect(inspect('csv', Buffer.from('NIP;Nama\n'), Buffer.from([0x31, 0x00, 0x32]))).toBe('BERKAS_BUKAN_TEKS');
    expect(inspect('csv', Buffer.from([0x1b, 0x5b, 0x41]))).toBe('BERKAS_BUKAN_TEKS');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Pegawai').addRow(['NIP']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    expect(inspect('xlsx', xlsx.subarray(0, 10), xlsx.subarray(10))).toBeNull();
    expect(inspect('xlsx', xlsx.subarray(0, xlsx.length - 30))).toBe('BERKAS_XLSX_RUSAK');
    expect(inspect('xlsx', Buffer.from('NIP;Nama\n'))).toBe('BERKAS_XLSX_RUSAK');
  });

  it('refuses a complete zip that holds no worksheet (another archive renamed)', async () => {
    const path = join(dir, 'empty.zip.xlsx');
    await writeFile(path, Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(26), Buffer.from('504b0506', 'hex'), Buffer.alloc(18)]));
    expect((await failure(path, 'xlsx')).violation.code).toBe('BERKAS_XLSX_RUSAK');
  });
});
