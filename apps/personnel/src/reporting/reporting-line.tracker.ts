import { Injectable } from '@nestjs/common';
import { AppraisersChangedV1, ReportingLineChangedV1, type AppraisersChangedData, type ReportingLineChangedData } from '@capaian/contracts';
import { todayInJakarta, type IsoDate } from '@capaian/kinerja';
import type { EntityManager } from 'typeorm';
import { PersonnelEvents } from '../common/events';
import { chunkStarts, withReadAhead } from '../common/read-ahead';
import { employeeRefs } from '../common/snapshots';
import { NO_APPRAISERS, sameAppraisers, type AppraiserIds, type GraphNode } from './domain';
import { appraiserDependents, appraiserIdsOf } from './infrastructure/reporting-graph.queries';
import { supervisorIdsAt } from './infrastructure/reporting.queries';
import { workingEmployee } from '../employee/infrastructure/employee.repository';

/** Employees compared (and announced) per round trip when a change touches many. */
const TRACK_CHUNK = 2000;

/** What a change may touch: positions whose occupancy or superior changes, employees who change. */
export interface ReportingScope {
  positionIds?: readonly string[];
  employeeIds?: readonly string[];
}

export interface ReportingSnapshot {
  candidates: string[];
  before: Map<string, string | null>;
  /** Everyone whose pejabat penilai or atasan penilai the change may alter, with their appraisers before it. */
  appraisersBefore: Map<string, AppraiserIds>;
}

/**
 * Emits `reporting-line-changed` for everyone whose effective supervisor a change altered, so
 * that appraisal's copy of "who reports to whom" never drifts. Before the change it collects
 * everyone who could be affected: occupants of the touched positions, occupants of positions below
 * them (through vacancies and through the touched positions themselves), the touched employees and
 * whoever has an override pointing at them; after the change it recomputes and compares.
 *
 * The same before/after comparison drives `appraisers-changed`: the appraisers depend on the whole
 * chain up to the first supervisor who may appraise, so the candidates are extended downwards from
 * everyone above (appraiserDependents), and each one's pejabat penilai and atasan penilai are
 * compared. Every use case that may move a reporting line already calls before/after, so an
 * appraiser change has one place where it is detected, whatever caused it.
 */
@Injectable()
export class ReportingLineTracker {
  constructor(private readonly events: PersonnelEvents) {}

  async before(manager: EntityManager, scope: ReportingScope): Promise<ReportingSnapshot> {
    const positions = [...new Set(scope.positionIds ?? [])].filter(Boolean);
    const employees = [...new Set(scope.employeeIds ?? [])].filter(Boolean);
    const rows: { id: string }[] = await manager.query(
      `WITH RECURSIVE touched AS (SELECT unnest($1::uuid[]) AS position_id),
       down(position_id, depth) AS (
         SELECT p.id, 1 FROM position p WHERE p.reports_to_id IN (SELECT position_id FROM touched)
         UNION
         SELECT p.id, d.depth + 1 FROM down d JOIN position p ON p.reports_to_id = d.position_id
          WHERE d.depth < 32 AND (
            d.position_id IN (SELECT position_id FROM touched)
            OR NOT EXISTS (SELECT 1 FROM employee o WHERE o.position_id = d.position_id AND ${workingEmployee('o')}))
       )
       SELECT e.id FROM employee e
        WHERE ${workingEmployee('e')} AND (
          e.position_id IN (SELECT position_id FROM touched)
          OR e.position_id IN (SELECT position_id FROM down)
          OR e.id = ANY($2::uuid[])
          OR e.supervisor_override_id = ANY($2::uuid[]))`,
      [positions, employees],
    );
    const candidates = rows.map((r) => r.id);
    const today = todayInJakarta();
    const before = await supervisorIdsAt(manager, candidates, today);
    const dependents = await appraiserDependents(manager, [...new Set([...candidates, ...employees])], today);
    const appraisersBefore = await appraiserIdsOf(manager, dependents, today);
    return { candidates, before, appraisersBefore };
  }

  /**
   * Emits one event per employee whose supervisor changed. `skip` lists employees whose own event
   * (hired, transferred…) already carries the new supervisor; their appraisers are still compared
   * (no employee event carries appraisers), a new hire's against none. Then one
   * `appraisers-changed` per employee whose pejabat penilai, atasan penilai or its basis changed.
   */
  async after(
    manager: EntityManager,
    snapshot: ReportingSnapshot,
    options: { effectiveDate: IsoDate; reason?: string | null; skip?: readonly string[] },
  ): Promise<string[]> {
    const changed = await this.emitSupervisorChanges(manager, snapshot, options);
    await this.emitAppraiserChanges(manager, snapshot, options);
    return changed;
  }

