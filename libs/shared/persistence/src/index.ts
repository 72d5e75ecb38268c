export * from './data-source';
export * from './audit-trail';
export * from './persistence.module';
export * from './idempotency';
export * from './process-lease';
