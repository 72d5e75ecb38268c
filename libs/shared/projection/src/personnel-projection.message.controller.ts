import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { Topics } from '@capaian/contracts';
import { PersonnelProjection } from './personnel-projection';

/**
 * Kafka entry points of the projection: personnel's three delta topics and the log-compacted
 * snapshot topic. Deltas and snapshots of one aggregate travel on different topics, so their order
 * across topics is not guaranteed; the version check in PersonnelProjection makes it irrelevant.
 */
@Controller()
export class PersonnelProjectionMessageController {
  constructor(private readonly projection: PersonnelProjection) {}

  @EventPattern(Topics.personnelOrgUnit)
  async onOrgUnit(@Ctx() ctx: KafkaContext): Promise<void> {
    await this.projection.consume(ctx);
  }

  @EventPattern(Topics.personnelPosition)
  async onPosition(@Ctx() ctx: KafkaContext): Promise<void> {
    await this.projection.consume(ctx);
  }

  @EventPattern(Topics.personnelEmployee)
  async onEmployee(@Ctx() ctx: KafkaContext): Promise<void> {
    await this.projection.consume(ctx);
  }

  @EventPattern(Topics.personnelSnapshot)
  async onSnapshot(@Ctx() ctx: KafkaContext): Promise<void> {
    await this.projection.consume(ctx);
  }
}
