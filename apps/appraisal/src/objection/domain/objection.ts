import { isRating, type Rating } from '@capaian/kinerja';
import { ObjectionMessages } from '../objection.messages';

/**
 * Keberatan: the employee objects to a year-end evaluation within the window; the atasan pejabat
 * penilai decides (PermenPANRB 6/2022). DIAJUKAN ─accept→ DITERIMA (with new ratings) or
 * ─reject→ DITOLAK (with reasons); both are final.
 */
export const OBJECTION_STATUSES = ['DIAJUKAN', 'DITERIMA', 'DITOLAK'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

const LABELS: Readonly<Record<ObjectionStatus, string>> = { DIAJUKAN: 'diajukan', DITERIMA: 'diterima', DITOLAK: 'ditolak' };

export interface ObjectionState {
  id: string;
  evaluationId: string;
  employeeNip: string;
  atasanNip: string | null;
  status: ObjectionStatus;
  reason: string;
  decision: string | null;
  newRatingHasilKerja: Rating | null;
  newRatingPerilaku: Rating | null;
}

export type ObjectionEvent = { kind: 'filed'; objectionId: string } | { kind: 'decided'; objectionId: string; accepted: boolean };

export class Objection {
  private events: ObjectionEvent[] = [];

  private constructor(private state: ObjectionState) {}

  static restore(state: ObjectionState): Objection {
    return new Objection({ ...state });
  }

  /**
   * Filed by the employee rated, on or before the last day of the window (`today` and
   * `objectionDeadline` are Asia/Jakarta calendar dates).
   */
  static file(input: { id: string; evaluationId: string; employeeNip: string; atasanNip: string | null; actorNip: string | null; reason: string; today: string; objectionDeadline: string }): Objection {
    if (input.actorNip !== input.employeeNip) throw ObjectionMessages.error('HANYA_PEGAWAI_YANG_DINILAI');
    if (input.today > input.objectionDeadline) throw ObjectionMessages.error('MASA_KEBERATAN_BERAKHIR', { batas: input.objectionDeadline });
    const reason = input.reason?.trim();
    if (!reason) throw ObjectionMessages.error('ALASAN_WAJIB', {}, 'reason');
    const objection = new Objection({
      id: input.id,
      evaluationId: input.evaluationId,
      employeeNip: input.employeeNip,
      atasanNip: input.atasanNip,
      status: 'DIAJUKAN',
      reason,
      decision: null,
      newRatingHasilKerja: null,
      newRatingPerilaku: null,
    });
    objection.events.push({ kind: 'filed', objectionId: input.id });
    return objection;
  }

  get id(): string {
    return this.state.id;
  }
  get status(): ObjectionStatus {
    return this.state.status;
  }

  toState(): ObjectionState {
    return { ...this.state };
  }

  pullEvents(): ObjectionEvent[] {
    const out = this.events;
    this.events = [];
    return out;
  }

  accept(actorNip: string | null, decision: string, ratings: { ratingHasilKerja?: Rating | null; ratingPerilaku?: Rating | null }): { from: ObjectionStatus; to: ObjectionStatus } {
    this.requireOpen('diterima');
    this.requireAtasan(actorNip);
    const reason = requireReason(decision);
    if (!isRating(ratings.ratingHasilKerja) || !isRating(ratings.ratingPerilaku)) throw ObjectionMessages.error('RATING_BARU_WAJIB', {}, 'ratingHasilKerja');
    this.state.newRatingHasilKerja = ratings.ratingHasilKerja;
    this.state.newRatingPerilaku = ratings.ratingPerilaku;
    return this.decide('DITERIMA', reason);
  }

  reject(actorNip: string | null, decision: string): { from: ObjectionStatus; to: ObjectionStatus } {
    this.requireOpen('ditolak');
    this.requireAtasan(actorNip);
    return this.decide('DITOLAK', requireReason(decision));
  }

  private decide(to: 'DITERIMA' | 'DITOLAK', decision: string) {
    this.state.status = to;
    this.state.decision = decision;
    this.events.push({ kind: 'decided', objectionId: this.state.id, accepted: to === 'DITERIMA' });
    return { from: 'DIAJUKAN' as const, to };
  }

  private requireOpen(aksi: string): void {
    if (this.state.status !== 'DIAJUKAN') throw ObjectionMessages.error('TRANSISI_KEBERATAN_TIDAK_DIIZINKAN', { status: LABELS[this.state.status], aksi }, 'status');
  }

  private requireAtasan(actorNip: string | null): void {
    if (!actorNip || actorNip !== this.state.atasanNip) throw ObjectionMessages.error('BUKAN_ATASAN_PEJABAT_PENILAI');
  }
}

function requireReason(text: string | null | undefined): string {
  const t = (text ?? '').trim();
  if (!t) throw ObjectionMessages.error('ALASAN_WAJIB', {}, 'decision');
  return t;
}
