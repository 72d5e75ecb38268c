// Career's API through the gateway (`/api/v1/career/...`). Its OpenAPI document describes the requests
// but few of the answers yet, so the shapes the career screens read are written down here.
import { rawFetch } from '../../api/client';

export const CAREER = '/api/v1/career';

export interface Program {
  id: string;
  name: string;
  form: string;
  formLabel: string;
  scope: 'nasional' | 'internasional';
  organizer: string;
  jp: number;
  startDate: string;
  endDate: string;
  quota: number;
  budgetCeiling: number;
  costPerParticipant: number;
  status: string;
  competencies: string[];
  eligiblePositionKinds: string[];
  stages: string[];
}

export interface Session {
  id: string;
  programId: string;
  programName: string;
  form: string;
  jp: number;
  eligiblePositionKinds: string[];
  partnerId: string | null;
  agreementId: string | null;
  startDate: string;
  endDate: string;
  registrationOpens: string;
  registrationCloses: string;
  online: boolean;
  location: string | null;
  quota: number;
  seatsTaken: number;
  costPerParticipant: number;
}

export type EnrolmentStatus =
  | 'DAFTAR_TUNGGU'
  | 'DIAJUKAN'
  | 'DIVERIFIKASI'
  | 'DISETUJUI'
  | 'LULUS'
  | 'TIDAK_LULUS'
  | 'SERTIFIKAT_DIUNGGAH'
  | 'SELESAI'
  | 'DITOLAK'
  | 'DIBATALKAN';

export interface Enrolment {
  id: string;
  sessionId: string;
  origin: 'MANDIRI' | 'NOMINASI';
  status: EnrolmentStatus;
  budgetId: string | null;
  committedAmount: number | null;
  daysPresent: number;
  certificateJp: number | null;
  recognisedJp: number | null;
  reason: string | null;
  nip: string;
  name: string;
  opdCode: string | null;
  jenisAsn: string;
  positionKind: string | null;
  certificateFileName: string | null;
  waitlistedAt: string | null;
  createdAt: string;
}

export interface JpYear {
  nip: string;
  name: string;
  year: number;
  entries: { jp: number; source: 'PENDAFTARAN' | 'KLAIM_EKSTERNAL' | 'KOREKSI'; sourceId: string; note: string | null; recognisedAt: string }[];
  totalJp: number;
  minimumJp: number | null;
  maximumJp: number | null;
  shortfallJp: number;
  remainingAllowanceJp: number | null;
  compliant: boolean;
  plannedJp: number;
  atRisk: boolean;
}

export interface Budget {
  id: string;
  fiscalYear: number;
  ownerCode: string;
  allocated: number;
  committed: number;
  realized: number;
  balance: number;
  thresholdPercent: number;
}
export interface BudgetWithLedger extends Budget {
  ledger: { id: number; kind: 'ALOKASI' | 'KOMITMEN' | 'PELEPASAN' | 'REALISASI'; amount: number; enrolmentId: string | null; note: string | null; actor: string; createdAt: string }[];
  ledgerSum: number;
}

export interface Agreement {
  id: string;
  partnerId: string;
  kind: 'MOU' | 'PKS';
  number: string;
  validFrom: string;
  validUntil: string;
  quota: number;
  seatsUsed: number;
}
export interface Partner {
  id: string;
  name: string;
  kind: 'LEMBAGA_PENDIDIKAN' | 'ORGANISASI_PROFESI';
  city: string | null;
  agreements: Agreement[];
}

export interface OpdCompliance {
  opdCode: string | null;
  employees: number;
  withMinimum: number;
  compliant: number;
  atRisk: number;
  totalJp: number;
  compliancePercent: number;
}

export interface Claim {
  id: string;
  title: string;
  form: string;
  organizer: string;
  endDate: string;
  jp: number;
  status: string;
  reason?: string | null;
  certificateFileName?: string | null;
}

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

export const ENROLMENT_STATUS: Record<EnrolmentStatus, { label: string; color: string }> = {
  DAFTAR_TUNGGU: { label: 'Daftar tunggu', color: 'orange.9' },
  DIAJUKAN: { label: 'Diajukan', color: 'blue.8' },
  DIVERIFIKASI: { label: 'Diverifikasi BKPSDM', color: 'indigo.8' },
  DISETUJUI: { label: 'Disetujui', color: 'teal.9' },
  LULUS: { label: 'Lulus', color: 'green.9' },
  TIDAK_LULUS: { label: 'Tidak lulus', color: 'red.9' },
  SERTIFIKAT_DIUNGGAH: { label: 'Sertifikat diunggah', color: 'cyan.9' },
  SELESAI: { label: 'Selesai, JP diakui', color: 'green.9' },
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
