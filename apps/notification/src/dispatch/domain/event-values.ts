import {
  EnrolmentChangedV1,
  JpAtRiskV1,
  type EnrolmentEventData,
  type JpAtRiskEventData,
  EmployeeHiredV1,
  EvaluationRatedV1,
  FeedbackGivenV1,
  ObjectionDecidedV1,
  ObjectionFiledV1,
  RealizationReportedV1,
  ReportDueV1,
  type ReportDueEventData,
  PlanningDueV1,
  type PlanningDueEventData,
  RatingDueV1,
  type RatingDueEventData,
  SkpReturnedV1,
  SkpSetV1,
  SkpSubmittedV1,
  type EvaluationEventData,
  type SkpEventData,
  EmployeeLeftV1,
  EmployeePromotedV1,
  EmployeeTransferredV1,
  ReportingLineChangedV1,
  type EmployeeLeftData,
  type EmployeeSnapshot,
  type EmployeeTransferredData,
  type ReportingLineChangedData,
} from '@capaian/contracts';
import { formatTanggal } from './format';

const WIB_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 24 * 3_600_000;

/**
 * How many days before the rating deadline the penilai's reminder falls (07.00 WIB). A rating after
 * the deadline is refused, so the whole ladder must end before it: with two escalations 48 h apart
 * (`ESCALATE_AFTER_HOURS`), the atasan is told 3 days and the admin OPD 1 day before the deadline.
 */
export const RATING_REMINDER_DAYS_BEFORE = 5;

/** 07.00 WIB on an ISO date, `daysBefore` days earlier; undefined for a date that does not parse. */
function sevenWib(date: string, daysBefore = 0): Date | undefined {
  const t = Date.parse(`${date}T07:00:00Z`) - WIB_OFFSET_MS - daysBefore * DAY_MS;
  return Number.isNaN(t) ? undefined : new Date(t);
}

/** The awaited reference of an employee's planning for a year: `skp.submitted` of that year answers it. */
export const planningRef = (year: number): string => `skp-tahun:${year}`;

/**
 * The subject of an event and the flat values its templates read. `subjectNip` is the employee the
 * event is about; `supervisorNip` and `opdId` say where `supervisor` and `opd-admin` are looked up.
 */
export interface EventFacts {
  subjectNip: string;
  supervisorNip: string | null;
  /** The pejabat penilai the event itself names (appraisal events: the penilai of that SKP); wins over the projection. */
  penilaiNip?: string | null;
  /** 07.00 WIB the day before the event's start date (a training session), for `remindDayBeforeStart` rules. */
  dayBeforeStart?: Date;
  /** 07.00 WIB on the deadline day the event carries (a report due), for `actionDueFromEvent` rules. */
  actionDueAt?: Date;
  /** Which occurrence of an awaited action this is about (`<skpId>:<period>`), when the employee can owe several. */
  awaitedRef?: string;
  opdId: string | null;
  values: Record<string, string | null>;
}

const PREDIKAT_LABEL: Record<string, string> = {
  SANGAT_BAIK: 'Sangat Baik',
  BAIK: 'Baik',
  BUTUH_PERBAIKAN: 'Butuh Perbaikan',
  KURANG: 'Kurang',
  SANGAT_KURANG: 'Sangat Kurang',
};

function employeeValues(e: EmployeeSnapshot): Record<string, string | null> {
  return {
    nama: e.name,
    nip: e.nip,
    jabatan: e.position?.name ?? null,
    unit: e.unit?.name ?? null,
    opd: e.opd?.name ?? null,
    golongan: e.golongan,
    pangkat: e.pangkat,
    atasan: e.supervisor?.name ?? null,
    tanggal: formatTanggal(e.effectiveDate),
  };
}

