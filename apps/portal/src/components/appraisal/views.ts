// Answers of the appraisal and personnel endpoints the objection, RHK-link and reporting-line screens
// read. Requests to endpoints the generated schema does not list yet go through `rawFetch`; these
// are their shapes (apps/appraisal/src/skp/penilai-rhk.queries.ts, objection/objection.queries.ts,
// apps/personnel/src/reporting/reporting.service.ts, employee/employee.queries.ts).
import { rawFetch } from '../../api/client';
import type { Employee } from '../../api/views';

export type Rating = 'DI_ATAS' | 'SESUAI' | 'DI_BAWAH';

export interface PenilaiRhkOption {
  id: string;
  kind: 'UTAMA' | 'TAMBAHAN';
  description: string;
  indicators: { description: string; target: number | null; unit: string | null }[];
}

export interface PenilaiRhk {
  year: number;
  linkRequired: boolean;
  penilai: { nip: string; name: string } | null;
  skp: { id: string; startDate: string; endDate: string; setOn: string | null } | null;
  rhk: PenilaiRhkOption[];
}

export interface Evaluation {
  id: string;
  skpId: string;
  status: 'DINILAI' | 'KEBERATAN' | 'FINAL';
  suggestedHasilKerja: Rating | null;
  ratingHasilKerja: Rating;
  deviationReason: string | null;
  ratingPerilaku: Rating;
  predikat: string;
  objectionDeadline: string;
}

export interface Objection {
  id: string;
  status: 'DIAJUKAN' | 'DITERIMA' | 'DITOLAK';
  reason: string;
  decision: string | null;
  filedAt: string;
  decidedAt: string | null;
  evaluationId: string;
  skpId: string;
  year: number;
  employee: { nip: string; name: string };
  penilai: { nip: string; name: string } | null;
  ratingHasilKerja: Rating;
  ratingPerilaku: Rating;
  predikat: string;
  newRatingHasilKerja: Rating | null;
  newRatingPerilaku: Rating | null;
}

export interface SkpEvaluation {
  evaluation: Evaluation | null;
  objection: Objection | null;
}

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  total: number;
}

export interface Supervisor {
  asOf: string;
  supervisor: Employee | null;
  override: boolean;
}

export interface AppraisersAnswer {
  asOf: string;
  pejabatPenilai: Employee | null;
  atasanPejabatPenilai: Employee | null;
  basis: 'ATASAN_LANGSUNG' | 'ATASAN_BERJENJANG' | 'PENUNJUKAN' | null;
  note: string | null;
}

export interface HistoryEntry {
  validFrom: string;
  validTo: string | null;
  changes: string[];
  status: string;
  golongan: string | null;
  position: { name: string } | null;
  unit: { name: string } | null;
  supervisorOverrideId: string | null;
  nomorSk: string | null;
  reason: string | null;
  recordedAt: string;
}

export const PREDIKAT_LABEL: Record<string, string> = {
  SANGAT_BAIK: 'Sangat baik',
  BAIK: 'Baik',
  BUTUH_PERBAIKAN: 'Butuh perbaikan',
  KURANG: 'Kurang',
  SANGAT_KURANG: 'Sangat kurang',
};
export const predikatLabel = (p: string | null | undefined) => (p ? (PREDIKAT_LABEL[p] ?? p.replace(/_/g, ' ').toLowerCase()) : '—');

export const EVALUATION_STATUS_LABEL: Record<Evaluation['status'], string> = { DINILAI: 'Dinilai (masa keberatan)', KEBERATAN: 'Keberatan diajukan', FINAL: 'Final' };
export const OBJECTION_STATUS_LABEL: Record<Objection['status'], string> = { DIAJUKAN: 'Menunggu keputusan', DITERIMA: 'Diterima', DITOLAK: 'Ditolak' };

/** A JSON request to an endpoint the generated schema does not list yet; refusals throw the problem+json as ApiError. */
export async function json<T>(path: string, method = 'GET', body?: unknown): Promise<T> {
  const r = await rawFetch(path, { method, ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }) });
  const text = await r.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Today's calendar date in Asia/Jakarta (`YYYY-MM-DD`), the day every deadline of the API counts in. */
export const todayWib = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
