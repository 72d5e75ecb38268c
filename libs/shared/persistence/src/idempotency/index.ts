export * from './idempotency-key';
export * from './idempotency-key.entity';
export * from './idempotency.store';
export * from './idempotent.decorator';
export * from './idempotency.interceptor';
export * from './idempotency.module';
