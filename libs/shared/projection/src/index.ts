export * from './projection.entities';
export * from './projection.migration';
export * from './projection.changes';
export * from './personnel-projection';
export * from './personnel-directory';
export * from './personnel-projection.message.controller';
export * from './personnel-projection.module';

import { Topics } from '@capaian/contracts';

/** The topics a service's consumer must subscribe to for the projection (e.g. to position a test group). */
export const PROJECTION_TOPICS: readonly string[] = [Topics.personnelOrgUnit, Topics.personnelPosition, Topics.personnelEmployee, Topics.personnelSnapshot];
