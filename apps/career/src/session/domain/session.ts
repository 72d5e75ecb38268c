import { compareIsoDates, parseIsoDate, type IsoDate, type Violation } from '@capaian/kinerja';
import { SessionMessages as M } from '../session.messages';

export interface NewSession {
  startDate: IsoDate;
  endDate: IsoDate;
  registrationOpens: IsoDate;
  registrationCloses: IsoDate;
  online: boolean;
  location: string | null;
  quota: number;
}

export interface AgreementTerms {
  validFrom: IsoDate;
  validUntil: IsoDate;
  /** Participants the agreement still admits (its quota minus the seats of sessions already under it). */
  seatsLeft: number;
}

/**
 * Every rule a new session breaks: real dates, the end not before the start, a registration window
 * that closes before the session starts, a place for a face-to-face session, and — when a partner
 * delivers it — dates inside the agreement (MoU/PKS) and seats within its quota.
 */
export function checkNewSession(s: NewSession, agreement: AgreementTerms | null): Violation[] {
  const out: Violation[] = [];
  const dates: [keyof NewSession, string][] = [['startDate', 'mulai'], ['endDate', 'selesai'], ['registrationOpens', 'buka pendaftaran'], ['registrationCloses', 'tutup pendaftaran']];
  let ok = true;
  for (const [field, which] of dates) {
    if (!parseIsoDate(s[field] as string)) {
      out.push(M.violation('TANGGAL_SESI_TIDAK_VALID', { which }, field));
      ok = false;
    }
  }
  if (ok) {
    if (compareIsoDates(s.endDate, s.startDate) < 0) out.push(M.violation('SESI_SELESAI_SEBELUM_MULAI', {}, 'endDate'));
    if (compareIsoDates(s.registrationCloses, s.registrationOpens) < 0 || compareIsoDates(s.registrationCloses, s.startDate) >= 0) {
      out.push(M.violation('PENDAFTARAN_SETELAH_MULAI', {}, 'registrationCloses'));
    }
  }
  if (!s.online && !s.location?.trim()) out.push(M.violation('TEMPAT_WAJIB_DIISI', {}, 'location'));
  if (out.length === 0 && agreement) {
    if (compareIsoDates(s.startDate, agreement.validFrom) < 0 || compareIsoDates(s.endDate, agreement.validUntil) > 0) {
      out.push(M.violation('SESI_DI_LUAR_PERJANJIAN', { from: agreement.validFrom, until: agreement.validUntil }, 'startDate'));
    }
    if (s.quota > agreement.seatsLeft) out.push(M.violation('KUOTA_PERJANJIAN_TERLAMPAUI', { left: agreement.seatsLeft }, 'quota'));
  }
  return out;
}

/** Whether registration is open on `today`. */
export function registrationOpen(s: Pick<NewSession, 'registrationOpens' | 'registrationCloses'>, today: IsoDate): boolean {
  return compareIsoDates(today, s.registrationOpens) >= 0 && compareIsoDates(today, s.registrationCloses) <= 0;
}
