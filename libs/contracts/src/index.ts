export * from './envelope';
export * from './topics';
export * from './registry';
export * from './schemas/platform';
export * from './schemas/personnel';
export * from './schemas/appraisal';
export * from './schemas/career';
