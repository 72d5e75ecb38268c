import type { ServiceConfig } from '@capaian/shared/config';
import { messagingEntities, messagingMigrations } from '@capaian/shared/messaging';
import { projectionEntities, projectionMigrations } from '@capaian/shared/projection';
import { schedulingMigrations } from '@capaian/shared/scheduling';
import { AuditEntry, CreateAuditTrail1764300000000, CreateIdempotencyKeys1764600000000, dataSourceOptions, IdempotencyKeyEntity } from '@capaian/shared/persistence';
import type { DataSourceOptions } from 'typeorm';
import { CreateNotificationTables1764500000000 } from './migrations/1764500000000-create-notification-tables';
import { DeliveryQueue1765000000000 } from './migrations/1765000000000-delivery-queue';
import { DropLocalDirectory1765200000000 } from './migrations/1765200000000-drop-local-directory';
import { ReminderAwaitedEvent1765300000000 } from './migrations/1765300000000-reminder-awaited-event';
import { ReminderAwaitedRef1765400000000 } from './migrations/1765400000000-reminder-awaited-ref';
import { StatisticsIndexes1765610000000 } from './migrations/1765610000000-statistics-indexes';
import { InboxPageIndexes1765800000000 } from './migrations/1765800000000-inbox-page-indexes';
import { AdminRoleIndex1765900000000 } from './migrations/1765900000000-admin-role-index';

/**
 * Every entity of the notification database, listed explicitly (TypeORM 1.x, no globs). The
 * service's own tables are reached through repositories with SQL (see each `*.repository.ts`).
 */
export const notificationEntities = [AuditEntry, ...messagingEntities, IdempotencyKeyEntity, ...projectionEntities];

/** Every migration, in order; a new one is appended here and nowhere else. */
export const notificationMigrations = [
  CreateAuditTrail1764300000000,
  ...messagingMigrations,
  CreateNotificationTables1764500000000,
  CreateIdempotencyKeys1764600000000,
  DeliveryQueue1765000000000,
  ...projectionMigrations,
  DropLocalDirectory1765200000000,
  ...schedulingMigrations,
  ReminderAwaitedEvent1765300000000,
  ReminderAwaitedRef1765400000000,
  StatisticsIndexes1765610000000,
  InboxPageIndexes1765800000000,
  AdminRoleIndex1765900000000,
];

export function notificationDataSourceOptions(config: Pick<ServiceConfig, 'database'>): DataSourceOptions {
  return dataSourceOptions(config.database, notificationEntities, notificationMigrations);
}
