import { Injectable } from '@nestjs/common';
import type { KafkaContext } from '@nestjs/microservices';
import type { EventEnvelope } from '@capaian/contracts';
import { EventInbox, PermanentEventError, type ConsumedMessage, type ConsumeOutcome } from '@capaian/shared/messaging';
import type { EntityManager } from 'typeorm';
import { changesOf, UnsupportedEventError, type EmployeeGroups, type ProjectionChange } from './projection.changes';

/** The inbox key of the projection: its own, so a service's other handlers on the same topics are independent. */
export const PROJECTION_HANDLER = 'personnel-projection';

const UNIT_COLUMNS = ['code', 'name', 'kind', 'parent_id', 'opd_id', 'opd_code', 'level', 'head_position_id', 'status', 'effective_date'];
const POSITION_COLUMNS = ['code', 'name', 'jenis_jabatan', 'jenjang', 'kelas_jabatan', 'unit_id', 'opd_id', 'reports_to_id', 'head', 'capacity', 'status', 'effective_date'];
const GROUP_VERSION: Record<keyof EmployeeGroups, string> = { core: 'core_version', supervisor: 'supervisor_version', appraisers: 'appraisers_version' };

/**
 * Keeps the local read model of personnel (tables of projection.entities.ts) from personnel's
 * events. Idempotent twice over: the inbox applies an event id once, and every write is an upsert
 * guarded by the version (the event `time`), so a replay, a republish or an older event arriving
 * after a newer one leaves the newest state in place. An event type it does not apply goes to the
 * DLQ (PermanentEventError); a malformed payload or an unknown schema version never reaches it:
 * the inbox dead-letters those as contract violations. Consumption goes on in every case.
 */
@Injectable()
export class PersonnelProjection {
  constructor(private readonly inbox: EventInbox) {}

  /** For `@EventPattern` handlers: validates, deduplicates and applies in one transaction. */
  consume(ctx: KafkaContext | ConsumedMessage): Promise<ConsumeOutcome> {
    return this.inbox.consume(ctx, (event, manager) => this.apply(event, manager), { handler: PROJECTION_HANDLER });
  }

  /** Applies one contract-valid event through `manager` (the inbox's transaction). */
  async apply(event: EventEnvelope<unknown>, manager: EntityManager): Promise<void> {
    let changes: ProjectionChange[];
    try {
      changes = changesOf(event);
    } catch (error) {
      if (error instanceof UnsupportedEventError) throw new PermanentEventError(error.message, { cause: error });
      throw error;
    }
    for (const change of changes) await write(manager, change);
  }

  /**
   * Empties the read model and forgets which events it applied, before a rebuild from the
   * republish (with a new consumer group, or the group's offsets reset to the beginning).
   */
  async wipe(manager: EntityManager): Promise<void> {
    await manager.query(`TRUNCATE personnel_unit, personnel_position, personnel_employee, personnel_role`);
    await manager.query(`DELETE FROM inbox WHERE handler = $1`, [PROJECTION_HANDLER]);
  }
}

async function write(manager: EntityManager, change: ProjectionChange): Promise<void> {
  switch (change.kind) {
    case 'unit':
      return upsertVersioned(manager, 'personnel_unit', UNIT_COLUMNS, change.values, change.version, change.eventId);
    case 'position':
      return upsertVersioned(manager, 'personnel_position', POSITION_COLUMNS, change.values, change.version, change.eventId);
    case 'employee':
      return upsertEmployee(manager, change);
    case 'roles':
      return upsertRoles(manager, change);
  }
}

/** A whole row replaced when the event is at least as new as the row (a tie: the later arrival wins). */
async function upsertVersioned(
  manager: EntityManager,
  table: string,
  columns: readonly string[],
  values: Record<string, unknown>,
  version: string,
  eventId: string,
): Promise<void> {
  const all = ['id', ...columns, 'version', 'event_id'];
  const params = [values.id, ...columns.map((c) => values[c]), version, eventId];
  await manager.query(
    `INSERT INTO ${table} AS t (${all.join(', ')}) VALUES (${all.map((c, i) => (c === 'version' ? `$${i + 1}::timestamptz` : `$${i + 1}`)).join(', ')})
     ON CONFLICT (id) DO UPDATE SET ${[...columns, 'version', 'event_id'].map((c) => `${c} = EXCLUDED.${c}`).join(', ')}
     WHERE t.version <= EXCLUDED.version`,
    params,
  );
}

/**
 * One statement: the row is created if missing; each group of columns the event carries replaces
 * the stored group only when the event is at least as new as that group's version.
 */
async function upsertEmployee(manager: EntityManager, change: Extract<ProjectionChange, { kind: 'employee' }>): Promise<void> {
  const columns = ['id', 'nip'];
  const params: unknown[] = [change.id, change.nip];
  const sets: string[] = [];
  for (const group of Object.keys(change.groups) as (keyof EmployeeGroups)[]) {
    const values = change.groups[group]!;
    const versionColumn = GROUP_VERSION[group];
    const newer = `(t.${versionColumn} IS NULL OR t.${versionColumn} <= EXCLUDED.${versionColumn})`;
    for (const [column, value] of Object.entries(values)) {
      columns.push(column);
      params.push(value);
      sets.push(`${column} = CASE WHEN ${newer} THEN EXCLUDED.${column} ELSE t.${column} END`);
    }
    if (group === 'core') sets.push(`nip = CASE WHEN ${newer} THEN EXCLUDED.nip ELSE t.nip END`);
    columns.push(versionColumn);
    params.push(change.version);
    // Assigned last in the list but evaluated against the old row (SET reads the row before the update).
    sets.push(`${versionColumn} = GREATEST(t.${versionColumn}, EXCLUDED.${versionColumn})`);
  }
  const placeholders = columns.map((c, i) => (c.endsWith('_version') ? `$${i + 1}::timestamptz` : `$${i + 1}`));
  await manager.query(
    `INSERT INTO personnel_employee AS t (${columns.join(', ')}) VALUES (${placeholders.join(', ')})
     ON CONFLICT (id) DO UPDATE SET ${sets.join(', ')}`,
    params,
  );
}

async function upsertRoles(manager: EntityManager, change: Extract<ProjectionChange, { kind: 'roles' }>): Promise<void> {
  if (change.roles.length === 0) return;
  const params: unknown[] = [];
  const rows = change.roles.map((r) => {
    const n = params.length;
    params.push(change.employeeId, r.role, r.granted, r.opd?.unitId ?? null, r.opd?.code ?? null, r.opd?.name ?? null, change.version);
    return `($${n + 1}::uuid, $${n + 2}, $${n + 3}::boolean, $${n + 4}::uuid, $${n + 5}, $${n + 6}, $${n + 7}::timestamptz)`;
  });
  await manager.query(
    `INSERT INTO personnel_role AS t (employee_id, role, granted, opd_id, opd_code, opd_name, version) VALUES ${rows.join(', ')}
     ON CONFLICT (employee_id, role) DO UPDATE SET granted = EXCLUDED.granted, opd_id = EXCLUDED.opd_id, opd_code = EXCLUDED.opd_code,
       opd_name = EXCLUDED.opd_name, version = EXCLUDED.version
     WHERE t.version <= EXCLUDED.version`,
    params,
  );
}
