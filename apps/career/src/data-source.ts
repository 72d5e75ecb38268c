import type { ServiceConfig } from '@capaian/shared/config';
import { messagingEntities, messagingMigrations } from '@capaian/shared/messaging';
import { AuditEntry, CreateAuditTrail1764300000000, CreateIdempotencyKeys1764600000000, dataSourceOptions, IdempotencyKeyEntity } from '@capaian/shared/persistence';
import type { DataSourceOptions } from 'typeorm';
import { CreateProgramPengembangan1764500000000 } from './migrations/1764500000000-create-program-pengembangan';
import { ProgramPengembanganEntity } from './programs/infrastructure/program-pengembangan.entity';

/** Every entity of the career database, listed explicitly (TypeORM 1.x, no globs). */
export const careerEntities = [AuditEntry, ...messagingEntities, ProgramPengembanganEntity, IdempotencyKeyEntity];

/** Every migration, in order; a new one is appended here and nowhere else. */
export const careerMigrations = [CreateAuditTrail1764300000000, ...messagingMigrations, CreateProgramPengembangan1764500000000, CreateIdempotencyKeys1764600000000];

export function careerDataSourceOptions(config: Pick<ServiceConfig, 'database'>): DataSourceOptions {
  return dataSourceOptions(config.database, careerEntities, careerMigrations);
}
