import { BERAKHLAK_CODES, berakhlakValue, employeePredikat, unitHeadRatingHasilKerja, ViolationError, type BerakhlakValue, type EmployeePredikat, type OrganisationPredikat, type Rating } from '@capaian/kinerja';
import { EvaluationMessages } from '../evaluation.messages';
import { ratingPerilaku } from './achievement';

/**
 * The year-end evaluation of one SKP (PermenPANRB 6/2022 Pasal 24–25):
 *
 * DINILAI ─(objection filed in the window)→ KEBERATAN ─(atasan decides)→ FINAL
 * DINILAI ─(window lapses)→ FINAL
 *
 * The predikat is never written directly: it is always the matrix of the two ratings, and changes
 * only through a new rating with a reason (while DINILAI) or an objection decision.
 */
export const EVALUATION_STATUSES = ['DINILAI', 'KEBERATAN', 'FINAL'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

export const EVALUATION_STATUS_LABELS: Readonly<Record<EvaluationStatus, string>> = {
  DINILAI: 'dinilai',
  KEBERATAN: 'dalam keberatan',
  FINAL: 'final',
};

export interface RatingInput {
  /** The penilai's rating hasil kerja; ignored for a unit head whose unit's predikat is given. */
  ratingHasilKerja: Rating;
  /** Needed when the rating differs from the suggestion. */
  reason?: string | null;
  perilaku: Partial<Record<BerakhlakValue, Rating>>;
  /** Predikat kinerja organisasi of the unit, for a unit head (SE MenPANRB 3/2023). */
  unitPredikat?: OrganisationPredikat | null;
}

export interface EvaluationState {
  id: string;
  skpId: string;
  status: EvaluationStatus;
  suggestedHasilKerja: Rating | null;
  ratingHasilKerja: Rating;
  deviationReason: string | null;
  perilaku: Record<BerakhlakValue, Rating>;
  ratingPerilaku: Rating;
  predikat: EmployeePredikat;
  unitPredikat: OrganisationPredikat | null;
  /** Last day (Asia/Jakarta) on which an objection may be filed. */
  objectionDeadline: string;
}

export type EvaluationEvent =
  | { kind: 'rated'; evaluationId: string; rerated: boolean }
  | { kind: 'finalized'; evaluationId: string; via: 'window-lapsed' | 'objection-decided' };

export class Evaluation {
  private events: EvaluationEvent[] = [];

  private constructor(private state: EvaluationState) {}

  static restore(state: EvaluationState): Evaluation {
    return new Evaluation(structuredClone(state));
  }

  /** First rating of an SKP by its penilai. */
  static rate(input: { id: string; skpId: string; unitHead: boolean; suggested: Rating | null; objectionDeadline: string }, rating: RatingInput): Evaluation {
    const computed = computeRatings(input.unitHead, input.suggested, rating);
    const evaluation = new Evaluation({
      id: input.id,
      skpId: input.skpId,
      status: 'DINILAI',
      suggestedHasilKerja: input.suggested,
      objectionDeadline: input.objectionDeadline,
      ...computed,
    });
    evaluation.events.push({ kind: 'rated', evaluationId: input.id, rerated: false });
    return evaluation;
  }

  get id(): string {
    return this.state.id;
  }
  get status(): EvaluationStatus {
    return this.state.status;
  }

  toState(): EvaluationState {
    return structuredClone(this.state);
  }

  pullEvents(): EvaluationEvent[] {
    const out = this.events;
    this.events = [];
    return out;
  }

  /** The penilai rates again before the result is final (a reason is kept when it departs from the suggestion). */
  rerate(unitHead: boolean, rating: RatingInput, objectionDeadline: string): { from: EvaluationStatus; to: EvaluationStatus } {
    this.require(['DINILAI'], 'dinilai ulang');
    Object.assign(this.state, computeRatings(unitHead, this.state.suggestedHasilKerja, rating), { objectionDeadline });
    this.events.push({ kind: 'rated', evaluationId: this.state.id, rerated: true });
    return { from: 'DINILAI', to: 'DINILAI' };
  }

  /** An objection was filed: the result waits for the atasan penilai. */
  markObjected(): { from: EvaluationStatus; to: EvaluationStatus } {
    this.require(['DINILAI'], 'diajukan keberatan');
    this.state.status = 'KEBERATAN';
    return { from: 'DINILAI', to: 'KEBERATAN' };
  }

  /** The atasan decided: accepted with new ratings, or rejected (the ratings stand). Final either way. */
  decideObjection(newRatings: { ratingHasilKerja: Rating; ratingPerilaku: Rating } | null): { from: EvaluationStatus; to: EvaluationStatus } {
    this.require(['KEBERATAN'], 'diputus');
    if (newRatings) {
      this.state.ratingHasilKerja = newRatings.ratingHasilKerja;
      this.state.ratingPerilaku = newRatings.ratingPerilaku;
      this.state.predikat = employeePredikat(newRatings.ratingHasilKerja, newRatings.ratingPerilaku);
    }
    this.state.status = 'FINAL';
    this.events.push({ kind: 'finalized', evaluationId: this.state.id, via: 'objection-decided' });
    return { from: 'KEBERATAN', to: 'FINAL' };
  }

  /** The objection window lapsed without an objection (`today` after `objectionDeadline`). */
  finalizeAfterWindow(today: string): { from: EvaluationStatus; to: EvaluationStatus } | null {
    if (this.state.status !== 'DINILAI' || today <= this.state.objectionDeadline) return null;
    this.state.status = 'FINAL';
    this.events.push({ kind: 'finalized', evaluationId: this.state.id, via: 'window-lapsed' });
    return { from: 'DINILAI', to: 'FINAL' };
  }

  private require(allowed: readonly EvaluationStatus[], aksi: string): void {
    if (!allowed.includes(this.state.status)) {
      throw EvaluationMessages.error('TRANSISI_EVALUASI_TIDAK_DIIZINKAN', { status: EVALUATION_STATUS_LABELS[this.state.status], aksi }, 'status');
    }
  }
}

function computeRatings(unitHead: boolean, suggested: Rating | null, input: RatingInput) {
  const missing = BERAKHLAK_CODES.filter((code) => !input.perilaku[code]);
  if (missing.length > 0) {
    throw new ViolationError(missing.map((code) => EvaluationMessages.violation('RATING_PERILAKU_TIDAK_LENGKAP', { nilai: berakhlakValue(code).name }, `perilaku.${code}`)));
  }
  const perilaku = Object.fromEntries(BERAKHLAK_CODES.map((code) => [code, input.perilaku[code] as Rating])) as Record<BerakhlakValue, Rating>;
  let ratingHasilKerja = input.ratingHasilKerja;
  let reason = input.reason?.trim() || null;
  let unitPredikat: OrganisationPredikat | null = null;
  if (unitHead) {
    if (!input.unitPredikat) throw EvaluationMessages.error('PREDIKAT_UNIT_WAJIB', {}, 'unitPredikat');
    const derived = unitHeadRatingHasilKerja(input.unitPredikat);
    if (input.ratingHasilKerja !== derived) throw EvaluationMessages.error('RATING_UNIT_TIDAK_BOLEH_DIUBAH', {}, 'ratingHasilKerja');
    ratingHasilKerja = derived;
    unitPredikat = input.unitPredikat;
  } else if (suggested !== null && ratingHasilKerja !== suggested && !reason) {
    throw EvaluationMessages.error('ALASAN_PENYIMPANGAN_WAJIB', {}, 'reason');
  }
  if (!unitHead && (suggested === null || ratingHasilKerja === suggested)) reason = reason ?? null;
  const perilakuRating = ratingPerilaku(Object.values(perilaku));
  return {
    ratingHasilKerja,
    deviationReason: reason,
    perilaku,
    ratingPerilaku: perilakuRating,
    predikat: employeePredikat(ratingHasilKerja, perilakuRating),
    unitPredikat,
  };
}
