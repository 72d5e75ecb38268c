import type { ServiceConfig } from '@capaian/shared/config';
import { messagingEntities, messagingMigrations } from '@capaian/shared/messaging';
import { AuditEntry, CreateAuditTrail1764300000000, CreateIdempotencyKeys1764600000000, dataSourceOptions, IdempotencyKeyEntity } from '@capaian/shared/persistence';
import type { DataSourceOptions } from 'typeorm';
import { CreatePeriodePenilaian1764500000000 } from './migrations/1764500000000-create-periode-penilaian';
import { PeriodePenilaianEntity } from './periods/infrastructure/periode-penilaian.entity';

/** Every entity of the appraisal database, listed explicitly (TypeORM 1.x, no globs). */
export const appraisalEntities = [AuditEntry, ...messagingEntities, PeriodePenilaianEntity, IdempotencyKeyEntity];

/** Every migration, in order; a new one is appended here and nowhere else. */
export const appraisalMigrations = [CreateAuditTrail1764300000000, ...messagingMigrations, CreatePeriodePenilaian1764500000000, CreateIdempotencyKeys1764600000000];

export function appraisalDataSourceOptions(config: Pick<ServiceConfig, 'database'>): DataSourceOptions {
  return dataSourceOptions(config.database, appraisalEntities, appraisalMigrations);
}
