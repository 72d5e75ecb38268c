export * from './auth';
export * from './eventually';
