import { AuditEntry, CreateAuditTrail1764300000000, CreateIdempotencyKeys1764600000000, dataSourceOptions, IdempotencyKeyEntity } from '@capaian/shared/persistence';
import { messagingEntities, messagingMigrations } from '@capaian/shared/messaging';
import type { DatabaseConfig } from '@capaian/shared/config';
import type { DataSourceOptions } from 'typeorm';
import { EmployeeEntity } from './employee/infrastructure/employee.entity';
import { ImportJobEntity } from './import/infrastructure/import-job.entity';
import { CreatePersonnelSchema1764500000000 } from './migrations/1764500000000-create-personnel-schema';
import { ListIndexes1765600000000 } from './migrations/1765600000000-list-indexes';
import { StructureListIndexes1765600000001 } from './migrations/1765600000001-structure-list-indexes';
import { SupervisorsAtSetBased1765700000000 } from './migrations/1765700000000-supervisors-at-set-based';
import { EmployeeViewJson1765800000000 } from './migrations/1765800000000-employee-view-json';
import { OrgUnitEntity } from './org-unit/infrastructure/org-unit.entity';
import { PositionEntity } from './position/infrastructure/position.entity';

// DATE columns stay 'YYYY-MM-DD' strings: converting them to Date would shift them by the time zone.
// (pg ships no type declarations and @types/pg is not a dependency.)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { types } = require('pg') as { types: { setTypeParser(oid: number, parse: (value: string) => unknown): void } };
types.setTypeParser(1082, (value: string) => value);

/** Explicit lists (TypeORM 1.x, no globs): what the built service ships is exactly what it uses. */
export const personnelEntities = [OrgUnitEntity, PositionEntity, EmployeeEntity, ImportJobEntity, AuditEntry, ...messagingEntities, IdempotencyKeyEntity];
export const personnelMigrations = [CreateAuditTrail1764300000000, ...messagingMigrations, CreatePersonnelSchema1764500000000, CreateIdempotencyKeys1764600000000, ListIndexes1765600000000, StructureListIndexes1765600000001, SupervisorsAtSetBased1765700000000, EmployeeViewJson1765800000000];

export function personnelDataSourceOptions(db: DatabaseConfig): DataSourceOptions {
  return dataSourceOptions(db, personnelEntities, personnelMigrations);
}