export function factsOf(type: string, data: unknown): EventFacts | null {
  switch (type) {
    case EmployeeHiredV1:
    case EmployeePromotedV1: {
      const e = data as EmployeeSnapshot;
      return { subjectNip: e.nip, supervisorNip: e.supervisor?.nip ?? null, opdId: e.opd?.unitId ?? null, values: employeeValues(e) };
    }
    case EmployeeTransferredV1: {
      const e = data as EmployeeTransferredData;
      return {
        subjectNip: e.nip,
        supervisorNip: e.supervisor?.nip ?? null,
        opdId: e.opd?.unitId ?? null,
        values: { ...employeeValues(e), opdAsal: e.from.opd?.name ?? null, nomorSk: e.nomorSk, betweenOpd: String(e.betweenOpd) },
      };
    }
    case EmployeeLeftV1: {
      const e = data as EmployeeLeftData;
      const opd = e.opd ?? e.lastOpd;
      return { subjectNip: e.nip, supervisorNip: e.supervisor?.nip ?? null, opdId: opd?.unitId ?? null, values: { ...employeeValues(e), opd: opd?.name ?? null } };
    }
    case ReportingLineChangedV1: {
      const e = data as ReportingLineChangedData;
      return {
        subjectNip: e.nip,
        supervisorNip: e.supervisor?.nip ?? null,
        opdId: null,
        values: { nip: e.nip, atasan: e.supervisor?.name ?? null, tanggal: formatTanggal(e.effectiveDate) },
      };
    }
    case SkpSubmittedV1:
    case SkpSetV1:
    case SkpReturnedV1: {
      const e = data as SkpEventData;
      return {
        subjectNip: e.nip,
        supervisorNip: null,
        penilaiNip: e.penilaiNip,
        opdId: null,
        // A submission ends the year's "plan your SKP" only for that year (reminders without a reference end regardless).
        awaitedRef: type === SkpSubmittedV1 ? planningRef(e.year) : undefined,
        values: { nip: e.nip, tahun: String(e.year), versi: String(e.version), alasan: e.reason, periode: `${formatTanggal(e.startDate)} s.d. ${formatTanggal(e.endDate)}` },
      };
    }
    case ReportDueV1: {
      const e = data as ReportDueEventData;
      return {
        subjectNip: e.nip,
        supervisorNip: null,
        penilaiNip: e.penilaiNip,
        opdId: null,
        actionDueAt: sevenWib(e.reportDue),
        awaitedRef: `${e.skpId}:${e.period}`,
        values: {
          nip: e.nip,
          tahun: String(e.year),
          periodeKe: String(e.period),
          namaPeriode: e.periodName,
          periode: `${formatTanggal(e.periodStart)} s.d. ${formatTanggal(e.periodEnd)}`,
          batasLaporan: formatTanggal(e.reportDue),
        },
      };
    }
    case PlanningDueV1: {
      const e = data as PlanningDueEventData;
      return {
        subjectNip: e.nip,
        supervisorNip: null,
        penilaiNip: e.penilaiNip,
        opdId: null,
        actionDueAt: sevenWib(e.planningDeadline),
        awaitedRef: planningRef(e.year),
        values: { nip: e.nip, tahun: String(e.year), batasPerencanaan: formatTanggal(e.planningDeadline) },
      };
    }
    case RatingDueV1: {
      const e = data as RatingDueEventData;
      return {
        subjectNip: e.nip,
        supervisorNip: null,
        penilaiNip: e.penilaiNip,
        opdId: null,
        actionDueAt: sevenWib(e.ratingDeadline, RATING_REMINDER_DAYS_BEFORE),
        awaitedRef: e.skpId,
        values: {
          nip: e.nip,
          tahun: String(e.year),
          skpId: e.skpId,
          periode: `${formatTanggal(e.startDate)} s.d. ${formatTanggal(e.endDate)}`,
          batasPenilaian: formatTanggal(e.ratingDeadline),
        },
      };
    }
    case RealizationReportedV1:
    case FeedbackGivenV1:
    case EvaluationRatedV1:
    case ObjectionFiledV1:
    case ObjectionDecidedV1: {
      const e = data as EvaluationEventData;
      return {
        subjectNip: e.nip,
        supervisorNip: null,
        penilaiNip: e.penilaiNip,
        opdId: null,
        awaitedRef:
          (type === RealizationReportedV1 || type === FeedbackGivenV1) && e.period !== null ? `${e.skpId}:${e.period}` : type === EvaluationRatedV1 ? e.skpId : undefined,
        values: {
          nip: e.nip,
          tahun: String(e.year),
          periodeKe: e.period === null ? null : String(e.period),
          predikat: e.predikat ? PREDIKAT_LABEL[e.predikat] : null,
          keputusan: e.accepted === undefined ? null : e.accepted ? 'diterima' : 'ditolak',
        },
      };
    }
    case EnrolmentChangedV1: {
      const e = data as EnrolmentEventData;
      return {
        subjectNip: e.nip,
        supervisorNip: null,
        opdId: null,
        dayBeforeStart: sevenWib(e.startDate, 1),
        values: {
          nip: e.nip,
          program: e.programName,
          mulai: formatTanggal(e.startDate),
          selesai: formatTanggal(e.endDate),
          alasan: e.reason,
          disetujui: String(e.transition === 'approved'),
          ditolak: String(e.transition === 'rejected'),
        },
      };
    }
    case JpAtRiskV1: {
      const e = data as JpAtRiskEventData;
      return {
        subjectNip: e.nip,
        supervisorNip: null,
        opdId: null,
        values: {
          nip: e.nip,
          tahun: String(e.year),
          jpDiakui: String(e.totalJp),
          jpRencana: String(e.plannedJp),
          jpMinimal: String(e.minimumJp),
          kekurangan: String(e.shortfallJp),
        },
      };
    }
    default:
      return null;
  }
}
