import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { MetricsService } from '@capaian/shared/http';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../clock/clock';
import { NOTIFICATION_SETTINGS, type NotificationSettings } from '../notification.config';
import { DELIVERY_CHANNELS, type DeliveryChannel } from './domain/channel';
import { firstSendableTime, isQuietTime, nextAttemptAt } from './domain/schedule';
import { DeliveryRepository } from './infrastructure/delivery.repository';

export type WorkOutcome = 'sent' | 'retry' | 'failed' | 'held' | 'idle';

export const DELIVERY_WORKER_AUTOSTART = Symbol('DELIVERY_WORKER_AUTOSTART');

/**
 * Sends what the queue holds, apart from event consumption: SMTP being down delays mail but never
 * holds a Kafka partition. Each lane takes the oldest due row with `FOR UPDATE SKIP LOCKED` and keeps
 * the lock while it sends, so replicas never send one row twice; the outcome (sent, retry with
 * exponential backoff, failed for a refused address) and the attempt are committed with it.
 * A crash after the server accepted a mail and before the commit sends that mail again on restart:
 * at-least-once in that narrow window, by choice (a duplicate beats a lost notice).
 * During quiet hours (WIB) due rows are moved to the end of the quiet period without an attempt.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DeliveryWorker');
  private running = false;
  private lanes: Promise<void>[] = [];
  private wakers: Array<() => void> = [];
  private readonly channels: Map<string, DeliveryChannel>;
  private readonly outcomes: ReturnType<MetricsService['counter']>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly deliveries: DeliveryRepository,
    @Inject(DELIVERY_CHANNELS) channels: DeliveryChannel[],
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DELIVERY_WORKER_AUTOSTART) private readonly autostart: boolean,
    metrics: MetricsService,
  ) {
    this.channels = new Map(channels.map((c) => [c.name, c]));
    this.outcomes = metrics.counter('notification_delivery_attempts_total', 'Delivery attempts by channel and outcome', ['channel', 'outcome']);
  }

  onApplicationBootstrap(): void {
    if (this.autostart) this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.lanes = Array.from({ length: this.settings.concurrency }, () => this.lane());
  }

  async stop(): Promise<void> {
    this.running = false;
    this.nudge();
    await Promise.all(this.lanes);
    this.lanes = [];
  }

  /** Wakes idle lanes now instead of at the next poll. */
  nudge(): void {
    this.wakers.splice(0).forEach((wake) => wake());
  }

  /** Works until nothing is due (tests and the benchmark call it; the lanes do the same). */
  async drainDue(): Promise<Record<WorkOutcome, number>> {
    const counts: Record<WorkOutcome, number> = { sent: 0, retry: 0, failed: 0, held: 0, idle: 0 };
    for (;;) {
      const outcome = await this.workOne();
      counts[outcome]++;
      if (outcome === 'idle') return counts;
    }
  }

  /** Takes one due row and sends it (or holds it for quiet hours). */
  async workOne(): Promise<WorkOutcome> {
    return this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      const row = await this.deliveries.lockNextDue(m, now);
      if (!row) return 'idle';
      if (isQuietTime(now, this.settings.quietHours)) {
        await this.deliveries.postpone(m, row.id, firstSendableTime(now, this.settings.quietHours));
        return 'held';
      }
      const channel = this.channels.get(row.channel);
      const attempt = row.attempts + 1;
      const result = channel ? await channel.send(row) : { ok: false as const, permanent: true, error: `no channel ${row.channel}` };
      const at = this.clock.now();
      let outcome: WorkOutcome;
      if (result.ok) {
        await this.deliveries.markSent(m, row.id, attempt, result.externalId, at);
        outcome = 'sent';
      } else if (result.permanent) {
        await this.deliveries.markFailed(m, row.id, attempt, result.error, at);
        this.logger.warn({ msg: 'delivery failed permanently', deliveryId: row.id, eventId: row.eventId, error: result.error });
        outcome = 'failed';
      } else {
        await this.deliveries.markRetry(m, row.id, attempt, result.error, at, nextAttemptAt(at, attempt, this.settings.backoff));
        outcome = 'retry';
      }
      this.outcomes.inc({ channel: row.channel, outcome });
      return outcome;
    });
  }

  private async lane(): Promise<void> {
    while (this.running) {
      let outcome: WorkOutcome;
      try {
        outcome = await this.workOne();
      } catch (error) {
        // The database is unavailable or a statement failed: nothing was committed; try again later.
        this.logger.error({ msg: 'delivery worker pass failed', error: String((error as Error)?.message ?? error) });
        outcome = 'idle';
      }
      if (outcome === 'idle' || outcome === 'retry') await this.sleep();
    }
  }

  private sleep(): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakers = this.wakers.filter((w) => w !== done);
        resolve();
      };
      const timer = setTimeout(done, this.settings.pollMs);
      this.wakers.push(done);
    });
  }
}
