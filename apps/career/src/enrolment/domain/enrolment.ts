import { compareIsoDates, type IsoDate } from '@capaian/kinerja';
import { EnrolmentMessages as M } from '../enrolment.messages';

/**
 * The life of one person's place in one session:
 *
 *   DAFTAR_TUNGGU ─promote→ DIAJUKAN ─verify→ DIVERIFIKASI ─approve→ DISETUJUI ─complete→ LULUS | TIDAK_LULUS
 *   LULUS ─uploadCertificate→ SERTIFIKAT_DIUNGGAH ─verifyCertificate→ SELESAI (JP recognised, once)
 *   DIAJUKAN | DIVERIFIKASI ─reject→ DITOLAK;   DAFTAR_TUNGGU … DISETUJUI ─cancel→ DIBATALKAN
 *
 * A place is nominated by the supervisor (or the OPD admin) or self-registered; either way it starts
 * DIAJUKAN when a seat is free, DAFTAR_TUNGGU otherwise. Every status from DIAJUKAN on holds a seat of
 * the session; DISETUJUI holds committed budget, turned into realization on completion.
 */
export const ENROLMENT_STATUSES = [
  'DAFTAR_TUNGGU',
  'DIAJUKAN',
  'DIVERIFIKASI',
  'DISETUJUI',
  'LULUS',
  'TIDAK_LULUS',
  'SERTIFIKAT_DIUNGGAH',
  'SELESAI',
  'DITOLAK',
  'DIBATALKAN',
] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

export const ENROLMENT_ORIGINS = ['NOMINASI', 'MANDIRI'] as const;
export type EnrolmentOrigin = (typeof ENROLMENT_ORIGINS)[number];

/** Statuses that hold one of the session's seats. */
export const SEAT_HOLDING: readonly EnrolmentStatus[] = ['DIAJUKAN', 'DIVERIFIKASI', 'DISETUJUI', 'LULUS', 'TIDAK_LULUS', 'SERTIFIKAT_DIUNGGAH', 'SELESAI'];
/** Statuses in which the person is (or may still be) taking part: they count for overlapping dates. */
export const ACTIVE_FOR_SCHEDULE: readonly EnrolmentStatus[] = ['DAFTAR_TUNGGU', 'DIAJUKAN', 'DIVERIFIKASI', 'DISETUJUI'];

export type EnrolmentTransition =
  | 'registered'
  | 'waitlisted'
  | 'promoted'
  | 'verified'
  | 'rejected'
  | 'approved'
  | 'attendance-recorded'
  | 'passed'
  | 'failed'
  | 'certificate-uploaded'
  | 'jp-recognised'
  | 'cancelled';

export interface EnrolmentChange {
  transition: EnrolmentTransition;
  from: EnrolmentStatus | null;
  to: EnrolmentStatus;
}

export interface EnrolmentState {
  id: string;
  sessionId: string;
  employeeId: string;
  origin: EnrolmentOrigin;
  status: EnrolmentStatus;
  /** Budget the approval committed, and how much (integer rupiah); null before approval. */
  budgetId: string | null;
  committedAmount: number;
  /** Days recorded present. */
  daysPresent: number;
  certificateKey: string | null;
  certificateJp: number | null;
  recognisedJp: number | null;
  reason: string | null;
  version: number;
}

/** What a cancellation frees: the seat (to the waitlist) and the committed budget (to the ledger). */
export interface Release {
  seat: boolean;
  budgetId: string | null;
  amount: number;
}

const ACTIONS: Record<string, string> = {
  promote: 'dinaikkan dari daftar tunggu',
  verify: 'diverifikasi',
  reject: 'ditolak',
  approve: 'disetujui',
  attend: 'dicatat kehadirannya',
  complete: 'dinyatakan lulus atau tidak lulus',
  upload: 'menerima unggahan sertifikat',
  verifyCertificate: 'diverifikasi sertifikatnya',
  cancel: 'dibatalkan',
};

export class Enrolment {
  private readonly changes: EnrolmentChange[] = [];

  private constructor(private state: EnrolmentState) {}

  static restore(state: EnrolmentState): Enrolment {
    return new Enrolment({ ...state });
  }

  /** A new place: DIAJUKAN when the session had a free seat for it, DAFTAR_TUNGGU otherwise. */
  static register(input: { id: string; sessionId: string; employeeId: string; origin: EnrolmentOrigin; seatTaken: boolean }): Enrolment {
    const status: EnrolmentStatus = input.seatTaken ? 'DIAJUKAN' : 'DAFTAR_TUNGGU';
    const e = new Enrolment({
      id: input.id,
      sessionId: input.sessionId,
      employeeId: input.employeeId,
      origin: input.origin,
      status,
      budgetId: null,
      committedAmount: 0,
      daysPresent: 0,
      certificateKey: null,
      certificateJp: null,
      recognisedJp: null,
      reason: null,
      version: 0,
    });
    e.changes.push({ transition: input.seatTaken ? 'registered' : 'waitlisted', from: null, to: status });
    return e;
  }

