import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { AppraisersChangedV1, EmployeeChangedV1, RoleGrantedV1, RoleRevokedV1, Topics } from '@capaian/contracts';
import { EventInbox } from '@capaian/shared/messaging';
import { RULED_EVENT_TYPES } from './domain/recipient-rules';
import { DispatchEvent } from './use-cases/dispatch-event';

/**
 * Kafka entry point for personnel's employee events. EventInbox applies each event once (inbox row
 * in the same transaction as the directory update, the inbox items and the queued mails), retries a
 * bounded number of times and dead-letters poison events to `personnel.employee.v1.dlq`. No SMTP
 * call happens here, so a mail server outage never holds the partition.
 */
@Controller()
export class PersonnelEventsMessageController {
  constructor(
    private readonly inbox: EventInbox,
    private readonly dispatch: DispatchEvent,
  ) {}

  @EventPattern(Topics.personnelEmployee)
  async onEmployee(@Ctx() ctx: KafkaContext): Promise<void> {
    await this.inbox.consume(ctx, (event, manager) => this.dispatch.execute(event, manager), {
      handler: 'notify-on-employee',
      // These tell nobody (yet) but are applied to the projection like the others (see DispatchEvent).
      types: [...RULED_EVENT_TYPES, EmployeeChangedV1, AppraisersChangedV1, RoleGrantedV1, RoleRevokedV1],
    });
  }
}
