import { DynamicModule, Module } from '@nestjs/common';
import { EventInbox } from './event-inbox.service';
import { KafkaConnection } from './kafka.connection';
import { MessagingLifecycle } from './messaging.lifecycle';
import { MESSAGING_OPTIONS, resolveMessagingOptions, type MessagingModuleOptions, type ResolvedMessagingOptions } from './messaging.options';
import { OUTBOX_LISTENER, OutboxService } from './outbox.service';
import { OutboxRelay } from './outbox.relay';

/**
 * Holds the providers. Deliberately NOT global: Nest runs shutdown hooks of ordinary modules before
 * those of global ones, and TypeORM's core module is global, so the relay's final flush (our
 * onApplicationShutdown) always runs while the database is still open.
 */
@Module({})
export class MessagingRuntimeModule {}

/**
 * The event backbone of a service: OutboxService (produce), EventInbox (consume), OutboxRelay,
 * KafkaConnection (producer), the `kafka` readiness check and the ordered shutdown.
 * Import once in the app module, after PersistenceModule.forRoot and PlatformHttpModule;
 * add messagingEntities and messagingMigrations to the service's DataSource lists.
 */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    const resolved = resolveMessagingOptions(options);
    const runtime: DynamicModule = {
      module: MessagingRuntimeModule,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: resolved },
        KafkaConnection,
        OutboxRelay,
        {
          provide: OUTBOX_LISTENER,
          useFactory: (o: ResolvedMessagingOptions, relay: OutboxRelay) => (o.relayEnabled ? relay : null),
          inject: [MESSAGING_OPTIONS, OutboxRelay],
        },
        OutboxService,
        EventInbox,
        MessagingLifecycle,
      ],
      exports: [MESSAGING_OPTIONS, KafkaConnection, OutboxRelay, OutboxService, EventInbox, MessagingLifecycle],
    };
    // Global so that every feature module can inject OutboxService and EventInbox.
    return { module: MessagingModule, global: true, imports: [runtime], exports: [runtime] };
  }
}
