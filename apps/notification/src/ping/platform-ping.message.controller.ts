import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { PlatformPingV1, Topics, type PlatformPingData } from '@capaian/contracts';
import { EventInbox } from '@capaian/shared/messaging';
import { PingNotificationService } from './ping-notification.service';

/**
 * Kafka entry point for `platform.ping.v1`. EventInbox validates the contract, applies the handler
 * once per event id, retries a bounded number of times and dead-letters to `platform.ping.v1.dlq`.
 */
@Controller()
export class PlatformPingMessageController {
  constructor(
    private readonly inbox: EventInbox,
    private readonly ping: PingNotificationService,
  ) {}

  @EventPattern(Topics.platformPing)
  async onPing(@Ctx() ctx: KafkaContext): Promise<void> {
    await this.inbox.consume<PlatformPingData>(ctx, (event, manager) => this.ping.handle(event, manager), {
      handler: 'notify-on-ping',
      types: [PlatformPingV1],
    });
  }
}
