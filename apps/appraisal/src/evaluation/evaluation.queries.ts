import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@capaian/shared/auth';
import { DataSource } from 'typeorm';
import { SkpReader } from '../common/skp-reader';
import { AchievementQuery, type AchievementView } from './achievement.query';
import type { EvaluationState } from './domain/evaluation';
import { EvaluationMessages } from './evaluation.messages';
import { EvaluationRepository } from './infrastructure/evaluation.repository';

/** Reads of the year-end evaluation: the achievement of an SKP (with the suggestion) and one evaluation. */
@Injectable()
export class EvaluationQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reader: SkpReader,
    private readonly evaluations: EvaluationRepository,
    private readonly achievement: AchievementQuery,
  ) {}

  async achievementOf(principal: Principal, skpId: string): Promise<AchievementView> {
    const m = this.dataSource.manager;
    return this.achievement.of(m, await this.reader.readable(m, principal, skpId));
  }

  async get(principal: Principal, id: string): Promise<EvaluationState> {
    const m = this.dataSource.manager;
    const e = await this.evaluations.find(m, id);
    if (!e) throw EvaluationMessages.error('EVALUASI_TIDAK_DITEMUKAN');
    await this.reader.readable(m, principal, e.skpId);
    return e;
  }
}