  private async emitAppraiserChanges(
    manager: EntityManager,
    snapshot: ReportingSnapshot,
    options: { effectiveDate: IsoDate; reason?: string | null; skip?: readonly string[] },
  ): Promise<void> {
    const ids = [...new Set([...snapshot.appraisersBefore.keys(), ...(options.skip ?? [])])];
    // In chunks: a bulk import compares (and announces) the appraisers of every new hire, and the
    // graph, refs and events of a hundred thousand at once would not fit in a service's memory.
    // The graph does not change while the events are written, so the chains' upper parts, shared
    // by many chunks, are read once; the next chunk's appraisers are read while this one's events are
    // written (one read at a time uses that cache).
    const supervisors = new Map<string, GraphNode>();
    const today = todayInJakarta();
    const chunks = withReadAhead(chunkStarts(ids.length, TRACK_CHUNK), async (start) => {
      const chunk = ids.slice(start, start + TRACK_CHUNK);
      return { chunk, after: await appraiserIdsOf(manager, chunk, today, supervisors) };
    });
    for await (const { chunk, after } of chunks) await this.emitAppraiserChangesOf(manager, snapshot, chunk, after, options);
  }

  private async emitAppraiserChangesOf(
    manager: EntityManager,
    snapshot: ReportingSnapshot,
    ids: readonly string[],
    after: Map<string, AppraiserIds>,
    options: { effectiveDate: IsoDate; reason?: string | null },
  ): Promise<void> {
    const changed = ids.filter((id) => !sameAppraisers(snapshot.appraisersBefore.get(id) ?? NO_APPRAISERS, after.get(id) ?? NO_APPRAISERS));
    if (changed.length === 0) return;
    const refIds = new Set<string>(changed);
    for (const id of changed) {
      for (const a of [snapshot.appraisersBefore.get(id), after.get(id)]) {
        if (a?.penilaiId) refIds.add(a.penilaiId);
        if (a?.atasanPenilaiId) refIds.add(a.atasanPenilaiId);
      }
    }
    const refs = await employeeRefs(manager, [...refIds]);
    const ref = (id: string | null) => (id ? (refs.get(id) ?? null) : null);
    const events = changed
      .filter((id) => refs.has(id))
      .map((id) => {
        const b = snapshot.appraisersBefore.get(id) ?? NO_APPRAISERS;
        const a = after.get(id) ?? NO_APPRAISERS;
        const data: AppraisersChangedData = {
          employeeId: id,
          nip: refs.get(id)!.nip,
          pejabatPenilai: ref(a.penilaiId),
          atasanPejabatPenilai: ref(a.atasanPenilaiId),
          basis: a.basis,
          previousPejabatPenilai: ref(b.penilaiId),
          previousAtasanPejabatPenilai: ref(b.atasanPenilaiId),
          reason: options.reason ?? null,
          effectiveDate: options.effectiveDate,
        };
        return { type: AppraisersChangedV1, subject: id, data };
      });
    await this.events.emitMany(manager, events);
  }

  private async emitSupervisorChanges(
    manager: EntityManager,
    snapshot: ReportingSnapshot,
    options: { effectiveDate: IsoDate; reason?: string | null; skip?: readonly string[] },
  ): Promise<string[]> {
    const skip = new Set(options.skip ?? []);
    const ids = snapshot.candidates.filter((id) => !skip.has(id));
    const changed: string[] = [];
    for (let i = 0; i < ids.length; i += TRACK_CHUNK) changed.push(...(await this.emitSupervisorChangesOf(manager, snapshot, ids.slice(i, i + TRACK_CHUNK), options)));
    return changed;
  }

  private async emitSupervisorChangesOf(
    manager: EntityManager,
    snapshot: ReportingSnapshot,
    ids: readonly string[],
    options: { effectiveDate: IsoDate; reason?: string | null },
  ): Promise<string[]> {
    const after = await supervisorIdsAt(manager, ids, todayInJakarta());
    const changed = ids.filter((id) => (snapshot.before.get(id) ?? null) !== (after.get(id) ?? null));
    if (changed.length === 0) return [];
    const refIds = new Set<string>(changed);
    for (const id of changed) {
      const b = snapshot.before.get(id);
      const a = after.get(id);
      if (b) refIds.add(b);
      if (a) refIds.add(a);
    }
    const refs = await employeeRefs(manager, [...refIds]);
    const overrides: { id: string; supervisor_override_id: string | null }[] = await manager.query(
      `SELECT id, supervisor_override_id FROM employee WHERE id = ANY($1::uuid[])`,
      [changed],
    );
    const overrideOf = new Map(overrides.map((o) => [o.id, o.supervisor_override_id]));
    const events = changed.map((id) => {
      const b = snapshot.before.get(id) ?? null;
      const a = after.get(id) ?? null;
      const self = refs.get(id)!;
      const data: ReportingLineChangedData = {
        employeeId: id,
        nip: self.nip,
        supervisor: a ? refs.get(a) ?? null : null,
        previousSupervisor: b ? refs.get(b) ?? null : null,
        override: a !== null && overrideOf.get(id) === a,
        reason: options.reason ?? null,
        effectiveDate: options.effectiveDate,
      };
      return { type: ReportingLineChangedV1, subject: id, data };
    });
    await this.events.emitMany(manager, events);
    return changed;
  }
}
