import { ViolationError, type IsoDate, type Violation } from '@capaian/kinerja';
import { RealizationMessages } from '../realization.messages';

/**
 * The report of one SKP for one period of the OPD's calendar (monthly or quarterly):
 * TERBUKA ─report (realization + evidence)→ DILAPORKAN ─feedback by the penilai→ DITANGGAPI
 * ─the feedback deadline passes→ TERKUNCI. The employee may correct the report until the penilai
 * answers; the penilai's feedback is required before the period locks.
 */
export const REPORT_STATUSES = ['TERBUKA', 'DILAPORKAN', 'DITANGGAPI', 'TERKUNCI'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

const LABELS: Readonly<Record<ReportStatus, string>> = { TERBUKA: 'terbuka', DILAPORKAN: 'dilaporkan', DITANGGAPI: 'sudah ditanggapi', TERKUNCI: 'terkunci' };

export interface RealizationLine {
  indicatorId: string;
  value: number;
  note: string | null;
}

export interface ReportState {
  id: string;
  skpId: string;
  number: number;
  start: IsoDate;
  end: IsoDate;
  reportDue: IsoDate;
  feedbackDue: IsoDate;
  status: ReportStatus;
  realizations: RealizationLine[];
  feedback: string | null;
}

export interface IndicatorRef {
  id: string;
  description: string;
  evidenceRequired: boolean;
}

export type ReportEvent = { kind: 'reported'; reportId: string } | { kind: 'feedback-given'; reportId: string } | { kind: 'locked'; reportId: string };

export class PeriodicReport {
  private events: ReportEvent[] = [];

  private constructor(private state: ReportState) {}

  static restore(state: ReportState): PeriodicReport {
    return new PeriodicReport(structuredClone(state));
  }

  static open(input: Omit<ReportState, 'status' | 'realizations' | 'feedback'>): PeriodicReport {
    return new PeriodicReport({ ...input, status: 'TERBUKA', realizations: [], feedback: null });
  }

  get status(): ReportStatus {
    return this.state.status;
  }
  get id(): string {
    return this.state.id;
  }

  toState(): ReportState {
    return structuredClone(this.state);
  }

  pullEvents(): ReportEvent[] {
    const out = this.events;
    this.events = [];
    return out;
  }

  /** Evidence may be added while the report is open or reported and not answered yet, within the reporting window. */
  requireEvidenceAllowed(today: IsoDate): void {
    this.requireStatus(['TERBUKA', 'DILAPORKAN'], 'diberi bukti dukung');
    this.requireWindow(today);
  }

  /**
   * The employee reports (or corrects) realizations. Each indicator that requires evidence needs
   * at least one file already uploaded for this period (`evidenceCount`).
   */
  report(today: IsoDate, lines: readonly RealizationLine[], indicators: readonly IndicatorRef[], evidenceCount: ReadonlyMap<string, number>): { from: ReportStatus; to: ReportStatus } {
    this.requireStatus(['TERBUKA', 'DILAPORKAN'], 'dilaporkan');
    this.requireWindow(today);
    const byId = new Map(indicators.map((i) => [i.id, i]));
    const violations: Violation[] = [];
    if (lines.length === 0) violations.push(RealizationMessages.violation('REALISASI_KOSONG', {}, 'realizations'));
    lines.forEach((line, i) => {
      const indicator = byId.get(line.indicatorId);
      if (!indicator) violations.push(RealizationMessages.violation('INDIKATOR_TIDAK_DIKENAL', {}, `realizations.${i}.indicatorId`));
      else if (indicator.evidenceRequired && (evidenceCount.get(indicator.id) ?? 0) === 0) {
        violations.push(RealizationMessages.violation('BUKTI_DUKUNG_WAJIB', { indikator: indicator.description }, `realizations.${i}.bukti`));
      }
      if (!Number.isFinite(line.value) || line.value < 0) violations.push(RealizationMessages.violation('REALISASI_TIDAK_VALID', {}, `realizations.${i}.value`));
    });
    if (violations.length > 0) throw new ViolationError(violations);
    const from = this.state.status;
    this.state.realizations = lines.map((l) => ({ ...l }));
    this.state.status = 'DILAPORKAN';
    this.events.push({ kind: 'reported', reportId: this.state.id });
    return { from, to: 'DILAPORKAN' };
  }

  /** The penilai's feedback (umpan balik berkelanjutan); the penilai check is the use case's (it knows who the penilai is). */
  giveFeedback(text: string): { from: ReportStatus; to: ReportStatus } {
    this.requireStatus(['DILAPORKAN'], 'diberi umpan balik');
    const t = (text ?? '').trim();
    if (!t) throw RealizationMessages.error('UMPAN_BALIK_WAJIB', {}, 'feedback');
    this.state.feedback = t;
    this.state.status = 'DITANGGAPI';
    this.events.push({ kind: 'feedback-given', reportId: this.state.id });
    return { from: 'DILAPORKAN', to: 'DITANGGAPI' };
  }

  /** Locks an answered report once its feedback deadline has passed; an unanswered one stays open for the penilai. */
  lockIfDue(today: IsoDate): { from: ReportStatus; to: ReportStatus } | null {
    if (this.state.status !== 'DITANGGAPI' || today <= this.state.feedbackDue) return null;
    this.state.status = 'TERKUNCI';
    this.events.push({ kind: 'locked', reportId: this.state.id });
    return { from: 'DITANGGAPI', to: 'TERKUNCI' };
  }

  private requireWindow(today: IsoDate): void {
    if (today < this.state.start) throw RealizationMessages.error('PERIODE_BELUM_DIMULAI', { tanggal: this.state.start });
    if (today > this.state.reportDue) throw RealizationMessages.error('BATAS_WAKTU_LAPORAN_TERLEWATI', { batas: this.state.reportDue });
  }

  private requireStatus(allowed: readonly ReportStatus[], aksi: string): void {
    if (!allowed.includes(this.state.status)) throw RealizationMessages.error('TRANSISI_LAPORAN_TIDAK_DIIZINKAN', { status: LABELS[this.state.status], aksi }, 'status');
  }
}
