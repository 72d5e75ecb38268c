import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { Topics } from '@capaian/contracts';
import { EventInbox } from '@capaian/shared/messaging';
import { FOLLOWED_PERSONNEL_EVENTS, FollowPersonnelChanges } from './use-cases/follow-personnel-changes';

/** The SKP's own handler on personnel's employee topic, next to the projection's (its own inbox key). */
@Controller()
export class PersonnelEventsMessageController {
  constructor(
    private readonly inbox: EventInbox,
    private readonly follow: FollowPersonnelChanges,
  ) {}

  @EventPattern(Topics.personnelEmployee)
  async onEmployee(@Ctx() ctx: KafkaContext): Promise<void> {
    await this.inbox.consume(ctx, (event, manager) => this.follow.apply(event, manager), { handler: 'appraisal-skp-personnel', types: FOLLOWED_PERSONNEL_EVENTS });
  }
}
