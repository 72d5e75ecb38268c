import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { countDataRows, readRows, sniffDelimiter } from './import-readers';

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
});
