import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';
import { atRow, rowViolation, type RowViolation } from '../domain/import-row';
import { ImportMessages } from '../import.messages';

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

/**
 * The file cannot be read at all (a broken quote, a damaged workbook). It is the user's file that
 * is wrong, so the job is refused with this violation, in words the user can act on; the parser's
 * own English text goes to the log only.
 */
export class UnreadableFileError extends Error {
  constructor(
    readonly violation: RowViolation,
    readonly parserMessage: string,
  ) {
    super(`unreadable import file: ${parserMessage}`);
    this.name = 'UnreadableFileError';
  }
}

/** What a CSV parser error means for the person who made the file. */
const CSV_PROBLEMS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'tanda kutip dibuka tetapi tidak ditutup sampai akhir berkas',
  CSV_INVALID_CLOSING_QUOTE: 'ada teks setelah tanda kutip penutup; tanda kutip di dalam teks harus ditulis dua kali',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'ada teks setelah tanda kutip penutup; tanda kutip di dalam teks harus ditulis dua kali',
  CSV_MAX_RECORD_SIZE: 'satu baris terlalu panjang, biasanya karena tanda kutip yang tidak ditutup',
};
const CSV_PROBLEM_DEFAULT = 'susunan kolom atau tanda kutip tidak sah';

/** One record (a row, or a quoted text over several lines) may not exceed this; a lost quote would otherwise swallow the whole file. */
const MAX_CSV_RECORD_CHARS = 64 * 1024;

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
        max_record_size: MAX_CSV_RECORD_CHARS,
      }),
    );
    let lastLine = 0;
    try {
      for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        lastLine = info.lines;
        if (record.every((c) => c === '')) continue;
        yield { row: info.lines, cells: record };
      }
    } catch (e) {
      const code = (e as { code?: string }).code ?? '';
      if (!code.startsWith('CSV_')) throw e;
      // The broken record starts right after the last one read.
      const line = lastLine + 1;
      const violation = rowViolation(line, '-', 'BERKAS_CSV_RUSAK', { line, problem: CSV_PROBLEMS[code] ?? CSV_PROBLEM_DEFAULT });
      throw new UnreadableFileError(violation, (e as Error).message);
    }
    return;
  }
  // Styles are cached so that date-formatted cells arrive as Dates; only the first sheet is read.
  let sheets = 0;
  try {
    // Loaded on the first XLSX import, not at boot: exceljs is ~670 modules the idle service does not need.
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.stream.xlsx.WorkbookReader(path, { entries: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit' });
    for await (const worksheet of workbook) {
      sheets++;
      for await (const row of worksheet) {
        const values = Array.isArray(row.values) ? (row.values as unknown[]).slice(1) : [];
        if (values.every((v) => v === null || v === undefined || v === '')) continue;
        yield { row: row.number, cells: values };
      }
      break;
    }
  } catch (e) {
    // Whatever the zip or XML reader says, the workbook is damaged or is not one.
    throw new UnreadableFileError(atRow(1, '-', ImportMessages.violation('BERKAS_XLSX_RUSAK')), (e as Error).message);
  }
  // A zip with no sheet in it is some other archive renamed to .xlsx.
  if (sheets === 0) throw new UnreadableFileError(atRow(1, '-', ImportMessages.violation('BERKAS_XLSX_RUSAK')), 'no worksheet in the archive');
}

/** Control characters that never occur in a text file (tab, line feed, form feed and carriage return do). */
function isBinaryByte(byte: number): boolean {
  return byte === 0 || (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) || byte === 0x7f;
}

/**
 * Watches an upload as it streams by and says whether it can be the declared kind of file.
 * A CSV is text in any 8-bit encoding (Excel saves Windows-1252 as well as UTF-8), so only
 * control bytes mark it as binary; an XLSX is a zip archive, which starts with a local file
 * header and ends with the end-of-central-directory record (a truncated upload lacks it).
 */
export class UploadInspector {
  private binary = false;
  private head = Buffer.alloc(0);
  private tail = Buffer.alloc(0);
  private static readonly EOCD_WINDOW = 22 + 0xffff;

  constructor(private readonly format: ImportFormat) {}

  push(chunk: Buffer): void {
    if (this.format === 'csv') {
      if (!this.binary) for (const byte of chunk) if (isBinaryByte(byte)) this.binary = true;
      return;
    }
    if (this.head.length < 4) this.head = Buffer.concat([this.head, chunk.subarray(0, 4 - this.head.length)]);
    this.tail = Buffer.concat([this.tail, chunk]);
    if (this.tail.length > UploadInspector.EOCD_WINDOW) this.tail = this.tail.subarray(this.tail.length - UploadInspector.EOCD_WINDOW);
  }

  /** The violation for a file that cannot be what it claims, or null. */
  verdict(): ReturnType<typeof ImportMessages.violation> | null {
    if (this.format === 'csv') return this.binary ? ImportMessages.violation('BERKAS_BUKAN_TEKS') : null;
    const zip = this.head.length === 4 && this.head.readUInt32LE(0) === 0x04034b50;
    const complete = this.tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) >= 0;
    return zip && complete ? null : ImportMessages.violation('BERKAS_XLSX_RUSAK');
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
