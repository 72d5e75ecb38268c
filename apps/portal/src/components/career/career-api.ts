// Career's API through the gateway (`/api/v1/career/...`). Every answer's shape comes from career's
// OpenAPI document (generated into schema.d.ts); only the labels and helpers below are the portal's own.
import { rawFetch } from '../../api/client';
import type { components } from '../../api/schema';

export const CAREER = '/api/v1/career';

type Schemas = components['schemas'];

export type Program = Schemas['DevelopmentProgramView'];
export type Session = Schemas['SessionRecordResponse'];
export type Enrolment = Schemas['EnrolmentResponse'];
export type EnrolmentStatus = Enrolment['status'];
export type JpYear = Schemas['JpLedgerMeResponse'];
export type Budget = Schemas['BudgetRecordResponse'];
export type LedgerKind = 'ALOKASI' | 'KOMITMEN' | 'PELEPASAN' | 'REALISASI';
/**
 * Career documents a ledger line's `kind` as a plain string; the four kinds it writes are the
 * closed set `LEDGER_KIND` labels, so the screens narrow it here.
 */
export type BudgetWithLedger = Omit<Schemas['BudgetOneResponse'], 'ledger'> & {
  ledger: (Omit<Schemas['Ledger'], 'kind'> & { kind: LedgerKind })[];
};
export type Agreement = Schemas['AgreementRecordResponse'];
export type Partner = Schemas['PartnerListResponseItem'];
export type OpdCompliance = Schemas['JpLedgerComplianceResponseItem'];
export type Claim = Schemas['Claim'];

