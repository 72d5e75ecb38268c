import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { OutboxService } from '@capaian/shared/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { audit } from '../../common/career-people';
import { SessionRepository, type SessionRecord } from '../../session/infrastructure/session.repository';
import type { Enrolment, EnrolmentStatus } from '../domain/enrolment';
import { publishEnrolmentChanges } from '../enrolment.events';
import { EnrolmentRepository, type EnrolmentRow } from '../infrastructure/enrolment.repository';

export type TransitionWork<T> = (m: EntityManager, row: EnrolmentRow, e: Enrolment, session: SessionRecord) => Promise<T>;

/**
 * The frame of every transition after registration, one transaction: lock the place, let the
 * use case call the aggregate (which refuses what its status does not allow) and move seats or
 * budget, save, audit, hand the aggregate's events to the outbox, then the use case's last writes
 * (a waitlist promotion, a budget commitment) — all or nothing.
 */
@Injectable()
export class EnrolmentTransaction {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly enrolments: EnrolmentRepository,
    private readonly sessions: SessionRepository,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async run<T>(actor: Principal, id: string, action: string, work: TransitionWork<T>, afterSave?: (m: EntityManager, session: SessionRecord) => Promise<unknown>): Promise<T> {
    return this.dataSource.transaction(async (m) => {
      const { row, enrolment } = await this.enrolments.lock(m, id);
      const session = await this.sessions.find(m, row.sessionId);
      if (!session) throw new Error(`session ${row.sessionId} of enrolment ${id} is missing`);
      const from: EnrolmentStatus = enrolment.status;
      const result = await work(m, row, enrolment, session);
      await this.enrolments.save(m, enrolment, this.clock.now());
      await audit(m, actor, { action: `enrolment.${action}`, entityType: 'enrolment', entityId: id, from, to: enrolment.status, reason: enrolment.snapshot().reason });
      await publishEnrolmentChanges(m, this.outbox, enrolment, row, session);
      if (afterSave) await afterSave(m, session);
      return result;
    });
  }

  /** The place as stored, after the transition (use cases answer through it). */
  async view(id: string): Promise<EnrolmentRow> {
    const row = await this.enrolments.find(this.dataSource.manager, id);
    if (!row) throw new Error(`enrolment ${id} vanished`);
    return row;
  }
}
