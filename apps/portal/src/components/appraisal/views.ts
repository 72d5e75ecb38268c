// Answers of the appraisal and personnel endpoints the objection, RHK-link and reporting-line screens
// read. Every shape comes from the services' OpenAPI documents (generated into schema.d.ts); only the
// labels and helpers below are the portal's own.
import { rawFetch } from '../../api/client';
import type { components } from '../../api/schema';

type Schemas = components['schemas'];

export type PenilaiRhkOption = Schemas['PenilaiRhkOptionResponse'];
export type PenilaiRhk = Schemas['PenilaiRhk'];
export type Evaluation = Schemas['EvaluationStateResponse'];
export type Rating = Evaluation['ratingHasilKerja'];
export type Objection = Schemas['ObjectionResponse'];
export type ObjectionPage = Schemas['ObjectionPage'];
export type SkpEvaluation = Schemas['SkpEvaluation'];
export type Supervisor = Schemas['Supervisor'];
export type AppraisersAnswer = Schemas['AppraisersResponse'];
export type HistoryEntry = Schemas['HistoryEntryResponse'];

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
