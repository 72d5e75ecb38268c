import { mapHeader, parseDateCell, parseImportRow, parseNipCell, parseSex, type ImportField } from './import-row';

const today = { referenceDate: '2026-11-28' };
const header = mapHeader(['NIP', 'Nama Lengkap', 'Jenis ASN', 'Tgl Lahir', 'Jenis Kelamin', 'Gol/Ruang', 'Kode Jabatan', 'E-mail', 'TMT Jabatan']);

function row(values: Partial<Record<ImportField, unknown>>) {
  return parseImportRow(7, { nip: '199203152019031004', name: 'Dimas Pratama', jenisAsn: 'PNS', birthDate: '1992-03-15', sex: 'L', golongan: 'III/b', positionCode: 'diskominfo-aptika-jf1', ...values }, header, today);
}

describe('import rows', () => {
  it('maps headers the way agencies write them', () => {
    expect(header.errors).toEqual([]);
    expect([...header.columns.keys()].sort()).toEqual(['birthDate', 'email', 'golongan', 'jenisAsn', 'name', 'nip', 'positionCode', 'sex', 'tmtJabatan'].sort());
    expect(header.columns.get('golongan')).toEqual({ index: 5, header: 'Gol/Ruang' });
  });

  it('lists every missing required column and duplicate columns', () => {
    const h = mapHeader(['NIP', 'nip', 'Nama']);
    expect(h.errors.map((e) => e.code).sort()).toEqual(['KOLOM_GANDA', 'KOLOM_WAJIB_TIDAK_ADA', 'KOLOM_WAJIB_TIDAK_ADA', 'KOLOM_WAJIB_TIDAK_ADA', 'KOLOM_WAJIB_TIDAK_ADA'].sort());
  });

  it('reads a good row, normalising NIP, code, golongan and sex', () => {
    const r = row({ nip: '19920315 201903 1 004', golongan: 'iii b', sex: 'Laki-laki', birthDate: '15/03/1992' });
    expect(r.errors).toEqual([]);
    expect(r.row).toMatchObject({ row: 7, nip: '199203152019031004', golongan: 'III/b', sex: 'L', birthDate: '1992-03-15', positionCode: 'DISKOMINFO-APTIKA-JF1', status: 'AKTIF' });
  });

  it('reports each bad cell by row and column header, all at once', () => {
    const r = row({ nip: '199203152019031000', jenisAsn: 'HONORER', birthDate: '31/02/1992', sex: 'X', email: 'bukan-email' });
    expect(r.row).toBeUndefined();
    expect(r.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [7, 'Jenis ASN', 'JENIS_ASN_TIDAK_DIKENAL'],
      [7, 'Tgl Lahir', 'TANGGAL_TIDAK_VALID'],
      [7, 'Jenis Kelamin', 'JENIS_KELAMIN_TIDAK_DIKENAL'],
      [7, 'E-mail', 'EMAIL_TIDAK_VALID'],
    ]);
  });

  it('applies the NIP rules against the row (sex, birth date, sequence)', () => {
    const r = row({ nip: '199203152019031000', sex: 'P' });
    expect(r.errors.map((e) => e.code).sort()).toEqual(['NIP_JENIS_KELAMIN_TIDAK_SESUAI', 'NIP_NOMOR_URUT_TIDAK_VALID']);
    expect(r.errors.every((e) => e.column === 'NIP')).toBe(true);
  });

  it('requires the required cells', () => {
    expect(row({ name: '', positionCode: ' ' }).errors.map((e) => `${e.column}:${e.code}`)).toEqual(['Nama Lengkap:WAJIB_DIISI', 'Kode Jabatan:WAJIB_DIISI']);
  });

  it('refuses a NIP a spreadsheet turned into a number', () => {
    expect(parseNipCell(199203152019031000).error?.code).toBe('NIP_TERSIMPAN_SEBAGAI_ANGKA');
    expect(parseNipCell('1.99203E+17').error?.code).toBe('NIP_TERSIMPAN_SEBAGAI_ANGKA');
    expect(parseNipCell({ richText: [{ text: '1992031520' }, { text: '19031004' }] }).nip).toBe('199203152019031004');
  });

  it.each([
    ['1992-03-15', '1992-03-15'],
    ['15-03-1992', '1992-03-15'],
    ['15/3/1992', '1992-03-15'],
    ['15.03.1992', '1992-03-15'],
    ['1992/03/15', '1992-03-15'],
    [new Date(Date.UTC(1992, 2, 15)), '1992-03-15'],
    [33678, '1992-03-15'], // Excel serial day
    ['30-02-1992', null],
    ['kemarin', null],
  ])('date cell %p → %p', (cell, expected) => expect(parseDateCell(cell)).toBe(expected));

  it('only allows AKTIF or CUTI as status', () => {
    expect(row({ status: 'cuti' }).row?.status).toBe('CUTI');
    expect(row({ status: 'PENSIUN' }).errors.map((e) => e.code)).toEqual(['STATUS_TIDAK_DIDUKUNG_IMPOR']);
  });

  it('reads sex words', () => {
    expect(parseSex('Perempuan')).toBe('P');
    expect(parseSex('pria')).toBe('L');
    expect(parseSex('?')).toBeNull();
  });
});
