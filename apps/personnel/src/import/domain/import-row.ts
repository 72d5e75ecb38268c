import {
  isIsoDate,
  isoDate,
  isValidCalendarDate,
  JENIS_ASN,
  normalizeGolongan,
  normalizeNomorInduk,
  type IsoDate,
  type JenisAsn,
  type JenisKelamin,
  type MessageParams,
  type NomorIndukOptions,
  type Violation,
} from '@capaian/kinerja';
import { validateEmployeeFacts } from '../../employee/domain/employee.rules';
import { ImportMessages } from '../import.messages';

/**
 * One employee row of a bulk import, read the way agencies keep their spreadsheets: headers in any
 * case and spacing ("NIP", "Nama Lengkap", "Tgl Lahir", "Jenis Kelamin", "Gol/Ruang", "Kode Jabatan"),
 * dates as YYYY-MM-DD, DD-MM-YYYY, DD/MM/YYYY or real spreadsheet dates, sex as L/P or words,
 * NIPs with spaces. Pure: database checks (position exists, duplicates, capacity) come later.
 */
export type ImportField = 'nip' | 'name' | 'jenisAsn' | 'birthDate' | 'sex' | 'golongan' | 'pangkat' | 'positionCode' | 'email' | 'tmtJabatan' | 'status';

export const REQUIRED_FIELDS: readonly ImportField[] = ['nip', 'name', 'jenisAsn', 'birthDate', 'sex', 'positionCode'];

const HEADER_ALIASES: Record<string, ImportField> = {
  nip: 'nip',
  nipnipppk: 'nip',
  nipppk: 'nip',
  nipppk3: 'nip',
  nomorinduk: 'nip',
  nomorindukpegawai: 'nip',
  nama: 'name',
  namalengkap: 'name',
  namapegawai: 'name',
  name: 'name',
  jenisasn: 'jenisAsn',
  jenispegawai: 'jenisAsn',
  statuskepegawaian: 'jenisAsn',
  tanggallahir: 'birthDate',
  tgllahir: 'birthDate',
  birthdate: 'birthDate',
  jeniskelamin: 'sex',
  jk: 'sex',
  lp: 'sex',
  sex: 'sex',
  golongan: 'golongan',
  gol: 'golongan',
  golonganruang: 'golongan',
  golruang: 'golongan',
  golongan_ruang: 'golongan',
  pangkat: 'pangkat',
  kodejabatan: 'positionCode',
  jabatankode: 'positionCode',
  positioncode: 'positionCode',
  email: 'email',
  emaildinas: 'email',
  surel: 'email',
  tmtjabatan: 'tmtJabatan',
  status: 'status',
  statuspegawai: 'status',
};

/** Human names of the fields, for messages. */
export const FIELD_LABELS: Record<ImportField, string> = {
  nip: 'NIP',
  name: 'Nama',
  jenisAsn: 'Jenis ASN',
  birthDate: 'Tanggal Lahir',
  sex: 'Jenis Kelamin',
  golongan: 'Golongan',
  pangkat: 'Pangkat',
  positionCode: 'Kode Jabatan',
  email: 'Email',
  tmtJabatan: 'TMT Jabatan',
  status: 'Status',
};

/** A violation found in one row (or the header, row 1) of the file, with the column as written there. */
export interface RowViolation extends Violation {
  row: number;
  column: string;
}

/** Places a violation in the file; the field path reads "baris 12 / NIP" for the generic API shape. */
export function atRow(row: number, column: string, violation: Violation): RowViolation {
  return { ...violation, field: `baris ${row} / ${column}`, row, column };
}

export function rowViolation(row: number, column: string, code: keyof (typeof ImportMessages)['specs'] & string, params?: MessageParams): RowViolation {
  return atRow(row, column, ImportMessages.violation(code, params));
}

export interface ImportRow {
  row: number;
  nip: string;
  name: string;
  jenisAsn: JenisAsn;
  birthDate: IsoDate;
  sex: JenisKelamin;
  golongan: string | null;
  positionCode: string;
  email: string | null;
  tmtJabatan: IsoDate | null;
  status: 'AKTIF' | 'CUTI';
}

export interface HeaderMap {
  /** Field → column index (0-based) and the header as written in the file. */
  columns: Map<ImportField, { index: number; header: string }>;
  errors: RowViolation[];
}