  get id(): string {
    return this.state.id;
  }
  get status(): EnrolmentStatus {
    return this.state.status;
  }
  snapshot(): Readonly<EnrolmentState> {
    return { ...this.state };
  }

  private require(allowed: readonly EnrolmentStatus[], action: keyof typeof ACTIONS): void {
    if (!allowed.includes(this.state.status)) throw M.error('TRANSISI_PENDAFTARAN_TIDAK_DIIZINKAN', { status: this.state.status, action: ACTIONS[action] });
  }

  private move(to: EnrolmentStatus, transition: EnrolmentTransition): void {
    this.changes.push({ transition, from: this.state.status, to });
    this.state.status = to;
  }

  /** A seat freed and this place was first in the queue. */
  promote(): void {
    this.require(['DAFTAR_TUNGGU'], 'promote');
    this.move('DIAJUKAN', 'promoted');
  }

  /** BKPSDM checked eligibility, quota and schedule (the use case runs those checks first). */
  verify(): void {
    this.require(['DIAJUKAN'], 'verify');
    this.move('DIVERIFIKASI', 'verified');
  }

  reject(reason: string): Release {
    this.require(['DIAJUKAN', 'DIVERIFIKASI'], 'reject');
    if (!reason.trim()) throw M.error('ALASAN_WAJIB_DIISI', {}, 'reason');
    this.state.reason = reason.trim();
    this.move('DITOLAK', 'rejected');
    return { seat: true, budgetId: null, amount: 0 };
  }

  /** Approved with the budget already committed by the use case (the ledger refuses to overspend). */
  approve(budgetId: string, amount: number): void {
    this.require(['DIVERIFIKASI'], 'approve');
    if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`commitment must be whole rupiah, got ${amount}`);
    this.state.budgetId = budgetId;
    this.state.committedAmount = amount;
    this.move('DISETUJUI', 'approved');
  }

  /** One day of attendance; the date must fall inside the session. Recording a day again corrects it. */
  recordAttendance(date: IsoDate, session: { startDate: IsoDate; endDate: IsoDate }, wasPresentBefore: boolean, present: boolean): void {
    this.require(['DISETUJUI'], 'attend');
    if (compareIsoDates(date, session.startDate) < 0 || compareIsoDates(date, session.endDate) > 0) {
      throw M.error('TANGGAL_DI_LUAR_SESI', { from: session.startDate, until: session.endDate }, 'date');
    }
    this.state.daysPresent += (present ? 1 : 0) - (wasPresentBefore ? 1 : 0);
    this.changes.push({ transition: 'attendance-recorded', from: 'DISETUJUI', to: 'DISETUJUI' });
  }

  /** The session is over: passed needs at least one day present. Returns the commitment to realize. */
  complete(passed: boolean): { budgetId: string | null; amount: number } {
    this.require(['DISETUJUI'], 'complete');
    if (passed && this.state.daysPresent < 1) throw M.error('BELUM_PERNAH_HADIR');
    this.move(passed ? 'LULUS' : 'TIDAK_LULUS', passed ? 'passed' : 'failed');
    return { budgetId: this.state.budgetId, amount: this.state.committedAmount };
  }

  /** The certificate (STTPP) is stored; uploading again replaces the previous one until it is verified. */
  uploadCertificate(key: string, certificateJp: number, programJp: number): string | null {
    this.require(['LULUS', 'SERTIFIKAT_DIUNGGAH'], 'upload');
    if (!Number.isInteger(certificateJp) || certificateJp < 1 || certificateJp > programJp) {
      throw M.error('JP_SERTIFIKAT_MELEBIHI_PROGRAM', { jp: certificateJp, max: programJp }, 'jp');
    }
    const previous = this.state.certificateKey;
    this.state.certificateKey = key;
    this.state.certificateJp = certificateJp;
    this.move('SERTIFIKAT_DIUNGGAH', 'certificate-uploaded');
    return previous;
  }

  /** BKPSDM verified the certificate: the JP (converted by the use case) is recognised once. */
  verifyCertificate(recognisedJp: number): void {
    if (this.state.status === 'LULUS') throw M.error('SERTIFIKAT_BELUM_DIUNGGAH');
    this.require(['SERTIFIKAT_DIUNGGAH'], 'verifyCertificate');
    this.state.recognisedJp = recognisedJp;
    this.move('SELESAI', 'jp-recognised');
  }

  /** Withdrawn before the session finished: frees the seat (if held) and releases the commitment. */
  cancel(reason: string): Release {
    this.require(['DAFTAR_TUNGGU', 'DIAJUKAN', 'DIVERIFIKASI', 'DISETUJUI'], 'cancel');
    if (!reason.trim()) throw M.error('ALASAN_WAJIB_DIISI', {}, 'reason');
    const release: Release = { seat: this.state.status !== 'DAFTAR_TUNGGU', budgetId: this.state.budgetId, amount: this.state.committedAmount };
    this.state.reason = reason.trim();
    this.state.committedAmount = 0;
    this.move('DIBATALKAN', 'cancelled');
    return release;
  }

  /** The changes since the last pull, for the outbox; pulled once, so none is published twice. */
  pullEvents(): EnrolmentChange[] {
    return this.changes.splice(0);
  }
}
