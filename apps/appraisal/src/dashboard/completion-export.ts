import type { CompletionDashboard } from './completion.query';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The completion dashboard as a workbook for the OPD admin and BKPSDM (a letter to the units that
 * are late is written from it): one sheet per list the screen shows, the same numbers.
 */
export async function completionWorkbook(d: CompletionDashboard): Promise<Buffer> {
  // Loaded on the first export, not at boot: exceljs is ~670 modules the idle service does not need.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'Capaian';
  const unitName = new Map(d.units.map((u) => [u.unitId, u.name]));
  const unit = (id: string | null) => (id ? (unitName.get(id) ?? '') : '');
  const sheet = (name: string, header: string[], rows: (string | number)[][]) => {
    const s = book.addWorksheet(name);
    s.addRow(header).font = { bold: true };
    for (const r of rows) s.addRow(r);
    s.columns.forEach((c, i) => (c.width = i === 0 && header[0] === 'NIP' ? 22 : 30));
  };
  sheet(
    'Per unit',
    ['Unit kerja', 'Pegawai', 'Belum menyusun SKP', 'Belum melapor', 'Belum dinilai'],
    [...d.units.filter((u) => u.employees > 0).map((u) => [u.name, u.employees, u.notPlanned, u.notReported, u.notRated]), [`Jumlah (keadaan ${d.asOf})`, d.totals.employees, d.totals.notPlanned, d.totals.notReported, d.totals.notRated]],
  );
  sheet('Belum menyusun SKP', ['NIP', 'Nama', 'Unit kerja'], d.notPlanned.map((p) => [p.nip, p.name, unit(p.unitId)]));
  sheet('Belum melapor', ['NIP', 'Nama', 'Unit kerja', 'Periode belum dilaporkan'], d.notReported.map((p) => [p.nip, p.name, unit(p.unitId), p.missingPeriods.join(', ')]));
  sheet('Belum dinilai', ['NIP', 'Nama', 'Unit kerja'], d.notRated.map((p) => [p.nip, p.name, unit(p.unitId)]));
  sheet(
    'Pejabat penilai',
    ['NIP', 'Nama', 'SKP menunggu penetapan', 'Laporan menunggu umpan balik', 'Menunggu rating', 'Pegawai tertahan'],
    d.penilai.map((p) => [p.nip, p.name, p.skpToSet, p.reportsToAnswer, p.toRate, p.peopleWaiting]),
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}