export function headerKey(raw: unknown): string {
  return String(raw ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

export function mapHeader(headers: readonly unknown[]): HeaderMap {
  const columns = new Map<ImportField, { index: number; header: string }>();
  const errors: RowViolation[] = [];
  headers.forEach((raw, index) => {
    const field = HEADER_ALIASES[headerKey(raw)];
    if (!field) return;
    if (columns.has(field)) {
      errors.push(rowViolation(1, cellText(raw), 'KOLOM_GANDA', { label: FIELD_LABELS[field] }));
      return;
    }
    columns.set(field, { index, header: cellText(raw) });
  });
  for (const field of REQUIRED_FIELDS) {
    if (!columns.has(field)) errors.push(rowViolation(1, FIELD_LABELS[field], 'KOLOM_WAJIB_TIDAK_ADA', { label: FIELD_LABELS[field] }));
  }
  return { columns, errors };
}

/** Spreadsheet cells arrive as strings, numbers, Dates or rich-text objects; this gives their text. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('').trim();
    if (v.result !== undefined) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
  }
  return String(value).trim();
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

export function parseDateCell(value: unknown): IsoDate | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return isoDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value === 'number' && Number.isFinite(value) && value > 0 && value < 100000) {
    const d = new Date(EXCEL_EPOCH_MS + Math.round(value) * 86_400_000);
    return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  const text = cellText(value);
  if (isIsoDate(text)) return text;
  const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (dmy) {
    const [d, m, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
    return isValidCalendarDate(y, m, d) ? isoDate(y, m, d) : null;
  }
  const ymd = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(text);
  if (ymd) {
    const [y, m, d] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
    return isValidCalendarDate(y, m, d) ? isoDate(y, m, d) : null;
  }
  return null;
}

export function parseSex(text: string): JenisKelamin | null {
  const t = text.trim().toUpperCase().replace(/[\s-]/g, '');
  if (t === 'L' || t === 'LAKILAKI' || t === 'PRIA') return 'L';
  if (t === 'P' || t === 'PEREMPUAN' || t === 'WANITA') return 'P';
  return null;
}

export function parseJenisAsn(text: string): JenisAsn | null {
  const t = text.trim().toUpperCase().replace(/[\s-]+/g, '_');
  return (JENIS_ASN as readonly string[]).includes(t) ? (t as JenisAsn) : null;
}

/** NIP cells: spreadsheets turn 18 digits into a float; that loses digits, so it is refused with advice. */
export function parseNipCell(value: unknown): { nip: string | null; error?: Violation } {
  if (typeof value === 'number' || /^\d(\.\d+)?e\+\d+$/i.test(cellText(value))) {
    if (typeof value === 'number' && Number.isSafeInteger(value)) return { nip: String(value) };
    return { nip: null, error: ImportMessages.violation('NIP_TERSIMPAN_SEBAGAI_ANGKA') };
  }
  // The same rule as the API: spaces, dots and dashes typed into a NIP are dropped.
  return { nip: normalizeNomorInduk(cellText(value)) };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Reads and checks one data row; `values` holds the raw cells by field. */
export function parseImportRow(
  rowNumber: number,
  values: Partial<Record<ImportField, unknown>>,
  headers: HeaderMap,
  options: NomorIndukOptions = {},
): { row?: ImportRow; errors: RowViolation[] } {
  const errors: RowViolation[] = [];
  const col = (f: ImportField) => headers.columns.get(f)?.header ?? FIELD_LABELS[f];
  const err = (f: ImportField, v: Violation) => errors.push(atRow(rowNumber, col(f), v));
  const refuse = (f: ImportField, code: keyof (typeof ImportMessages)['specs'] & string, params?: MessageParams) => err(f, ImportMessages.violation(code, params));
  const text = (f: ImportField) => cellText(values[f]);

  for (const f of REQUIRED_FIELDS) if (text(f) === '') refuse(f, 'WAJIB_DIISI', { label: FIELD_LABELS[f] });

  const nipCell = text('nip') === '' ? { nip: null } : parseNipCell(values.nip);
  if (nipCell.error) err('nip', nipCell.error);
  const jenisAsn = text('jenisAsn') === '' ? null : parseJenisAsn(text('jenisAsn'));
  if (text('jenisAsn') !== '' && !jenisAsn) refuse('jenisAsn', 'JENIS_ASN_TIDAK_DIKENAL', { value: text('jenisAsn') });
  const birthDate = text('birthDate') === '' ? null : parseDateCell(values.birthDate);
  if (text('birthDate') !== '' && !birthDate) refuse('birthDate', 'TANGGAL_TIDAK_VALID', { label: 'Tanggal lahir', value: text('birthDate') });
  const sex = text('sex') === '' ? null : parseSex(text('sex'));
  if (text('sex') !== '' && !sex) refuse('sex', 'JENIS_KELAMIN_TIDAK_DIKENAL', { value: text('sex') });
  const golongan = text('golongan') === '' ? null : normalizeGolongan(text('golongan'), jenisAsn ?? undefined);
  const pangkat = text('pangkat') === '' ? null : text('pangkat');
  let tmtJabatan: IsoDate | null = null;
  if (text('tmtJabatan') !== '') {
    tmtJabatan = parseDateCell(values.tmtJabatan);
    if (!tmtJabatan) refuse('tmtJabatan', 'TANGGAL_TIDAK_VALID', { label: 'TMT jabatan', value: text('tmtJabatan') });
  }
  const email = text('email') === '' ? null : text('email').toLowerCase();
  if (email && !EMAIL.test(email)) refuse('email', 'EMAIL_TIDAK_VALID', { value: email });
  let status: 'AKTIF' | 'CUTI' = 'AKTIF';
  if (text('status') !== '') {
    const s = text('status').toUpperCase();
    if (s === 'AKTIF' || s === 'CUTI') status = s;
    else refuse('status', 'STATUS_TIDAK_DIDUKUNG_IMPOR');
  }
  const name = text('name');
  if (name.length > 200) refuse('name', 'NAMA_TERLALU_PANJANG');
  const positionCode = text('positionCode').toUpperCase();

  if (nipCell.nip && jenisAsn && birthDate && sex) {
    for (const e of validateEmployeeFacts({ nip: nipCell.nip, jenisAsn, birthDate, sex, golongan, pangkat }, options)) {
      err(e.field === 'nip' ? 'nip' : e.field === 'pangkat' ? 'pangkat' : 'golongan', e);
    }
  }
  if (errors.length > 0) return { errors };
  return {
    errors,
    row: { row: rowNumber, nip: nipCell.nip!, name, jenisAsn: jenisAsn!, birthDate: birthDate!, sex: sex!, golongan, positionCode, email, tmtJabatan, status },
  };
}
