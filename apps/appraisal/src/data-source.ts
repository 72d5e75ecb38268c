import type { ServiceConfig } from '@capaian/shared/config';
import { messagingEntities, messagingMigrations } from '@capaian/shared/messaging';
import { AuditEntry, CreateAuditTrail1764300000000, CreateIdempotencyKeys1764600000000, dataSourceOptions, IdempotencyKeyEntity } from '@capaian/shared/persistence';
import { projectionEntities, projectionMigrations } from '@capaian/shared/projection';
import { schedulingMigrations } from '@capaian/shared/scheduling';
import type { DataSourceOptions } from 'typeorm';
import { CreatePeriodePenilaian1764500000000 } from './migrations/1764500000000-create-periode-penilaian';
import { CreateSkpYear1765200000000 } from './migrations/1765200000000-create-skp-year';
import { IssuedDocumentDigest1765300000000 } from './migrations/1765300000000-issued-document-digest';
import { RenameAppraisalPeriod1764700000000 } from './migrations/1764700000000-rename-appraisal-period';
import { ReportDueNotice1765400000000 } from './migrations/1765400000000-report-due-notice';
import { ObjectionAtasanIndex1765650000000 } from './migrations/1765650000000-objection-atasan-index';
import { PlanningAndRatingDueNotice1765700000000 } from './migrations/1765700000000-planning-and-rating-due-notice';
import { DashboardReadIndexes1765800000000 } from './migrations/1765800000000-dashboard-read-indexes';

/**
 * Every entity of the appraisal database, listed explicitly (TypeORM 1.x, no globs). Feature tables
 * are read and written by their repositories with SQL, so only the shared libraries' entities appear.
 */
export const appraisalEntities = [AuditEntry, ...messagingEntities, IdempotencyKeyEntity, ...projectionEntities];

/** Every migration, in order; a new one is appended here and nowhere else. */
export const appraisalMigrations = [
  CreateAuditTrail1764300000000,
  ...messagingMigrations,
  CreatePeriodePenilaian1764500000000,
  CreateIdempotencyKeys1764600000000,
  RenameAppraisalPeriod1764700000000,
  ...schedulingMigrations,
  CreateSkpYear1765200000000,
  IssuedDocumentDigest1765300000000,
  ...projectionMigrations,
  ReportDueNotice1765400000000,
  ObjectionAtasanIndex1765650000000,
  PlanningAndRatingDueNotice1765700000000,
  DashboardReadIndexes1765800000000,
];

export function appraisalDataSourceOptions(config: Pick<ServiceConfig, 'database'>): DataSourceOptions {
  return dataSourceOptions(config.database, appraisalEntities, appraisalMigrations);
}
