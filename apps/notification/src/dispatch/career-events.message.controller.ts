import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { Topics } from '@capaian/contracts';
import { EventInbox } from '@capaian/shared/messaging';
import { RULED_EVENT_TYPES } from './domain/recipient-rules';
import { DispatchEvent } from './use-cases/dispatch-event';

/** Kafka entry points for career's enrolment and JP events: the same dispatcher and rules table. */
@Controller()
export class CareerEventsMessageController {
  constructor(
    private readonly inbox: EventInbox,
    private readonly dispatch: DispatchEvent,
  ) {}

  @EventPattern(Topics.careerEnrolment)
  async onEnrolment(@Ctx() ctx: KafkaContext): Promise<void> {
    await this.inbox.consume(ctx, (event, manager) => this.dispatch.execute(event, manager), { handler: 'notify-on-enrolment', types: RULED_EVENT_TYPES });
  }

  @EventPattern(Topics.careerJp)
  async onJp(@Ctx() ctx: KafkaContext): Promise<void> {
    await this.inbox.consume(ctx, (event, manager) => this.dispatch.execute(event, manager), { handler: 'notify-on-jp', types: RULED_EVENT_TYPES });
  }
}
