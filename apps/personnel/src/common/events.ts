import { Injectable } from '@nestjs/common';
import { OutboxService } from '@capaian/shared/messaging';
import type { EntityManager } from 'typeorm';

export interface PersonnelEvent<T = unknown> {
  type: string;
  subject: string;
  data: T;
}

/**
 * Every personnel event goes through here into the outbox, inside the caller's transaction
 * (docs/architecture.md §3.4). The subject (and Kafka key) is the aggregate id.
 */
@Injectable()
export class PersonnelEvents {
  constructor(private readonly outbox: OutboxService) {}

  async emit<T>(manager: EntityManager, type: string, subject: string, data: T): Promise<void> {
    await this.outbox.enqueue<T>(manager, { type, subject, data });
  }

  /** Many events in one go (multi-row inserts), in the given order; nothing is written if one is invalid. */
  async emitMany(manager: EntityManager, events: ReadonlyArray<PersonnelEvent>): Promise<void> {
    await this.outbox.enqueueMany<unknown>(manager, events);
  }
}
