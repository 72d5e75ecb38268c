export * from './auth';
export * from './eventually';
export * from './query-plans';
export * from './gateway-harness';
export * from './service-process';