/** A JSON call to career; a refusal is thrown as the ApiError the forms show next to their fields. */
export async function careerJson<T>(path: string, method = 'GET', body?: unknown): Promise<T> {
  const response = await rawFetch(CAREER + path, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Sends a file as the raw body (PDF, PNG or JPEG), as career's certificate endpoints expect. */
export async function careerUpload<T>(path: string, file: File): Promise<T> {
  const response = await rawFetch(CAREER + path, { method: 'PUT', headers: { 'content-type': file.type || 'application/octet-stream' }, body: file });
  return (await response.json()) as T;
}

/**
 * Darker than Mantine's darkest green and orange (green 9 and orange 9 give white text only 4.4:1):
 * badge and button labels on them keep a 4.5:1 contrast.
 */
export const DARK_GREEN = '#237032';
export const DARK_ORANGE = '#b33c0c';

export const ENROLMENT_STATUS: Record<EnrolmentStatus, { label: string; color: string }> = {
  DAFTAR_TUNGGU: { label: 'Daftar tunggu', color: DARK_ORANGE },
  DIAJUKAN: { label: 'Diajukan', color: 'blue.8' },
  DIVERIFIKASI: { label: 'Diverifikasi BKPSDM', color: 'indigo.8' },
  DISETUJUI: { label: 'Disetujui', color: 'teal.9' },
  LULUS: { label: 'Lulus', color: DARK_GREEN },
  TIDAK_LULUS: { label: 'Tidak lulus', color: 'red.9' },
  SERTIFIKAT_DIUNGGAH: { label: 'Sertifikat diunggah', color: 'cyan.9' },
  SELESAI: { label: 'Selesai, JP diakui', color: DARK_GREEN },
  DITOLAK: { label: 'Ditolak', color: 'red.9' },
  DIBATALKAN: { label: 'Dibatalkan', color: 'gray.7' },
};

export const PARTNER_KIND = { LEMBAGA_PENDIDIKAN: 'Lembaga pendidikan', ORGANISASI_PROFESI: 'Organisasi profesi' } as const;
export const LEDGER_KIND = { ALOKASI: 'Alokasi', KOMITMEN: 'Komitmen', PELEPASAN: 'Pelepasan komitmen', REALISASI: 'Realisasi' } as const;
export const JP_SOURCE = { PENDAFTARAN: 'Pelatihan di platform', KLAIM_EKSTERNAL: 'Klaim kegiatan luar', KOREKSI: 'Koreksi BKPSDM' } as const;

/** Codes and labels of the development forms (career's `DEVELOPMENT_FORMS`). */
export const DEVELOPMENT_FORMS: [string, string][] = [
  ['pelatihan_klasikal', 'Pelatihan Klasikal'],
  ['seminar', 'Seminar/Konferensi/Sarasehan'],
  ['workshop', 'Workshop/Lokakarya'],
  ['pelatihan_dasar', 'Pelatihan Dasar CPNS'],
  ['pka', 'Pelatihan Kepemimpinan Administrator (PKA)'],
  ['pkp', 'Pelatihan Kepemimpinan Pengawas (PKP)'],
  ['pkn_i', 'Pelatihan Kepemimpinan Nasional Tingkat I (PKN I)'],
  ['pkn_ii', 'Pelatihan Kepemimpinan Nasional Tingkat II (PKN II)'],
  ['e_learning', 'E-Learning'],
  ['coaching', 'Coaching'],
  ['mentoring', 'Mentoring'],
  ['detasering', 'Detasering (Secondment)'],
  ['benchmarking', 'Benchmarking'],
  ['magang', 'Magang/Praktik Kerja'],
  ['belajar_mandiri', 'Belajar Mandiri (Self Development)'],
  ['komunitas_belajar', 'Komunitas Belajar (Community of Practice)'],
];

/** The leadership training each position kind is meant for when a program lists no position kinds (career's default). */
const LEADERSHIP_FOR: Record<string, string> = { ADMINISTRATOR: 'pka', PENGAWAS: 'pkp', JPT_MADYA: 'pkn_i', JPT_PRATAMA: 'pkn_ii' };
const LEADERSHIP_FORMS = new Set(Object.values(LEADERSHIP_FOR));

/** Whether a person of this position kind may take the program (career checks again on registration). */
export function eligibleFor(program: Pick<Program, 'form' | 'eligiblePositionKinds'>, positionKind: string | null | undefined): boolean {
  if (program.eligiblePositionKinds.length > 0) return !!positionKind && program.eligiblePositionKinds.includes(positionKind);
  if (LEADERSHIP_FORMS.has(program.form)) return !!positionKind && LEADERSHIP_FOR[positionKind] === program.form;
  return true;
}

export interface Recommendation {
  program: Program;
  reason: string;
}

/**
 * Programs suggested to one person: those meant for their position kind first, then those that close
 * the JP they still miss this year; never one they already hold a live place in, at most three.
 */
export function recommend(programs: Program[], positionKind: string | null | undefined, shortfallJp: number, taken: ReadonlySet<string>): Recommendation[] {
  const out: Recommendation[] = [];
  const open = programs.filter((p) => !taken.has(p.id) && eligibleFor(p, positionKind));
  for (const p of open)
    if (p.eligiblePositionKinds.length > 0 || LEADERSHIP_FORMS.has(p.form)) out.push({ program: p, reason: 'Ditujukan untuk jenis jabatan Anda' });
  if (shortfallJp > 0)
    for (const p of [...open].sort((a, b) => Math.abs(a.jp - shortfallJp) - Math.abs(b.jp - shortfallJp)))
      if (!out.some((r) => r.program.id === p.id)) out.push({ program: p, reason: p.jp >= shortfallJp ? `Menutup kekurangan ${shortfallJp} JP Anda tahun ini` : `Menambah ${p.jp} JP dari kekurangan ${shortfallJp} JP Anda` });
  return out.slice(0, 3);
}

/** Today in Jakarta as `YYYY-MM-DD`. */
export function todayWib(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The days of a session, `YYYY-MM-DD` each (attendance is recorded per day). */
export function sessionDays(startDate: string, endDate: string): string[] {
  const days: string[] = [];
  const d = new Date(`${startDate}T00:00:00Z`);
  const end = new Date(`${endDate}T00:00:00Z`);
  while (d <= end && days.length < 366) {
    days.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return days;
}

/** Live places: those that still hold or wait for a seat, or bring JP. */
export const LIVE_STATUSES: ReadonlySet<EnrolmentStatus> = new Set(['DAFTAR_TUNGGU', 'DIAJUKAN', 'DIVERIFIKASI', 'DISETUJUI', 'LULUS', 'SERTIFIKAT_DIUNGGAH', 'SELESAI']);
