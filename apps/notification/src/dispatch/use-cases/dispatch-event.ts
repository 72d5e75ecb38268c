import { Inject, Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@capaian/contracts';
import type { Violation } from '@capaian/kinerja';
import { PersonnelProjection } from '@capaian/shared/projection';
import type { EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '../../clock/clock';
import { EVENT_FILTER, type EventFilter } from '../../core.module';
import type { Person } from '../../directory/domain/person';
import { RecipientDirectory } from '../../directory/recipient-directory';
import { DispatchIssueMessages } from '../dispatch.messages';
import { factsOf, type EventFacts } from '../domain/event-values';
import { awaitedBy, rulesFor, type RecipientRole } from '../domain/recipient-rules';
import { ReminderRepository } from '../../reminders/infrastructure/reminder.repository';
import { DispatchIssueRepository } from '../infrastructure/dispatch-issue.repository';
import { NoticeWriter } from '../notice-writer.service';

const ROLE_LABEL: Record<RecipientRole, string> = {
  employee: 'pegawai',
  supervisor: 'pejabat penilai',
  atasan: 'atasan pejabat penilai',
  'opd-admin': 'admin OPD',
  bkpsdm: 'admin BKPSDM',
};

const PERSONNEL_EVENT_PREFIX = 'capaian.personnel.';

type Resolved = { people: Person[]; issue?: Violation };

/**
 * One personnel event → the projection brought up to date with it, then one notice per recipient
 * the rules table names, all in the consumer's transaction. Applying the event to the projection
 * here (the projection's own handler applies it too; its versioned writes make the second one a
 * no-op) means the recipients are read after the change whichever handler Kafka runs first.
 * A recipient who cannot be resolved is recorded as an issue; the others are still told.
 */
@Injectable()
export class DispatchEvent {
  constructor(
    private readonly projection: PersonnelProjection,
    private readonly directory: RecipientDirectory,
    private readonly notices: NoticeWriter,
    private readonly issues: DispatchIssueRepository,
    private readonly reminders: ReminderRepository,
    @Inject(EVENT_FILTER) private readonly accepts: EventFilter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(envelope: EventEnvelope<unknown>, m: EntityManager): Promise<void> {
    if (!this.accepts(envelope)) return;
    if (envelope.type.startsWith(PERSONNEL_EVENT_PREFIX)) await this.projection.apply(envelope, m);
    const facts = factsOf(envelope.type, envelope.data);
    if (!facts) return;
    // The action some open reminders wait for may be this event (an SKP submitted, an SKP decided).
    await this.reminders.resolveAwaited(m, facts.subjectNip, awaitedBy(envelope.type), this.clock.now(), facts.awaitedRef);
    const subject = await this.directory.activePerson(m, facts.subjectNip);
    // Events that carry only a NIP (a reporting line change) take the name from the projection.
    if (!facts.values.nama) facts.values.nama = subject?.name ?? null;
    for (const rule of rulesFor(envelope.type, facts.values)) {
      const { people, issue } = await this.resolve(m, rule.recipient, facts, subject);
      if (issue) {
        await this.issues.record(m, { eventId: envelope.id, eventType: envelope.type, recipientRole: rule.recipient, recipientNip: null, violation: issue, at: this.clock.now() });
      }
      for (const person of people) {
        await this.notices.write(m, {
          eventId: envelope.id,
          eventType: envelope.type,
          correlationId: envelope.correlationid,
          role: rule.recipient,
          person,
          subjectNip: facts.subjectNip,
          category: rule.category,
          template: rule.template,
          channels: rule.channels,
          values: facts.values,
          actionDueDays: rule.actionDueDays,
          actionDueAt: rule.actionDueFromEvent ? facts.actionDueAt : undefined,
          awaitedRef: facts.awaitedRef,
          remindAt: rule.remindDayBeforeStart ? facts.dayBeforeStart : undefined,
        });
      }
    }
  }

  private async resolve(m: EntityManager, role: RecipientRole, facts: EventFacts, subject: Person | null): Promise<Resolved> {
    const one = async (nip: string | null): Promise<Resolved> => {
      if (!nip) return { people: [], issue: DispatchIssueMessages.violation('PENERIMA_TIDAK_ADA', { peran: ROLE_LABEL[role] }) };
      const person = await this.directory.activePerson(m, nip);
      return person ? { people: [person] } : { people: [], issue: DispatchIssueMessages.violation('PENERIMA_TIDAK_DIKENAL', { peran: ROLE_LABEL[role], nip }) };
    };
    const many = (people: Person[]): Resolved =>
      people.length > 0 ? { people } : { people: [], issue: DispatchIssueMessages.violation('PENERIMA_TIDAK_ADA', { peran: ROLE_LABEL[role] }) };
    switch (role) {
      case 'employee':
        return one(facts.subjectNip);
      case 'supervisor':
        // The penilai the event names (an SKP's), else personnel's, else the supervisor after the change (a hire carries only that).
        return one(facts.penilaiNip ?? subject?.penilaiNip ?? facts.supervisorNip);
      case 'atasan': {
        const penilaiNip = facts.penilaiNip ?? subject?.penilaiNip ?? facts.supervisorNip;
        if (subject?.atasanPenilaiNip && (!facts.penilaiNip || facts.penilaiNip === subject.penilaiNip)) return one(subject.atasanPenilaiNip);
        const penilai = penilaiNip ? await this.directory.activePerson(m, penilaiNip) : null;
        return one(penilai?.penilaiNip ?? null);
      }
      case 'opd-admin':
        return many(facts.opdId ? await this.directory.opdAdmins(m, facts.opdId) : []);
      case 'bkpsdm':
        return many(await this.directory.bkpsdmAdmins(m));
    }
  }
}
