import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit, Optional } from '@nestjs/common';
import { HealthService } from '@capaian/shared/http';
import { DataSource } from 'typeorm';
import { EventInbox } from './event-inbox.service';
import { KafkaConnection } from './kafka.connection';
import { MESSAGING_OPTIONS, type ResolvedMessagingOptions } from './messaging.options';
import { OutboxRelay } from './outbox.relay';

/** What the lifecycle needs of a consumer: Nest's ServerKafka fits. */
export interface StoppableConsumer {
  close(): unknown;
}

/**
 * The ordered shutdown (docs/architecture.md §3.5):
 *  1. beforeApplicationShutdown: stop consuming (kafkajs waits for the handler in progress), then
 *     wait for in-flight handlers; the database is still open, so they commit.
 *  2. Nest closes the HTTP server (no new outbox rows from requests).
 *  3. onApplicationShutdown: stop the relay, flush what is left to Kafka, disconnect the producer.
 *  4. TypeORM closes the database last: its core module is global, and Nest runs global modules'
 *     shutdown hooks after those of ordinary modules such as this one (see MessagingModule).
 * It also registers the `kafka` readiness check.
 */
@Injectable()
export class MessagingLifecycle implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Messaging');
  private readonly consumers: StoppableConsumer[] = [];
  private crashed = false;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: ResolvedMessagingOptions,
    private readonly kafka: KafkaConnection,
    private readonly relay: OutboxRelay,
    private readonly inbox: EventInbox,
    private readonly dataSource: DataSource,
    @Optional() private readonly health?: HealthService,
  ) {}

  onModuleInit(): void {
    this.health?.register('kafka', async () => {
      if (this.crashed) throw new Error('Kafka consumer crashed');
      await this.kafka.checkCluster();
    });
  }

  registerConsumer(consumer: StoppableConsumer): void {
    this.consumers.push(consumer);
  }

  /** A consumer that crashed for good (kafkajs will not restart it) makes the service unready. */
  reportConsumerCrash(crashed: boolean): void {
    this.crashed = crashed;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stopConsuming();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stopProducing();
  }

  /** Step 1; safe to call more than once. */
  async stopConsuming(): Promise<void> {
    const consumers = this.consumers.splice(0);
    for (const consumer of consumers) {
      try {
        await consumer.close();
      } catch (e) {
        this.logger.warn(`stopping the Kafka consumer failed: ${(e as Error).message}`);
      }
    }
    await this.inbox.drain(this.options.consumer.shutdownDrainMs);
  }

  /** Step 3; safe to call more than once. */
  async stopProducing(): Promise<void> {
    await this.relay.stop();
    if (this.options.relayEnabled && this.dataSource.isInitialized) {
      try {
        const sent = await this.relay.flush(this.options.relay.shutdownFlushMs);
        if (sent > 0) this.logger.log(`flushed ${sent} outbox event(s) before shutdown`);
      } catch (e) {
        // Kafka down: the rows stay in the outbox and the next relay to run publishes them.
        this.logger.warn(`final outbox flush failed, events stay queued: ${(e as Error).message}`);
      }
    }
    await this.kafka.close();
  }
}
