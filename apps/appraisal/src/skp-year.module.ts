import { Module, type OnModuleInit } from '@nestjs/common';
import { PersonnelProjectionModule } from '@capaian/shared/projection';
import { dailyAt, every, Scheduler } from '@capaian/shared/scheduling';
import { CadenceQueries } from './cadence/cadence.queries';
import { CadencesHttpController } from './cadence/cadences.http.controller';
import { CadenceRepository } from './cadence/infrastructure/cadence.repository';
import { SetCadence } from './cadence/use-cases/set-cadence';
import { SkpAccess } from './common/access';
import { SkpReader } from './common/skp-reader';
import { CompletionQuery } from './dashboard/completion.query';
import { DashboardExportHttpController } from './dashboard/dashboard-export.http.controller';
import { DashboardHttpController } from './dashboard/dashboard.http.controller';
import { DocumentIssuer, DOCUMENTS_PUBLIC_URL } from './documents/document-issuer';
import { DocumentsHttpController } from './documents/documents.http.controller';
import { DocumentQueries } from './documents/documents.queries';
import { IssuedDocumentRepository } from './documents/infrastructure/issued-document.repository';
import { PrintEvaluation } from './documents/use-cases/print-evaluation';
import { PrintSkp } from './documents/use-cases/print-skp';
import { AchievementQuery } from './evaluation/achievement.query';
import { EvaluationEventRecorder } from './evaluation/evaluation.events';
import { EvaluationQueries } from './evaluation/evaluation.queries';
import { EvaluationsHttpController } from './evaluation/evaluations.http.controller';
import { EvaluationRepository } from './evaluation/infrastructure/evaluation.repository';
import { AnnounceRatingsDue } from './evaluation/use-cases/announce-ratings-due';
import { RatingNoticeRepository } from './evaluation/infrastructure/rating-notice.repository';
import { FinalizeDueEvaluations } from './evaluation/use-cases/finalize-due-evaluations';
import { RateEvaluation } from './evaluation/use-cases/rate-evaluation';
import { ObjectionRepository } from './objection/infrastructure/objection.repository';
import { ObjectionQueries } from './objection/objection.queries';
import { ObjectionReadsHttpController } from './objection/objection-reads.http.controller';
import { ObjectionsHttpController } from './objection/objections.http.controller';
import { DecideObjection } from './objection/use-cases/decide-objection';
import { FileObjection } from './objection/use-cases/file-objection';
import { AppraisalPeople } from './personnel-view/appraisal-people';
import { ProjectionPeople } from './personnel-view/infrastructure/projection-people';
import { EvidenceRepository } from './realization/infrastructure/evidence.repository';
import { PeriodicReportRepository } from './realization/infrastructure/periodic-report.repository';
import { PeriodReports } from './realization/period-reports';
import { RealizationHttpController } from './realization/realization.http.controller';
import { RealizationQueries } from './realization/realization.queries';
import { AnnounceReportsDue } from './realization/use-cases/announce-reports-due';
import { GiveFeedback } from './realization/use-cases/give-feedback';
import { LockDueReports } from './realization/use-cases/lock-due-reports';
import { ReportRealization } from './realization/use-cases/report-realization';
import { UploadEvidence } from './realization/use-cases/upload-evidence';
import { SkpRepository } from './skp/infrastructure/skp.repository';
import { PenilaiRhkHttpController } from './skp/penilai-rhk.http.controller';
import { PenilaiRhkQueries } from './skp/penilai-rhk.queries';
import { PersonnelEventsMessageController } from './skp/personnel-events.message.controller';
import { SkpEventRecorder } from './skp/skp.events';
import { SkpQueries } from './skp/skp.queries';
import { SkpWorkflow } from './skp/skp.workflow';
import { SkpsHttpController } from './skp/skps.http.controller';
import { PlanningNoticeRepository } from './skp/infrastructure/planning-notice.repository';
import { AnnouncePlanningDue } from './skp/use-cases/announce-planning-due';
import { CloseSkp } from './skp/use-cases/close-skp';
import { CreateSkp } from './skp/use-cases/create-skp';
import { EditSkp } from './skp/use-cases/edit-skp';
import { FollowPersonnelChanges } from './skp/use-cases/follow-personnel-changes';
import { ReassignPenilai } from './skp/use-cases/reassign-penilai';
import { ReturnSkp } from './skp/use-cases/return-skp';
import { ReviseSkp } from './skp/use-cases/revise-skp';
import { SetSkp } from './skp/use-cases/set-skp';
import { SubmitSkp } from './skp/use-cases/submit-skp';

/** Where the QR code of a printed document points: the public verification route, through the gateway. */
function verificationBase(): string {
  return `${(process.env.APPRAISAL_PUBLIC_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '')}/api/v1/appraisal/documents/verify`;
}

