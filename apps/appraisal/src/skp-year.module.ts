import { Module, type OnModuleInit } from '@nestjs/common';
import { PersonnelProjectionModule } from '@capaian/shared/projection';
import { dailyAt, every, Scheduler } from '@capaian/shared/scheduling';
import { CadenceUseCases } from './cadence/cadence.use-cases';
import { CadencesHttpController } from './cadence/cadences.http.controller';
import { CadenceRepository } from './cadence/infrastructure/cadence.repository';
import { SkpAccess } from './common/access';
import { AchievementQuery } from './evaluation/achievement.query';
import { EvaluationUseCases } from './evaluation/evaluation.use-cases';
import { EvaluationsHttpController } from './evaluation/evaluations.http.controller';
import { EvaluationRepository } from './evaluation/infrastructure/evaluation.repository';
import { ObjectionRepository } from './objection/infrastructure/objection.repository';
import { ObjectionUseCases } from './objection/objection.use-cases';
import { AppraisalPeople } from './personnel-view/appraisal-people';
import { ProjectionPeople } from './personnel-view/infrastructure/projection-people';
import { EvidenceRepository } from './realization/infrastructure/evidence.repository';
import { PeriodicReportRepository } from './realization/infrastructure/periodic-report.repository';
import { RealizationHttpController } from './realization/realization.http.controller';
import { RealizationUseCases } from './realization/realization.use-cases';
import { CreateSkp } from './skp/use-cases/create-skp';
import { EditSkp } from './skp/use-cases/edit-skp';
import { SubmitSkp } from './skp/use-cases/submit-skp';
import { SetSkp } from './skp/use-cases/set-skp';
import { ReturnSkp } from './skp/use-cases/return-skp';
import { ReviseSkp } from './skp/use-cases/revise-skp';
import { CloseSkp } from './skp/use-cases/close-skp';
import { ReassignPenilai } from './skp/use-cases/reassign-penilai';
import { SkpWorkflow } from './skp/skp.workflow';
import { SkpRepository } from './skp/infrastructure/skp.repository';
import { SkpEventRecorder } from './skp/skp.events';
import { SkpQueries } from './skp/skp.queries';
import { SkpsHttpController } from './skp/skps.http.controller';
import { FollowPersonnelChanges } from './skp/use-cases/follow-personnel-changes';
import { PersonnelEventsMessageController } from './skp/personnel-events.message.controller';
import { DocumentsHttpController } from './documents/documents.http.controller';
import { DOCUMENTS_PUBLIC_URL, DocumentUseCases } from './documents/documents.use-cases';
import { IssuedDocumentRepository } from './documents/infrastructure/issued-document.repository';
import { CompletionQuery } from './dashboard/completion.query';
import { DashboardHttpController } from './dashboard/dashboard.http.controller';

/** Where the QR code of a printed document points: the public verification route, through the gateway. */
function verificationBase(): string {
  return `${(process.env.APPRAISAL_PUBLIC_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '')}/api/v1/appraisal/documents/verify`;
}

/**
 * The individual SKP year: cadence per OPD, SKP workflow, periodic realization with evidence,
 * year-end evaluation and objection. Deadline jobs run once per slot across replicas.
 */
@Module({
  imports: [PersonnelProjectionModule],
  controllers: [SkpsHttpController, RealizationHttpController, EvaluationsHttpController, CadencesHttpController, DocumentsHttpController, DashboardHttpController, PersonnelEventsMessageController],
  providers: [
    { provide: AppraisalPeople, useClass: ProjectionPeople },
    SkpAccess,
    SkpRepository,
    SkpEventRecorder,
    CreateSkp,
    SkpWorkflow,
    EditSkp,
    SubmitSkp,
    SetSkp,
    ReturnSkp,
    ReviseSkp,
    CloseSkp,
    ReassignPenilai,
    SkpQueries,
    CadenceRepository,
    CadenceUseCases,
    PeriodicReportRepository,
    EvidenceRepository,
    RealizationUseCases,
    EvaluationRepository,
    AchievementQuery,
    EvaluationUseCases,
    ObjectionRepository,
    ObjectionUseCases,
    IssuedDocumentRepository,
    DocumentUseCases,
    CompletionQuery,
    FollowPersonnelChanges,
    { provide: DOCUMENTS_PUBLIC_URL, useFactory: verificationBase },
  ],
  exports: [SubmitSkp, SetSkp, EvaluationUseCases, RealizationUseCases, FollowPersonnelChanges, CadenceUseCases, CreateSkp],
})
export class SkpYearModule implements OnModuleInit {
  constructor(
    private readonly scheduler: Scheduler,
    private readonly realization: RealizationUseCases,
    private readonly evaluations: EvaluationUseCases,
  ) {}

  onModuleInit(): void {
    // A period locks the day after its feedback deadline; a rating is final the day after its objection window.
    this.scheduler.register({ name: 'appraisal-lock-periods', schedule: dailyAt('00:30'), run: async ({ manager }) => void (await this.realization.lockDue(manager)) });
    this.scheduler.register({ name: 'appraisal-finalize-evaluations', schedule: every({ minutes: 15 }), run: async ({ manager }) => void (await this.evaluations.finalizeDue(manager)) });
  }
}
