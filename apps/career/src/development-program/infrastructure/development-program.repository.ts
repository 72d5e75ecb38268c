import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DevelopmentForm, Scope } from '../domain/development-form';
import type { ProgramStatus } from '../domain/development-program';

/** A stored program, as the repository and the queries return it (rupiah as numbers: the API never accepts more than 2^53). */
export interface DevelopmentProgramRecord {
  id: string;
  name: string;
  form: DevelopmentForm;
  scope: Scope;
  organizer: string;
  jp: number;
  startDate: string;
  endDate: string;
  quota: number;
  budgetCeiling: number;
  costPerParticipant: number;
  status: ProgramStatus;
  createdAt: Date;
  createdBy: string;
  competencies: string[];
  eligiblePositionKinds: string[];
  stages: string[];
}

/** `bigint` columns come back from pg as strings; cast to float8 only after the API capped them at 2^53. */
export const DEVELOPMENT_PROGRAM_COLUMNS = `id, name, form, scope, organizer, jp, start_date::text AS "startDate", end_date::text AS "endDate", quota,
  budget_ceiling::float8 AS "budgetCeiling", cost_per_participant::float8 AS "costPerParticipant", status, created_at AS "createdAt", created_by AS "createdBy",
  competencies, eligible_position_kinds AS "eligiblePositionKinds", stages`;

/** The only writer of the `development_program` table. Runs inside the caller's transaction. */
@Injectable()
export class DevelopmentProgramRepository {
  async insert(m: EntityManager, p: Omit<DevelopmentProgramRecord, 'id'>): Promise<DevelopmentProgramRecord> {
    const [row]: DevelopmentProgramRecord[] = await m.query(
      `INSERT INTO development_program (name, form, scope, organizer, jp, start_date, end_date, quota, budget_ceiling, cost_per_participant, status, created_at, created_by,
         competencies, eligible_position_kinds, stages)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING ${DEVELOPMENT_PROGRAM_COLUMNS}`,
      [p.name, p.form, p.scope, p.organizer, p.jp, p.startDate, p.endDate, p.quota, p.budgetCeiling, p.costPerParticipant, p.status, p.createdAt, p.createdBy,
       p.competencies, p.eligiblePositionKinds, JSON.stringify(p.stages)],
    );
    return row;
  }
}
