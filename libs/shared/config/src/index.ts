export * from './config';
export * from './smtp';
