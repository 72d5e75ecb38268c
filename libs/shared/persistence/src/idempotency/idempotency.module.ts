import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyStore } from './idempotency.store';

/**
 * Import once in a DB-backed service's root module (next to PersistenceModule.forRoot): registers
 * the interceptor globally; it acts only on handlers marked `@Idempotent()`. The service lists
 * IdempotencyKeyEntity and CreateIdempotencyKeys1764600000000 in its data source.
 */
@Module({
  providers: [IdempotencyStore, { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }],
  exports: [IdempotencyStore],
})
export class IdempotencyModule {}
