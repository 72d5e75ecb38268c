import { compareIsoDates, daysInMonth, isoDate, parseIsoDate, type IsoDate, type Violation } from '@capaian/kinerja';
import { CadenceMessages } from '../cadence.messages';

/**
 * The appraisal calendar of one OPD for one year, chosen by BKPSDM: the year's SKP period plus a
 * monthly or quarterly periodic evaluation, with the deadlines of each step. Dates are calendar
 * dates in Asia/Jakarta; a deadline day is included (a report on the deadline day is on time).
 * An employee's own SKP dates are separate (a transfer mid-year closes one SKP and opens another):
 * an SKP's periods are the calendar's periods that overlap its dates.
 */
export const FREKUENSI = ['BULANAN', 'TRIWULANAN'] as const;
export type Frekuensi = (typeof FREKUENSI)[number];

export interface Cadence {
  tahun: number;
  frekuensi: Frekuensi;
  /** Last day to have the SKP set. */
  batasPerencanaan: IsoDate;
  /** Days after a period ends within which the employee reports it. */
  hariLaporan: number;
  /** Days after a period ends within which the penilai gives feedback; the period locks after it. */
  hariUmpanBalik: number;
  /** Last day of the year-end rating (in the next year). */
  batasPenilaian: IsoDate;
  /** Days after the rating within which an objection may be filed. */
  hariKeberatan: number;
}

/** The calendar an OPD follows until BKPSDM sets its own (monthly, as TPP needs monthly data). */
export function defaultCadence(tahun: number): Cadence {
  return {
    tahun,
    frekuensi: 'BULANAN',
    batasPerencanaan: isoDate(tahun, 1, 31),
    hariLaporan: 5,
    hariUmpanBalik: 10,
    batasPenilaian: isoDate(tahun + 1, 1, 31),
    hariKeberatan: 14,
  };
}

export function checkCadence(c: Cadence): Violation[] {
  const out: Violation[] = [];
  if (parseIsoDate(c.batasPerencanaan)?.year !== c.tahun) out.push(CadenceMessages.violation('TANGGAL_JADWAL_DI_LUAR_TAHUN', { tahun: c.tahun }, 'batasPerencanaan'));
  if (!parseIsoDate(c.batasPenilaian) || compareIsoDates(c.batasPenilaian, isoDate(c.tahun, 12, 31)) <= 0) {
    out.push(CadenceMessages.violation('BATAS_PENILAIAN_TIDAK_VALID', { tahun: c.tahun }, 'batasPenilaian'));
  }
  return out;
}

export interface CalendarPeriod {
  /** 1–12 for months, 1–4 for quarters. */
  nomor: number;
  nama: string;
  mulai: IsoDate;
  selesai: IsoDate;
  batasLaporan: IsoDate;
  batasUmpanBalik: IsoDate;
}

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const ROMAN = ['I', 'II', 'III', 'IV'];

export function calendarPeriods(c: Cadence): CalendarPeriod[] {
  const out: CalendarPeriod[] = [];
  const step = c.frekuensi === 'BULANAN' ? 1 : 3;
  for (let m = 1, n = 1; m <= 12; m += step, n++) {
    const endMonth = m + step - 1;
    const mulai = isoDate(c.tahun, m, 1);
    const selesai = isoDate(c.tahun, endMonth, daysInMonth(c.tahun, endMonth));
    out.push({
      nomor: n,
      nama: c.frekuensi === 'BULANAN' ? `${MONTHS[m - 1]} ${c.tahun}` : `Triwulan ${ROMAN[n - 1]} ${c.tahun}`,
      mulai,
      selesai,
      batasLaporan: addDays(selesai, c.hariLaporan),
      batasUmpanBalik: addDays(selesai, c.hariUmpanBalik),
    });
  }
  return out;
}

/** The calendar's periods that overlap an SKP's dates. */
export function periodsOfSkp(c: Cadence, mulai: IsoDate, selesai: IsoDate): CalendarPeriod[] {
  return calendarPeriods(c).filter((p) => compareIsoDates(p.mulai, selesai) <= 0 && compareIsoDates(mulai, p.selesai) <= 0);
}

/** The last day on which an objection to a rating given on `ratedOn` may be filed. */
export function objectionDeadline(c: Cadence, ratedOn: IsoDate): IsoDate {
  return addDays(ratedOn, c.hariKeberatan);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}
