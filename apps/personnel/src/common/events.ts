import { Injectable } from '@nestjs/common';
import { OutboxService } from '@capaian/shared/messaging';
import type { EntityManager } from 'typeorm';

/**
 * Every personnel event goes through here into the outbox, inside the caller's transaction
 * (architecture.md §3). The subject (and Kafka key) is the aggregate id.
 */
@Injectable()
export class PersonnelEvents {
  constructor(private readonly outbox: OutboxService) {}

  async emit<T>(manager: EntityManager, type: string, subject: string, data: T): Promise<void> {
    await this.outbox.enqueue<T>(manager, { type, subject, data });
  }
}
