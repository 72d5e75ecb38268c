import { compareIsoDates, daysInclusive, parseIsoDate, type IsoDate, type Violation } from '@capaian/kinerja';
import { DevelopmentProgramMessages as M } from '../development-program.messages';
import type { DevelopmentForm, Scope } from './development-form';
import { DEFAULT_JP_CONVERSION, maxJpForActivity, type JpConversion } from './jp-conversion';

/**
 * A program in the training catalog, planned by BKPSDM (Perlan LAN 10/2018: needs analysis,
 * planning, implementation, evaluation). Money is integer rupiah; the checks here are the ones
 * that need more than one field.
 */
export interface NewDevelopmentProgram {
  name: string;
  form: DevelopmentForm;
  scope: Scope;
  organizer: string;
  jp: number;
  startDate: IsoDate;
  endDate: IsoDate;
  quota: number;
  /** Budget ceiling (pagu) for the whole program, integer rupiah. */
  budgetCeiling: number;
  /** Cost per participant, integer rupiah. */
  costPerParticipant: number;
}

/** The lifecycle of a program: planned, open for registration, selection, running, finished, evaluated. */
export const PROGRAM_STATUSES = ['DIRENCANAKAN', 'DIBUKA', 'SELEKSI', 'BERJALAN', 'SELESAI', 'DIEVALUASI'] as const;
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number];

export function formatRupiah(value: bigint | number): string {
  // Grouping by hand: the id-ID locale data may be missing in small-ICU Node builds.
  const digits = BigInt(value).toString();
  return `Rp${digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
}

/**
 * Every rule a new program breaks (empty when valid): real dates with the end not before the
 * start, JP within what the conversion allows for per-day forms, and the allocation (quota × cost
 * per participant) within the pagu — allocations may never exceed the budget ceiling.
 */
export function checkNewDevelopmentProgram(input: NewDevelopmentProgram, conversion: JpConversion = DEFAULT_JP_CONVERSION): Violation[] {
  const out: Violation[] = [];
  const start = parseIsoDate(input.startDate);
  const end = parseIsoDate(input.endDate);
  if (!start) out.push(M.violation('TANGGAL_TIDAK_VALID', { which: 'mulai' }, 'startDate'));
  if (!end) out.push(M.violation('TANGGAL_TIDAK_VALID', { which: 'selesai' }, 'endDate'));
  if (start && end) {
    if (compareIsoDates(input.endDate, input.startDate) < 0) {
      out.push(M.violation('TANGGAL_SELESAI_SEBELUM_MULAI', {}, 'endDate'));
    } else {
      const max = maxJpForActivity(input.form, input.scope, daysInclusive(start, end), conversion);
      if (max !== null && input.jp > max) out.push(M.violation('JP_MELEBIHI_KONVERSI', { max }, 'jp'));
    }
  }
  const allocation = BigInt(input.quota) * BigInt(input.costPerParticipant);
  if (allocation > BigInt(input.budgetCeiling)) {
    out.push(M.violation('PAGU_TIDAK_MENCUKUPI', { ceiling: formatRupiah(input.budgetCeiling), allocation: formatRupiah(allocation) }, 'budgetCeiling'));
  }
  return out;
}
