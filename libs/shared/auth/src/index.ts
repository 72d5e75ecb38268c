export * from './principal';
export * from './auth-problems';
export * from './token-verifier';
export * from './decorators';
export * from './auth.guard';
export * from './whoami.controller';
export * from './auth.module';
