import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import fastifyHttpProxy from '@fastify/http-proxy';
import { Body, Controller, Injectable, Module, Post, type Type } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import Fastify, { type FastifyInstance } from 'fastify';
import { PlatformPingV1, Topics, type EventEnvelope, type PlatformPingData } from '@capaian/contracts';
import { loadServiceConfig, type DatabaseConfig, type ServiceConfig } from '@capaian/shared/config';
import { configureHttpApp, PlatformHttpModule } from '@capaian/shared/http';
import { configureTracing, httpTracingHooks, SpanKind } from '@capaian/shared/observability';
import { dataSourceOptions, PersistenceModule } from '@capaian/shared/persistence';
import { eventually } from '@capaian/shared/testing';
import { DataSource } from 'typeorm';
import { EventInbox } from './event-inbox.service';
import { connectKafkaConsumer } from './kafka.consumer';
import { messagingEntities } from './messaging.entities';
import { MessagingModule } from './messaging.module';
import { OutboxService } from './outbox.service';
import { moveConsumerGroupToEnd } from './testing/kafka-probe';
import { prepareScratchDatabase } from './testing/scratch-database';

// Registered before any app exists, so the apps' bootstrap (ensureTracing) keeps this exporter.
const exporter = new InMemorySpanExporter();
configureTracing({ service: 'tracing-test', spanExporter: exporter });

const runId = randomUUID();

@Controller()
class PingController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  @Post('ping')
  async ping(@Body() body: { message: string }): Promise<{ id: string }> {
    const event = await this.dataSource.transaction((manager) =>
      this.outbox.enqueue<PlatformPingData>(manager, { type: PlatformPingV1, subject: `ping-${runId}`, data: { message: body.message } }),
    );
    return { id: event.id };
  }
}

@Injectable()
class Received {
  readonly events = new Map<string, EventEnvelope<PlatformPingData>>();
}

@Controller()
class PingConsumer {
  constructor(
    private readonly inbox: EventInbox,
    private readonly received: Received,
  ) {}

  @EventPattern(Topics.platformPing)
  async onPing(@Ctx() ctx: KafkaContext): Promise<void> {
    await this.inbox.consume<PlatformPingData>(ctx, async (event) => {
      if (event.data.message.includes(runId)) this.received.events.set(event.id, event);
    });
  }
}

async function serviceApp(service: 'appraisal' | 'notification', db: DatabaseConfig, parts: { controllers: Type[]; providers?: Type[]; relay: boolean }) {
  const groupId = `capaian-tracing-test-${randomUUID()}`;
  const config: ServiceConfig = {
    ...loadServiceConfig(service, { ...process.env, KAFKA_GROUP_ID: groupId, KAFKA_CLIENT_ID: `capaian-tracing-test-${process.pid}` }),
    database: db,
  };
  @Module({
    imports: [
      PlatformHttpModule,
      PersistenceModule.forRoot(dataSourceOptions(db, messagingEntities, [])),
      MessagingModule.forRoot({ config, source: `/capaian/${service}`, relay: parts.relay }),
    ],
    controllers: parts.controllers,
    providers: parts.providers ?? [],
  })
  class TracingTestModule {}
  const moduleRef = await Test.createTestingModule({ imports: [TracingTestModule] }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: ['error', 'warn'] });
  // The same HTTP setup as every service (createHttpApp), tracing hooks included.
  configureHttpApp(app, service, { title: service });
  return { app, config, groupId };
}

/**
 * One request's trace across the hops: a gateway (the proxy the real one uses, with the same
 * tracing hooks), the service that handles it and enqueues an event, the outbox relay that
 * publishes it, and a consumer in another service. Real PostgreSQL and Kafka; the spans are read
 * from an in-memory exporter.
 */
describe('one trace from the gateway to every consumer (PostgreSQL + Kafka)', () => {
  let producer: NestFastifyApplication;
  let consumer: NestFastifyApplication;
  let gateway: FastifyInstance;
  let gatewayUrl: string;

  beforeAll(async () => {
    const db = await prepareScratchDatabase();
    const service = await serviceApp('appraisal', db, { controllers: [PingController], relay: true });
    producer = service.app;
    await producer.listen(0, '127.0.0.1');
    const serviceUrl = `http://127.0.0.1:${(producer.getHttpServer().address() as AddressInfo).port}`;

    const reader = await serviceApp('notification', db, { controllers: [PingConsumer], providers: [Received], relay: false });
    consumer = reader.app;
    await moveConsumerGroupToEnd(reader.groupId, [Topics.platformPing]);
    await connectKafkaConsumer(consumer, reader.config, { groupId: reader.groupId });
    await consumer.init();

    gateway = Fastify();
    const hooks = httpTracingHooks('gateway');
    gateway.addHook('onRequest', hooks.onRequest);
    gateway.addHook('onResponse', hooks.onResponse);
    await gateway.register(fastifyHttpProxy, { upstream: serviceUrl, prefix: '/api/v1/appraisal', rewritePrefix: '/api/v1/appraisal' });
    await gateway.listen({ port: 0, host: '127.0.0.1' });
    gatewayUrl = `http://127.0.0.1:${(gateway.server.address() as AddressInfo).port}`;
  }, 90_000);

  afterAll(async () => {
    await gateway?.close();
    await consumer?.close();
    await producer?.close();
  }, 60_000);

  it('shows the gateway, the service, the relay and the consumer in one trace, each hop the child of the one before', async () => {
    const response = await fetch(`${gatewayUrl}/api/v1/appraisal/ping`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: `jejak ${runId}` }),
    });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };

    const received = consumer.get(Received);
    const event = await eventually(async () => received.events.get(id), 60_000);
    // The envelope carries the trace (CloudEvents distributed tracing extension).
    expect(event.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);

    const byScope = (scope: string, kind: SpanKind, name: RegExp) => (spans: ReadableSpan[]) =>
      spans.find((s) => s.instrumentationScope.name === scope && s.kind === kind && name.test(s.name) && s.spanContext().traceId === event.traceparent?.split('-')[1]);
    const spans = await eventually(async () => {
      const all = exporter.getFinishedSpans();
      const found = {
        gateway: byScope('capaian/gateway', SpanKind.SERVER, /^POST /)(all),
        service: byScope('capaian/appraisal', SpanKind.SERVER, /^POST \/api\/v1\/appraisal\/ping$/)(all),
        relay: byScope('capaian/appraisal', SpanKind.PRODUCER, /^publish platform\.ping\.v1$/)(all),
        consumer: all.find(
          (s) => s.instrumentationScope.name === 'capaian/notification' && s.kind === SpanKind.CONSUMER && s.attributes['messaging.message.id'] === id,
        ),
      };
      return Object.values(found).every(Boolean) ? (found as Record<keyof typeof found, ReadableSpan>) : undefined;
    }, 30_000);

    const traceId = spans.gateway.spanContext().traceId;
    for (const span of Object.values(spans)) expect(span.spanContext().traceId).toBe(traceId);
    // The service's span is the gateway's child (the proxy forwarded the gateway span's traceparent).
    expect(spans.service.parentSpanContext?.spanId).toBe(spans.gateway.spanContext().spanId);
    // The event was enqueued inside the service's span: the relay and the consumer are its children.
    expect(event.traceparent?.split('-')[2]).toBe(spans.service.spanContext().spanId);
    expect(spans.relay.parentSpanContext?.spanId).toBe(spans.service.spanContext().spanId);
    expect(spans.consumer.parentSpanContext?.spanId).toBe(spans.service.spanContext().spanId);
    expect(spans.consumer.name).toBe('process platform.ping.v1');
  }, 120_000);
});
