import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';

export type ImportFormat = 'csv' | 'xlsx';

/** One row of the first sheet (or of the CSV): its 1-based line number and raw cells (0-based). */
export interface RawRow {
  row: number;
  cells: unknown[];
}

/**
 * The delimiter of the CSV: agencies export from Excel with `;` (Indonesian locale) or `,`; both
 * are counted on the header line, outside quotes, and the more frequent one wins (tab if neither).
 */
export async function sniffDelimiter(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
    const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
    let quoted = false;
    for (const ch of firstLine) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && ch in counts) counts[ch]++;
    }
    const best = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
    return best[1] > 0 ? best[0] : ',';
  } finally {
    await handle.close();
  }
}

/** Rows streamed from disk: memory stays flat however large the file is. */
export async function* readRows(path: string, format: ImportFormat): AsyncGenerator<RawRow> {
  if (format === 'csv') {
    const parser = createReadStream(path).pipe(
      parse({
        delimiter: await sniffDelimiter(path),
        bom: true,
        relax_column_count: true,
        skip_empty_lines: true,
        trim: true,
        info: true,
      }),
    );
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (record.every((c) => c === '')) continue;
      yield { row: info.lines, cells: record };
    }
    return;
  }
  // Styles are cached so that date-formatted cells arrive as Dates; only the first sheet is read.
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(path, { entries: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit' });
  for await (const worksheet of workbook) {
    for await (const row of worksheet) {
      const values = Array.isArray(row.values) ? (row.values as unknown[]).slice(1) : [];
      if (values.every((v) => v === null || v === undefined || v === '')) continue;
      yield { row: row.number, cells: values };
    }
    break;
  }
}

/** Counts data rows cheaply (for progress): lines for CSV; for XLSX the sheet's dimension is unreliable, so null. */
export async function countDataRows(path: string, format: ImportFormat): Promise<number | null> {
  if (format !== 'csv') return null;
  let lines = 0;
  let last = 10;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
    last = chunk[chunk.length - 1];
  }
  if (last !== 10) lines++;
  return Math.max(0, lines - 1);
}
