import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock, throwIfAny, type CompetencyDevelopmentPolicy } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { OutboxService } from '@capaian/shared/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { COMPETENCY_DEVELOPMENT_POLICY } from '../../career.config';
import { audit, CareerPeople, isBkpsdm, isOpdAdminOf, type CareerPerson } from '../../common/career-people';
import { registrationOpen } from '../../session/domain/session';
import { SessionRepository, type SessionRecord } from '../../session/infrastructure/session.repository';
import { SessionMessages } from '../../session/session.messages';
import { Enrolment } from '../domain/enrolment';
import { checkEligibility, overlappingPlace } from '../domain/eligibility';
import type { RegisterEnrolmentDto } from '../dto/register-enrolment.dto';
import { publishEnrolmentChanges } from '../enrolment.events';
import { EnrolmentMessages as M } from '../enrolment.messages';
import { EnrolmentRepository } from '../infrastructure/enrolment.repository';

/**
 * A place in a session: self-registered, or nominated by the person's supervisor, their OPD's
 * admin or BKPSDM. The registration window first; then, in one transaction under a per-person
 * lock, eligibility (position kind, PPPK ceiling) and no overlapping place; then a seat taken by a
 * conditional UPDATE — when none is left the caller is offered the waitlist (409 SESI_PENUH) or
 * joins it if they asked to.
 */
@Injectable()
export class RegisterEnrolment {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly enrolments: EnrolmentRepository,
    private readonly sessions: SessionRepository,
    private readonly people: CareerPeople,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    @Inject(COMPETENCY_DEVELOPMENT_POLICY) private readonly policy: CompetencyDevelopmentPolicy,
  ) {}

  async execute(actor: Principal, sessionId: string, dto: RegisterEnrolmentDto): Promise<{ id: string; status: string }> {
    const m = this.dataSource.manager;
    const session = await this.sessions.find(m, sessionId);
    if (!session) throw SessionMessages.error('SESI_TIDAK_DITEMUKAN');
    const today = this.clock.today();
    if (!registrationOpen(session, today)) throw M.error('PENDAFTARAN_DITUTUP', { from: session.registrationOpens, until: session.registrationCloses });
    const nomineeNip = dto.nip !== undefined && dto.nip !== actor.nip ? dto.nip : null;
    const nominated = nomineeNip !== null;
    const person = nomineeNip !== null ? await this.people.byNip(nomineeNip) : await this.people.self(actor);
    if (nominated) await this.requireNominator(actor, person);

    const enrolment = await this.dataSource.transaction(async (tx) => {
      // One registration per person at a time: the overlap rule and the PPPK ceiling read the
      // person's other places, so two concurrent registrations of one person must not both pass.
      await this.enrolments.lockPerson(tx, person.id);
      await this.checkPerson(session, person, undefined, tx);
      const seatTaken = await this.sessions.takeSeat(tx, session.id);
      if (!seatTaken && !dto.joinWaitlist) throw M.error('SESI_PENUH');
      const e = Enrolment.register({ id: randomUUID(), sessionId: session.id, employeeId: person.id, origin: nominated ? 'NOMINASI' : 'MANDIRI', seatTaken });
      const at = this.clock.now();
      if (!(await this.enrolments.insert(tx, e, person, nominated ? (actor.nip ?? actor.subject) : null, at))) throw M.error('SUDAH_TERDAFTAR');
      await audit(tx, actor, { action: nominated ? 'enrolment.nominated' : 'enrolment.self-registered', entityType: 'enrolment', entityId: e.id, to: e.status, details: { sessionId: session.id, nip: person.nip } });
      await publishEnrolmentChanges(tx, this.outbox, e, { employeeId: person.id, nip: person.nip, opdCode: person.opdCode }, session);
      return e;
    });
    return { id: enrolment.id, status: enrolment.status };
  }

  /** The supervisor of record (from the projection), the admin of the person's OPD, or BKPSDM. */
  private async requireNominator(actor: Principal, person: CareerPerson): Promise<void> {
    if (isBkpsdm(actor) || isOpdAdminOf(actor, person.opdCode)) return;
    const self = await this.people.selfOrNull(actor);
    if (!self || self.id !== person.supervisorId) throw M.error('BUKAN_ATASAN');
  }

  /** Eligibility and the overlap rule; shared with BKPSDM's verification. */
  async checkPerson(session: SessionRecord, person: CareerPerson, excludeSessionId?: string, manager?: EntityManager): Promise<void> {
    const m = manager ?? this.dataSource.manager;
    const year = Number(session.endDate.slice(0, 4));
    const jp = await this.enrolments.jpOfYear(m, person.id, year);
    const alreadyCounted = excludeSessionId ? session.jp : 0;
    throwIfAny(checkEligibility(session, person, jp.recognised + jp.planned - alreadyCounted, this.policy));
    const clash = overlappingPlace({ sessionId: session.id, startDate: session.startDate, endDate: session.endDate }, await this.enrolments.livePlacesOf(m, person.id));
    if (clash) throw M.error('JADWAL_BENTROK', { dates: `${clash.startDate} s.d. ${clash.endDate}` });
  }
}
