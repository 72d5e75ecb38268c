import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, type BerakhlakValue, type Rating } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { DataSource } from 'typeorm';
import { objectionDeadline } from '../../cadence/domain/cadence';
import { CadenceRepository } from '../../cadence/infrastructure/cadence.repository';
import { partyOf } from '../../common/actor';
import { PeriodicReportRepository } from '../../realization/infrastructure/periodic-report.repository';
import { SkpRepository } from '../../skp/infrastructure/skp.repository';
import { SkpMessages } from '../../skp/skp.messages';
import { AchievementQuery } from '../achievement.query';
import { Evaluation, type EvaluationState } from '../domain/evaluation';
import type { RateEvaluationDto } from '../dto/rate-evaluation.dto';
import { EvaluationEventRecorder } from '../evaluation.events';
import { EvaluationMessages } from '../evaluation.messages';
import { EvaluationRepository } from '../infrastructure/evaluation.repository';

@Injectable()
export class RateEvaluation {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly skps: SkpRepository,
    private readonly evaluations: EvaluationRepository,
    private readonly reports: PeriodicReportRepository,
    private readonly cadences: CadenceRepository,
    private readonly achievement: AchievementQuery,
    private readonly events: EvaluationEventRecorder,
    private readonly clock: Clock,
  ) {}

  /**
   * The penilai rates (or re-rates) a set SKP after its end: every reported period answered, within
   * the OPD's rating deadline. The suggestion comes from capaian; the predikat from the matrix.
   */
  async execute(principal: Principal, skpId: string, body: RateEvaluationDto): Promise<EvaluationState> {
    return this.dataSource.transaction(async (m) => {
      // Locked: a rating and the job announcing it as due (which locks the row too) follow each other, so
      // `rated` never precedes `rating-due` of the same SKP on its partition.
      const skp = (await this.skps.lock(m, skpId))?.toState() ?? null;
      if (!skp) throw SkpMessages.error('SKP_TIDAK_DITEMUKAN');
      if (!principal.nip || principal.nip !== skp.penilaiNip) throw SkpMessages.error('BUKAN_PEJABAT_PENILAI');
      if (skp.status !== 'DITETAPKAN' && skp.status !== 'DITUTUP') throw EvaluationMessages.error('SKP_BELUM_DITETAPKAN');
      const today = this.clock.today();
      if (today < skp.endDate) throw EvaluationMessages.error('BELUM_AKHIR_PERIODE', { tanggal: skp.endDate });
      const cadence = await this.cadences.get(m, skp.snapshot.opd?.code ?? null, skp.year);
      if (today > cadence.ratingDeadline) throw EvaluationMessages.error('BATAS_WAKTU_PENILAIAN_TERLEWATI', { batas: cadence.ratingDeadline });
      if ((await this.reports.listOf(m, skp.id)).some((r) => r.status === 'DILAPORKAN')) throw EvaluationMessages.error('UMPAN_BALIK_BELUM_LENGKAP');
      const suggestion = (await this.achievement.of(m, skp)).suggestedRatingHasilKerja;
      const input = { ratingHasilKerja: body.ratingHasilKerja, reason: body.reason, perilaku: body.perilaku as Partial<Record<BerakhlakValue, Rating>>, unitPredikat: body.unitPredikat };
      const unitHead = !!skp.snapshot.jabatan?.unitHead && !!body.unitPredikat;
      const deadline = objectionDeadline(cadence, today);
      const now = this.clock.now();
      let evaluation = await this.evaluations.lockBySkp(m, skp.id);
      let from: string | null = null;
      if (evaluation) {
        from = evaluation.status;
        evaluation.rerate(unitHead, input, deadline);
        await this.evaluations.update(m, evaluation, now, principal.nip);
      } else {
        evaluation = Evaluation.rate({ id: randomUUID(), skpId: skp.id, unitHead, suggested: suggestion, objectionDeadline: deadline }, input);
        await this.evaluations.insert(m, evaluation, { employeeId: skp.snapshot.employeeId, nip: skp.snapshot.nip, opdCode: skp.snapshot.opd?.code ?? null, year: skp.year }, principal.nip, now);
      }
      await this.events.record(m, partyOf(principal), skp, evaluation, from, body.reason ?? null);
      return evaluation.toState();
    });
  }

}
