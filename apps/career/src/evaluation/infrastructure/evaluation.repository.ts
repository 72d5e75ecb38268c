import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The only writer of `training_feedback` and `training_follow_up`; one row per enrolment each (the primary key). */
@Injectable()
export class EvaluationRepository {
  async insertFeedback(m: EntityManager, f: { enrolmentId: string; sessionId: string; partnerId: string | null; content: number; facilitator: number; organisation: number; comment: string | null; at: Date }): Promise<boolean> {
    const rows = await m.query(
      `INSERT INTO training_feedback (enrolment_id, session_id, partner_id, content, facilitator, organisation, comment, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (enrolment_id) DO NOTHING RETURNING enrolment_id`,
      [f.enrolmentId, f.sessionId, f.partnerId, f.content, f.facilitator, f.organisation, f.comment, f.at],
    );
    return rows.length === 1;
  }

  async insertFollowUp(m: EntityManager, f: { enrolmentId: string; sessionId: string; partnerId: string | null; application: number; note: string | null; supervisorNip: string; at: Date }): Promise<boolean> {
    const rows = await m.query(
      `INSERT INTO training_follow_up (enrolment_id, session_id, partner_id, application, note, supervisor_nip, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (enrolment_id) DO NOTHING RETURNING enrolment_id`,
      [f.enrolmentId, f.sessionId, f.partnerId, f.application, f.note, f.supervisorNip, f.at],
    );
    return rows.length === 1;
  }
}
