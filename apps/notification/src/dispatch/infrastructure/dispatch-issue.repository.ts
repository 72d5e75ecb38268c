import { Injectable, Logger } from '@nestjs/common';
import type { Violation } from '@capaian/kinerja';
import type { EntityManager } from 'typeorm';

/**
 * The only code touching `dispatch_issue`: a notice that could not be made for a recipient (unknown
 * person, missing template value, no address). The event itself is processed; the issue is kept for
 * BKPSDM (statistics) instead of failing the event or losing the reason in a log.
 */
@Injectable()
export class DispatchIssueRepository {
  private readonly logger = new Logger('DispatchIssue');

  async record(m: EntityManager, issue: { eventId: string; eventType: string; recipientRole: string; recipientNip: string | null; violation: Violation; at: Date }): Promise<void> {
    await m.query(
      `INSERT INTO dispatch_issue (event_id, event_type, recipient_role, recipient_nip, code, detail, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT ON CONSTRAINT dispatch_issue_uq DO NOTHING`,
      [issue.eventId, issue.eventType, issue.recipientRole, issue.recipientNip, issue.violation.code, issue.violation.message, issue.at],
    );
    this.logger.warn({ msg: 'notice not dispatched', eventId: issue.eventId, role: issue.recipientRole, code: issue.violation.code });
  }
}
