import { Inject, Injectable } from '@nestjs/common';
import {
  EmployeeChangedV1,
  EmployeeHiredV1,
  EmployeeLeftV1,
  EmployeePromotedV1,
  EmployeeTransferredV1,
  ReportingLineChangedV1, type EmployeeSnapshot, type EventEnvelope, type ReportingLineChangedData,
} from '@capaian/contracts';
import type { Violation } from '@capaian/kinerja';
import type { EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '../clock/clock';
import { EVENT_FILTER, type EventFilter } from '../core.module';
import type { Person } from '../directory/domain/person';
import { DirectoryRepository } from '../directory/directory.repository';
import { DispatchIssueMessages } from '../notification.messages';
import { factsOf, type EventFacts } from './domain/event-values';
import { rulesFor, type RecipientRole } from './domain/recipient-rules';
import { DispatchIssueRepository } from './dispatch-issue.repository';
import { NoticeWriter } from './notice-writer.service';

const ROLE_LABEL: Record<RecipientRole, string> = {
  employee: 'pegawai',
  supervisor: 'pejabat penilai',
  atasan: 'atasan pejabat penilai',
  'opd-admin': 'admin OPD',
  bkpsdm: 'admin BKPSDM',
};

/** Events whose payload is a full employee snapshot. */
const SNAPSHOT_EVENTS = new Set([EmployeeHiredV1, EmployeeChangedV1, EmployeeTransferredV1, EmployeePromotedV1, EmployeeLeftV1]);

type Resolved = { people: Person[]; issue?: Violation };

/**
 * One personnel event → the directory kept current, then one notice per recipient the rules table
 * names, all in the consumer's transaction. A recipient who cannot be resolved is recorded as an
 * issue; the other recipients are still told.
 */
@Injectable()
export class DispatchEventUseCase {
  constructor(
    private readonly directory: DirectoryRepository,
    private readonly notices: NoticeWriter,
    private readonly issues: DispatchIssueRepository,
    @Inject(EVENT_FILTER) private readonly accepts: EventFilter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(envelope: EventEnvelope<unknown>, m: EntityManager): Promise<void> {
    if (!this.accepts(envelope)) return;
    await this.updateDirectory(envelope, m);
    const facts = factsOf(envelope.type, envelope.data);
    if (!facts) return;
    // Events that carry only a NIP (a reporting line change) take the name from the directory.
    if (!facts.values.nama) facts.values.nama = (await this.directory.activePerson(m, facts.subjectNip))?.name ?? null;
    for (const rule of rulesFor(envelope.type, facts.values)) {
      const { people, issue } = await this.resolve(m, rule.recipient, facts);
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
          category: rule.category,
          template: rule.template,
          channels: rule.channels,
          values: facts.values,
          actionDueDays: rule.actionDueDays,
        });
      }
    }
  }

  private async updateDirectory(envelope: EventEnvelope<unknown>, m: EntityManager): Promise<void> {
    if (envelope.type === ReportingLineChangedV1) {
      const d = envelope.data as ReportingLineChangedData;
      await this.directory.applySupervisor(m, d.nip, d.supervisor?.nip ?? null, envelope.time);
    } else if (SNAPSHOT_EVENTS.has(envelope.type)) {
      await this.directory.applyEmployee(m, envelope.data as EmployeeSnapshot, envelope.time);
    }
  }

  private async resolve(m: EntityManager, role: RecipientRole, facts: EventFacts): Promise<Resolved> {
    const one = async (nip: string | null): Promise<Resolved> => {
      if (!nip) return { people: [], issue: DispatchIssueMessages.violation('PENERIMA_TIDAK_ADA', { peran: ROLE_LABEL[role] }) };
      const person = await this.directory.activePerson(m, nip);
      return person ? { people: [person] } : { people: [], issue: DispatchIssueMessages.violation('PENERIMA_TIDAK_DIKENAL', { peran: ROLE_LABEL[role], nip }) };
    };
    switch (role) {
      case 'employee':
        return one(facts.subjectNip);
      case 'supervisor':
        return one(facts.supervisorNip);
      case 'atasan': {
        const supervisor = facts.supervisorNip ? await this.directory.activePerson(m, facts.supervisorNip) : null;
        return one(supervisor?.supervisorNip ?? null);
      }
      case 'opd-admin': {
        const admins = facts.opdId ? await this.directory.opdAdmins(m, facts.opdId) : [];
        return admins.length > 0 ? { people: admins } : { people: [], issue: DispatchIssueMessages.violation('PENERIMA_TIDAK_ADA', { peran: ROLE_LABEL[role] }) };
      }
      case 'bkpsdm': {
        const admins = await this.directory.bkpsdmAdmins(m);
        return admins.length > 0 ? { people: admins } : { people: [], issue: DispatchIssueMessages.violation('PENERIMA_TIDAK_ADA', { peran: ROLE_LABEL[role] }) };
      }
    }
  }
}