/**
 * The individual SKP year: cadence per OPD, SKP workflow, periodic realization with evidence,
 * year-end evaluation and objection, completion dashboard, documents. The aggregates share one
 * transaction boundary often enough (an objection decision finalizes an evaluation; a transfer
 * closes one SKP and opens another) that they live in one Nest module, each in its own folder.
 * Deadline jobs run once per slot across replicas.
 */
@Module({
  imports: [PersonnelProjectionModule],
  controllers: [
    SkpsHttpController,
    PenilaiRhkHttpController,
    RealizationHttpController,
    EvaluationsHttpController,
    ObjectionsHttpController,
    ObjectionReadsHttpController,
    CadencesHttpController,
    DocumentsHttpController,
    DashboardHttpController,
    DashboardExportHttpController,
    PersonnelEventsMessageController,
  ],
  providers: [
    { provide: AppraisalPeople, useClass: ProjectionPeople },
    { provide: DOCUMENTS_PUBLIC_URL, useFactory: verificationBase },
    SkpAccess,
    SkpReader,
    // SKP
    SkpRepository,
    SkpEventRecorder,
    SkpWorkflow,
    SkpQueries,
    PenilaiRhkQueries,
    CreateSkp,
    EditSkp,
    SubmitSkp,
    SetSkp,
    ReturnSkp,
    ReviseSkp,
    CloseSkp,
    ReassignPenilai,
    FollowPersonnelChanges,
    PlanningNoticeRepository,
    AnnouncePlanningDue,
    // cadence
    CadenceRepository,
    CadenceQueries,
    SetCadence,
    // realization
    PeriodicReportRepository,
    EvidenceRepository,
    PeriodReports,
    RealizationQueries,
    UploadEvidence,
    ReportRealization,
    GiveFeedback,
    LockDueReports,
    AnnounceReportsDue,
    // evaluation and objection
    EvaluationRepository,
    EvaluationEventRecorder,
    AchievementQuery,
    EvaluationQueries,
    RateEvaluation,
    FinalizeDueEvaluations,
    RatingNoticeRepository,
    AnnounceRatingsDue,
    ObjectionRepository,
    ObjectionQueries,
    FileObjection,
    DecideObjection,
    // dashboard and documents
    CompletionQuery,
    IssuedDocumentRepository,
    DocumentIssuer,
    DocumentQueries,
    PrintSkp,
    PrintEvaluation,
  ],
  exports: [CreateSkp, SubmitSkp, SetSkp, SetCadence, FollowPersonnelChanges, RateEvaluation, EvaluationQueries, FinalizeDueEvaluations, CompletionQuery, SkpRepository],
})
export class SkpYearModule implements OnModuleInit {
  constructor(
    private readonly scheduler: Scheduler,
    private readonly lockDueReports: LockDueReports,
    private readonly announceReportsDue: AnnounceReportsDue,
    private readonly finalizeDueEvaluations: FinalizeDueEvaluations,
    private readonly announcePlanningDue: AnnouncePlanningDue,
    private readonly announceRatingsDue: AnnounceRatingsDue,
  ) {}

  onModuleInit(): void {
    // A period locks the day after its feedback deadline; a rating is final the day after its objection window.
    this.scheduler.register({ name: 'appraisal-lock-periods', schedule: dailyAt('00:30'), run: async ({ manager }) => void (await this.lockDueReports.execute(manager)) });
    // A period's report is announced as due a few days before its deadline (notification reminds and escalates);
    // a day missed is caught up the next while the deadline has not passed.
    this.scheduler.register({
      name: 'appraisal-announce-reports-due',
      schedule: dailyAt('07:00'),
      catchUpWindow: { hours: 12 },
      run: async ({ manager }) => void (await this.announceReportsDue.execute(manager)),
    });
    // Employees without a submitted SKP are told 7 days before the OPD's planning deadline; penilai with
    // SKPs waiting for a rating 14 days before the rating deadline. Missed days are caught up likewise.
    this.scheduler.register({
      name: 'appraisal-announce-planning-due',
      schedule: dailyAt('07:00'),
      catchUpWindow: { hours: 12 },
      run: async ({ manager }) => void (await this.announcePlanningDue.execute(manager)),
    });
    this.scheduler.register({
      name: 'appraisal-announce-ratings-due',
      schedule: dailyAt('07:00'),
      catchUpWindow: { hours: 12 },
      run: async ({ manager }) => void (await this.announceRatingsDue.execute(manager)),
    });
    this.scheduler.register({
      name: 'appraisal-finalize-evaluations',
      schedule: every({ minutes: 15 }),
      run: async ({ manager }) => {
        // Batches until none is due, all in the job's transaction.
        while ((await this.finalizeDueEvaluations.execute(manager)) > 0);
      },
    });
  }
}
