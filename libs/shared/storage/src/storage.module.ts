import { DynamicModule, Inject, Injectable, Logger, Module, OnApplicationShutdown, OnModuleInit, Optional } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { HealthService } from '@capaian/shared/http';
import type { Readable } from 'node:stream';
import { FILE_KINDS } from './domain/file-kinds';
import { OBJECT_STORE, type ObjectStore } from './object-store';
import { S3ObjectStore } from './s3-object-store';
import type { StorageConfig } from './storage.config';

/**
 * Hands request bodies of the accepted file types to the handler as a stream instead of parsing
 * them, so an upload goes to the object store without being buffered. Content-type parsers are
 * per application in Fastify; only the types of `FILE_KINDS` are registered.
 */
export function registerUploadBodyParsers(fastify: {
  hasContentTypeParser(type: string): boolean;
  addContentTypeParser(type: string, parser: (req: unknown, payload: Readable, done: (e: Error | null, body?: unknown) => void) => void): void;
}): void {
  for (const kind of FILE_KINDS) {
    for (const type of kind.contentTypes) {
      if (!fastify.hasContentTypeParser(type)) fastify.addContentTypeParser(type, (_req, payload, done) => done(null, payload));
    }
  }
}

@Injectable()
class StorageLifecycle implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Storage');

  constructor(
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
    @Optional() private readonly health?: HealthService,
    @Optional() private readonly adapterHost?: HttpAdapterHost,
  ) {}

  async onModuleInit(): Promise<void> {
    this.health?.register('storage', () => this.store.ping());
    const fastify = this.adapterHost?.httpAdapter?.getInstance?.();
    if (fastify && typeof fastify.addContentTypeParser === 'function') registerUploadBodyParsers(fastify);
    try {
      await this.store.ensureBucket();
    } catch (e) {
      // The service still starts (readiness reports storage down) so an S3 outage at boot is not a crash loop.
      this.logger.warn(`object store not reachable at start-up: ${(e as Error).message}`);
    }
  }

  onApplicationShutdown(): void {
    (this.store as Partial<S3ObjectStore>).close?.();
  }
}

/** Object storage for a service: `StorageModule.forRoot(loadStorageConfig('capaian-appraisal'))`. */
@Module({})
export class StorageModule {
  static forRoot(config: StorageConfig, store?: ObjectStore): DynamicModule {
    return {
      module: StorageModule,
      global: true,
      providers: [{ provide: OBJECT_STORE, useValue: store ?? new S3ObjectStore(config) }, StorageLifecycle],
      exports: [OBJECT_STORE],
    };
  }
}
