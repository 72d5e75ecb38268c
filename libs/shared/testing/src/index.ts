export * from './auth';
export * from './eventually';
export * from './query-plans';
export * from './gateway-harness';
