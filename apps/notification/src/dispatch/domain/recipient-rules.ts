import {
  EnrolmentChangedV1,
  JpAtRiskV1,
  EmployeeHiredV1,
  EmployeeLeftV1,
  EmployeePromotedV1,
  EmployeeTransferredV1,
  EvaluationRatedV1,
  FeedbackGivenV1,
  ObjectionDecidedV1,
  ObjectionFiledV1,
  RealizationReportedV1,
  PlanningDueV1,
  RatingDueV1,
  ReportDueV1,
  ReportingLineChangedV1,
  SkpReturnedV1,
  SkpSetV1,
  SkpSubmittedV1,
} from '@capaian/contracts';
import type { CategoryCode } from './categories';
import type { TemplateKey } from './templates';

/**
 * Who is told about what. One row per (event type, recipient): adding an event type is rows here
 * plus a template in `templates.ts` (and its values in `event-values.ts`). `docs/notifications.md`
 * shows this table to readers; `recipient-rules.spec.ts` checks the two agree.
 *
 * Recipients are looked up in the shared personnel projection:
 * - `employee`: the employee the event is about;
 * - `supervisor`: their pejabat penilai (the one an appraisal event names, else the projection's,
 *   else the effective direct supervisor after the change);
 * - `atasan`: the atasan pejabat penilai;
 * - `opd-admin`: every admin OPD of the employee's OPD (the last OPD when they left);
 * - `bkpsdm`: every admin BKPSDM.
 */
export type RecipientRole = 'employee' | 'supervisor' | 'atasan' | 'opd-admin' | 'bkpsdm';
export type Channel = 'inbox' | 'email';

export interface RecipientRule {
  eventType: string;
  recipient: RecipientRole;
  category: CategoryCode;
  template: TemplateKey;
  channels: readonly Channel[];
  /** Only when the event's values say so: `betweenOpd` (a transfer between OPD), `disetujui`/`ditolak` (an enrolment decided). */
  when?: 'betweenOpd' | 'disetujui' | 'ditolak';
  /**
   * The notice asks for an action with a deadline this many days after the event: a reminder is
   * scheduled, then escalated to the supervisor and to the OPD admin while the notice stays unread.
   */
  actionDueDays?: number;
  /**
   * The notice asks for an action by the deadline the event itself carries (a period's report due
   * date, the planning deadline; for a rating, a few days before the rating deadline so that the
   * ladder ends before it): reminded at 07.00 WIB then, then escalated like `actionDueDays`.
   */
  actionDueFromEvent?: boolean;
  /** A plain reminder (no escalation) at 07.00 WIB the day before the event's start date: a training session tomorrow. */
  remindDayBeforeStart?: boolean;
}

const both: readonly Channel[] = ['inbox', 'email'];
const inboxOnly: readonly Channel[] = ['inbox'];

