import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { updateReturning } from '../../common/sql';
import { SessionMessages } from '../session.messages';
import type { DevelopmentForm, Scope } from '../../development-program/domain/development-form';

/** A session with what its enrolments need of its program. */
export interface SessionRecord {
  id: string;
  programId: string;
  programName: string;
  form: DevelopmentForm;
  scope: Scope;
  jp: number;
  eligiblePositionKinds: string[];
  partnerId: string | null;
  agreementId: string | null;
  startDate: string;
  endDate: string;
  registrationOpens: string;
  registrationCloses: string;
  online: boolean;
  location: string | null;
  quota: number;
  seatsTaken: number;
  costPerParticipant: number;
}

export const SESSION_COLUMNS = `s.id, s.program_id AS "programId", p.name AS "programName", p.form, p.scope, p.jp, p.eligible_position_kinds AS "eligiblePositionKinds",
  s.partner_id AS "partnerId", s.agreement_id AS "agreementId", s.start_date::text AS "startDate", s.end_date::text AS "endDate",
  s.registration_opens::text AS "registrationOpens", s.registration_closes::text AS "registrationCloses", s.online, s.location, s.quota,
  s.seats_taken AS "seatsTaken", s.cost_per_participant::float8 AS "costPerParticipant"`;
export const SESSION_FROM = `program_session s JOIN development_program p ON p.id = s.program_id`;

export type NewSessionRecord = Pick<SessionRecord, 'programId' | 'partnerId' | 'agreementId' | 'startDate' | 'endDate' | 'registrationOpens' | 'registrationCloses' | 'online' | 'location' | 'quota' | 'costPerParticipant'>;

/** The only writer of `program_session`. Seats are taken and freed by single conditional statements. */
@Injectable()
export class SessionRepository {
  async insert(m: EntityManager, s: NewSessionRecord & { createdAt: Date; createdBy: string }): Promise<string> {
    const [row] = await m.query(
      `INSERT INTO program_session (program_id, partner_id, agreement_id, start_date, end_date, registration_opens, registration_closes, online, location, quota, cost_per_participant, created_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [s.programId, s.partnerId, s.agreementId, s.startDate, s.endDate, s.registrationOpens, s.registrationCloses, s.online, s.location, s.quota, s.costPerParticipant, s.createdAt, s.createdBy],
    );
    return row.id;
  }

  async find(m: EntityManager, id: string): Promise<SessionRecord | null> {
    const [row] = await m.query(`SELECT ${SESSION_COLUMNS} FROM ${SESSION_FROM} WHERE s.id = $1`, [id]);
    return row ?? null;
  }

  /** The session, or 404 SESI_TIDAK_DITEMUKAN. */
  async get(m: EntityManager, id: string): Promise<SessionRecord> {
    const row = await this.find(m, id);
    if (!row) throw SessionMessages.error('SESI_TIDAK_DITEMUKAN');
    return row;
  }

  /** Takes one seat if one is free; false when the session is full. */
  async takeSeat(m: EntityManager, id: string): Promise<boolean> {
    const rows = await updateReturning(m, `UPDATE program_session SET seats_taken = seats_taken + 1 WHERE id = $1 AND seats_taken < quota RETURNING id`, [id]);
    return rows.length === 1;
  }

  async freeSeat(m: EntityManager, id: string): Promise<void> {
    await m.query(`UPDATE program_session SET seats_taken = seats_taken - 1 WHERE id = $1 AND seats_taken > 0`, [id]);
  }

  /** Locks the session row: waitlist promotion runs under it so that two freed seats never promote one person twice. */
  async lock(m: EntityManager, id: string): Promise<void> {
    await m.query(`SELECT id FROM program_session WHERE id = $1 FOR UPDATE`, [id]);
  }
}
