import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { Topics } from '@capaian/contracts';
import { EventInbox } from '@capaian/shared/messaging';
import { RULED_EVENT_TYPES } from './domain/recipient-rules';
import { DispatchEvent } from './use-cases/dispatch-event';

/**
 * Kafka entry points for appraisal's SKP and evaluation events: the same dispatcher as personnel's
 * (rules table, inbox items and queued mails in the inbox transaction); types without a rule are
 * acknowledged without effect.
 */
@Controller()
export class AppraisalEventsMessageController {
  constructor(
    private readonly inbox: EventInbox,
    private readonly dispatch: DispatchEvent,
  ) {}

  @EventPattern(Topics.appraisalSkp)
  async onSkp(@Ctx() ctx: KafkaContext): Promise<void> {
    await this.inbox.consume(ctx, (event, manager) => this.dispatch.execute(event, manager), { handler: 'notify-on-skp', types: RULED_EVENT_TYPES });
  }

  @EventPattern(Topics.appraisalEvaluation)
  async onEvaluation(@Ctx() ctx: KafkaContext): Promise<void> {
    await this.inbox.consume(ctx, (event, manager) => this.dispatch.execute(event, manager), { handler: 'notify-on-evaluation', types: RULED_EVENT_TYPES });
  }
}
