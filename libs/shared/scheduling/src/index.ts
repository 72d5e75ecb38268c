export * from './schedule';
export * from './scheduler';
export * from './scheduled-job-run.migration';
export * from './scheduling.module';
// The clock itself is pure and lives in the shared kernel; re-exported so services find it here too.
export { Clock, SystemClock, TestClock, type Duration } from '@capaian/kinerja';
