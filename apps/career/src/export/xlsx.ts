
/** One sheet with a bold header row, as a buffer for a download. */
export async function xlsxOf(sheetName: string, header: string[], rows: (string | number | null)[][]): Promise<Buffer> {
  // Loaded on the first export, not at boot: exceljs is ~670 modules the idle service does not need.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'Capaian';
  const sheet = book.addWorksheet(sheetName);
  sheet.addRow(header).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  sheet.columns.forEach((c) => (c.width = 22));
  return Buffer.from(await book.xlsx.writeBuffer());
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
