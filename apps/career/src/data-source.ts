import type { ServiceConfig } from '@capaian/shared/config';
import { messagingEntities, messagingMigrations } from '@capaian/shared/messaging';
import { AuditEntry, CreateAuditTrail1764300000000, CreateIdempotencyKeys1764600000000, dataSourceOptions, IdempotencyKeyEntity } from '@capaian/shared/persistence';
import { projectionEntities, projectionMigrations } from '@capaian/shared/projection';
import { schedulingMigrations } from '@capaian/shared/scheduling';
import type { DataSourceOptions } from 'typeorm';
import { CreateProgramPengembangan1764500000000 } from './migrations/1764500000000-create-program-pengembangan';
import { RenameDevelopmentProgram1764700000000 } from './migrations/1764700000000-rename-development-program';
import { CareerDevelopment1765400000000 } from './migrations/1765400000000-career-development';
import { CareerListIndexes1765610000000 } from './migrations/1765610000000-list-indexes';

/**
 * Every entity of the career database, listed explicitly (TypeORM 1.x, no globs). Feature tables
 * are read and written by their repositories with SQL, so only the shared libraries' entities appear.
 */
export const careerEntities = [AuditEntry, ...messagingEntities, IdempotencyKeyEntity, ...projectionEntities];

/** Every migration, in order; a new one is appended here and nowhere else. */
export const careerMigrations = [
  CreateAuditTrail1764300000000,
  ...messagingMigrations,
  CreateProgramPengembangan1764500000000,
  CreateIdempotencyKeys1764600000000,
  RenameDevelopmentProgram1764700000000,
  ...schedulingMigrations,
  ...projectionMigrations,
  CareerDevelopment1765400000000,
  CareerListIndexes1765610000000,
];

export function careerDataSourceOptions(config: Pick<ServiceConfig, 'database'>): DataSourceOptions {
  return dataSourceOptions(config.database, careerEntities, careerMigrations);
}
