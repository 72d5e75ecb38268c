import { compareIsoDates, parseIsoDate, type IsoDate, type Violation } from '@capaian/kinerja';
import { AppraisalPeriodMessages as M } from '../appraisal-period.messages';

/**
 * An appraisal period (periode penilaian): the window in which realisations are reported and
 * rated. PermenPANRB 6/2022 lets the agency choose monthly or quarterly periodic appraisal, and
 * adds the annual evaluation; one employee's periods of one kind never overlap and stay inside one
 * calendar year. Pure rules: use cases turn the violations into a `ViolationError`.
 */
export const PERIOD_KINDS = ['bulanan', 'triwulanan', 'tahunan'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface DateRange {
  startDate: IsoDate;
  endDate: IsoDate;
}

export interface NewAppraisalPeriod extends DateRange {
  year: number;
  kind: PeriodKind;
}

const MONTH_NAMES = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const ROMAN = ['I', 'II', 'III', 'IV'];

function quarterOf(month: number): number {
  return Math.floor((month - 1) / 3) + 1;
}

/**
 * Every rule a new period breaks, in field order (empty when valid): real calendar dates, the end
 * strictly after the start, both inside `year`, and a monthly period inside one month, a quarterly
 * one inside one quarter, so that reports per month or quarter (TPP uses monthly data) never
 * straddle two.
 */
export function checkNewAppraisalPeriod(input: NewAppraisalPeriod): Violation[] {
  const out: Violation[] = [];
  const start = parseIsoDate(input.startDate);
  const end = parseIsoDate(input.endDate);
  if (!start) out.push(M.violation('TANGGAL_TIDAK_VALID', { which: 'mulai' }, 'startDate'));
  if (!end) out.push(M.violation('TANGGAL_TIDAK_VALID', { which: 'selesai' }, 'endDate'));
  if (!start || !end) return out;

  if (start.year !== input.year) out.push(M.violation('PERIODE_DI_LUAR_TAHUN', { which: 'mulai', year: input.year }, 'startDate'));
  if (end.year !== input.year) out.push(M.violation('PERIODE_DI_LUAR_TAHUN', { which: 'selesai', year: input.year }, 'endDate'));
  if (compareIsoDates(input.endDate, input.startDate) <= 0) {
    out.push(M.violation('TANGGAL_SELESAI_TIDAK_SETELAH_MULAI', {}, 'endDate'));
    return out;
  }
  if (start.year !== end.year) return out; // already reported; month/quarter checks would only repeat it
  if (input.kind === 'bulanan' && start.month !== end.month) out.push(M.violation('PERIODE_BULANAN_MELEWATI_BULAN', {}, 'endDate'));
  if (input.kind === 'triwulanan' && quarterOf(start.month) !== quarterOf(end.month)) out.push(M.violation('PERIODE_TRIWULAN_MELEWATI_TRIWULAN', {}, 'endDate'));
  return out;
}

/** Inclusive on both ends: a period ending on 31 January overlaps one starting on 31 January. */
export function rangesOverlap(a: DateRange, b: DateRange): boolean {
  return compareIsoDates(a.startDate, b.endDate) <= 0 && compareIsoDates(b.startDate, a.endDate) <= 0;
}

/** A readable default name: `Januari 2026`, `Triwulan I 2026`, `Tahun 2026`. Assumes a valid period. */
export function defaultPeriodName(input: NewAppraisalPeriod): string {
  const start = parseIsoDate(input.startDate);
  if (!start) return `Periode ${input.year}`;
  switch (input.kind) {
    case 'bulanan':
      return `${MONTH_NAMES[start.month - 1]} ${input.year}`;
    case 'triwulanan':
      return `Triwulan ${ROMAN[quarterOf(start.month) - 1]} ${input.year}`;
    case 'tahunan':
      return `Tahun ${input.year}`;
  }
}

/** The overlap violation, naming the period it clashes with when known. */
export function overlapViolation(kind: PeriodKind, clash?: { name: string } & DateRange): Violation {
  return M.violation('PERIODE_TUMPANG_TINDIH', { kind, clash: clash ? ` (${clash.name}, ${clash.startDate} s.d. ${clash.endDate})` : '' });
}