export const RECIPIENT_RULES: readonly RecipientRule[] = [
  { eventType: EmployeeHiredV1, recipient: 'employee', category: 'skp', template: 'pegawai-diterima', channels: both, actionDueDays: 14 },
  { eventType: EmployeeHiredV1, recipient: 'supervisor', category: 'tim', template: 'bawahan-baru', channels: both },
  { eventType: EmployeeHiredV1, recipient: 'opd-admin', category: 'administrasi-opd', template: 'pegawai-baru-opd', channels: inboxOnly },
  { eventType: EmployeeTransferredV1, recipient: 'employee', category: 'kepegawaian', template: 'pegawai-dimutasi', channels: both },
  { eventType: EmployeeTransferredV1, recipient: 'supervisor', category: 'tim', template: 'bawahan-baru', channels: both },
  { eventType: EmployeeTransferredV1, recipient: 'opd-admin', category: 'administrasi-opd', template: 'pegawai-masuk-opd', channels: inboxOnly, when: 'betweenOpd' },
  { eventType: EmployeeTransferredV1, recipient: 'bkpsdm', category: 'administrasi-bkpsdm', template: 'mutasi-antar-opd', channels: both, when: 'betweenOpd' },
  { eventType: EmployeePromotedV1, recipient: 'employee', category: 'kepegawaian', template: 'kenaikan-pangkat', channels: both },
  { eventType: EmployeePromotedV1, recipient: 'supervisor', category: 'tim', template: 'bawahan-naik-pangkat', channels: inboxOnly },
  { eventType: ReportingLineChangedV1, recipient: 'employee', category: 'kepegawaian', template: 'atasan-berubah', channels: both },
  { eventType: ReportingLineChangedV1, recipient: 'supervisor', category: 'tim', template: 'penilai-baru', channels: both },
  { eventType: EmployeeLeftV1, recipient: 'supervisor', category: 'tim', template: 'bawahan-keluar', channels: both },
  { eventType: EmployeeLeftV1, recipient: 'opd-admin', category: 'administrasi-opd', template: 'pegawai-keluar-opd', channels: inboxOnly },
  { eventType: SkpSubmittedV1, recipient: 'supervisor', category: 'skp', template: 'skp-diajukan', channels: both, actionDueDays: 5 },
  { eventType: SkpSetV1, recipient: 'employee', category: 'skp', template: 'skp-ditetapkan', channels: both },
  { eventType: SkpReturnedV1, recipient: 'employee', category: 'skp', template: 'skp-dikembalikan', channels: both, actionDueDays: 5 },
  { eventType: RealizationReportedV1, recipient: 'supervisor', category: 'skp', template: 'realisasi-menunggu-umpan-balik', channels: both, actionDueDays: 5 },
  { eventType: FeedbackGivenV1, recipient: 'employee', category: 'skp', template: 'umpan-balik', channels: both },
  { eventType: EvaluationRatedV1, recipient: 'employee', category: 'skp', template: 'penilaian-ditetapkan', channels: both },
  { eventType: ObjectionFiledV1, recipient: 'atasan', category: 'skp', template: 'keberatan-diajukan', channels: both, actionDueDays: 7 },
  { eventType: ReportDueV1, recipient: 'employee', category: 'skp', template: 'laporan-realisasi', channels: both, actionDueFromEvent: true },
  { eventType: PlanningDueV1, recipient: 'employee', category: 'skp', template: 'skp-perencanaan', channels: both, actionDueFromEvent: true },
  { eventType: RatingDueV1, recipient: 'supervisor', category: 'skp', template: 'penilaian-menunggu', channels: both, actionDueFromEvent: true },
  { eventType: ObjectionDecidedV1, recipient: 'employee', category: 'skp', template: 'keberatan-diputus', channels: both },
  { eventType: EnrolmentChangedV1, recipient: 'employee', category: 'kompetensi', template: 'pelatihan-disetujui', channels: both, when: 'disetujui', remindDayBeforeStart: true },
  { eventType: EnrolmentChangedV1, recipient: 'employee', category: 'kompetensi', template: 'pelatihan-ditolak', channels: both, when: 'ditolak' },
  { eventType: JpAtRiskV1, recipient: 'employee', category: 'kompetensi', template: 'jp-kurang', channels: both },
  { eventType: JpAtRiskV1, recipient: 'supervisor', category: 'tim', template: 'jp-kurang-bawahan', channels: inboxOnly },
];

/**
 * Events that are the action an earlier notice asked for: their arrival ends the open reminders of
 * those notices about the same employee (the penilai deciding ends "SKP waiting for you").
 */
export const AWAITED_BY: Readonly<Record<string, readonly TemplateKey[]>> = {
  // Per year for `skp-perencanaan` (the facts carry `skp-tahun:<year>` on both sides).
  [SkpSubmittedV1]: ['pegawai-diterima', 'skp-dikembalikan', 'skp-perencanaan'],
  [SkpSetV1]: ['skp-diajukan'],
  [SkpReturnedV1]: ['skp-diajukan'],
  [ObjectionDecidedV1]: ['keberatan-diajukan'],
  // Per SKP and period: the facts carry `<skpId>:<period>` as the awaited reference on both sides.
  // A corrected report of the same period replaces the penilai's waiting notice: the new one starts its own ladder.
  [RealizationReportedV1]: ['laporan-realisasi', 'realisasi-menunggu-umpan-balik'],
  [FeedbackGivenV1]: ['realisasi-menunggu-umpan-balik'],
  // Per SKP: the facts carry the SKP id as the awaited reference on both sides.
  [EvaluationRatedV1]: ['penilaian-menunggu'],
};

export function awaitedBy(eventType: string): readonly TemplateKey[] {
  return AWAITED_BY[eventType] ?? [];
}

export function rulesFor(eventType: string, values: Readonly<Record<string, string | null | undefined>>): RecipientRule[] {
  return RECIPIENT_RULES.filter((r) => r.eventType === eventType && (!r.when || values[r.when] === 'true'));
}

/** The event types this service reacts to through the rules table, or that end a reminder (a realization reported). */
export const RULED_EVENT_TYPES: readonly string[] = [...new Set([...RECIPIENT_RULES.map((r) => r.eventType), ...Object.keys(AWAITED_BY)])];
