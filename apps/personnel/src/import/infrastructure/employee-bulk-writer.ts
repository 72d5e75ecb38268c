import { Injectable, Logger } from '@nestjs/common';
import { EmployeeChangedV1, EmployeeHiredV1, EmployeePromotedV1, EmployeeTransferredV1, type EmployeeSnapshot } from '@capaian/contracts';
import { todayInJakarta, ViolationError, type IsoDate } from '@capaian/kinerja';
import { recordAudit } from '@capaian/shared/persistence';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/access';
import { PersonnelEvents, type PersonnelEvent } from '../../common/events';
import { chunkStarts, withReadAhead } from '../../common/read-ahead';
import { employeeSnapshots } from '../../common/snapshots';
import { planIntervals, type IntervalStep } from '../../common/domain/interval-plan';
import { derivedPangkat } from '../../employee/domain/employee.rules';
import { ReportingLineTracker, type ReportingSnapshot } from '../../reporting/reporting-line.tracker';
import type { EmployeeUpdate, NewEmployee } from '../domain/import-plan';

export type { EmployeeUpdate, NewEmployee } from '../domain/import-plan';

export interface BulkPlan {
  creates: NewEmployee[];
  updates: EmployeeUpdate[];
}

export interface BulkOptions {
  actor: Actor;
  /** Recorded on history rows and in the audit entry, e.g. "Impor 1f0c…". */
  reason: string;
  /** Called with the number of employees written so far. */
  progress?: (written: number) => Promise<void> | void;
  /** Also emit reporting-line-changed for existing employees whose supervisor changed (default true). */
  trackReportingLines?: boolean;
}

const CHUNK = 2000;

/** True if the update sets a column of the employee row (one by one, an UPDATE was sent only then). */
function hasColumnChange(u: EmployeeUpdate): boolean {
  return u.name !== undefined || u.email !== undefined || u.jenisAsn !== undefined || u.status !== undefined || u.tmtJabatan !== undefined || !!u.position || !!u.golongan;
}

/** The historised changes of an update, by date; on one date in the order transfer, promotion, jenis ASN, status. */
function historySteps(u: EmployeeUpdate): IntervalStep[] {
  const steps: IntervalStep[] = [];
  if (u.position) steps.push({ date: u.position.effectiveDate, change: 'MUTASI' });
  if (u.golongan) steps.push({ date: u.effectiveDate, change: 'KENAIKAN_PANGKAT' });
  if (u.jenisAsn !== undefined) steps.push({ date: u.effectiveDate, change: 'PENGANGKATAN_PNS' });
  if (u.status !== undefined) steps.push({ date: u.effectiveDate, change: u.status });
  // A stable sort: changes on one date keep the order above.
  return steps.sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * The updates in batches of at most CHUNK distinct employees, in order. An employee met twice
 * starts a new batch, so that its second update sees the first as when written one by one.
 */
function* updateBatches(updates: readonly EmployeeUpdate[]): Generator<EmployeeUpdate[]> {
  let batch: EmployeeUpdate[] = [];
  let ids = new Set<string>();
  for (const u of updates) {
    if (batch.length === CHUNK || ids.has(u.id)) {
      yield batch;
      batch = [];
      ids = new Set();
    }
    batch.push(u);
    ids.add(u.id);
  }
  if (batch.length > 0) yield batch;
}

/** What the events of an update need once everything is written (kept small: no snapshots). */
interface UpdateRecord {
  update: EmployeeUpdate;
  previousOpdId: string | null;
  from: { position: EmployeeSnapshot['position']; unit: EmployeeSnapshot['unit']; opd: EmployeeSnapshot['opd'] } | null;
}

/**
 * The employees a write created, in order, as their events will need them: ids packed 16 bytes each
 * and effective dates as indexes into the few distinct dates, instead of an object and two strings
 * per row. For 100,000 rows that is about 2 MB instead of about 12 MB kept through the whole job,
 * which under the service's bounded heap is that much less for every full garbage collection to go
 * through (and room that makes them rarer).
 */
class CreatedEmployees {
  private ids = Buffer.alloc(16 * 1024);
  private dateIndexes = new Uint32Array(1024);
  private readonly dates: IsoDate[] = [];
  private readonly dateIndex = new Map<IsoDate, number>();
  length = 0;

  push(id: string, effectiveDate: IsoDate): void {
    if (this.length === this.dateIndexes.length) {
      const ids = Buffer.alloc(this.ids.length * 2);
      this.ids.copy(ids);
      this.ids = ids;
      const dates = new Uint32Array(this.dateIndexes.length * 2);
      dates.set(this.dateIndexes);
      this.dateIndexes = dates;
    }
    this.ids.write(id.replace(/-/g, ''), this.length * 16, 16, 'hex');
    let index = this.dateIndex.get(effectiveDate);
    if (index === undefined) {
      index = this.dates.push(effectiveDate) - 1;
      this.dateIndex.set(effectiveDate, index);
    }
    this.dateIndexes[this.length++] = index;
  }

  /** The entries from `start` up to (not including) `end`. */
  slice(start: number, end: number): { id: string; effectiveDate: IsoDate }[] {
    const out: { id: string; effectiveDate: IsoDate }[] = [];
    for (let i = start; i < Math.min(end, this.length); i++) out.push({ id: this.idAt(i), effectiveDate: this.dates[this.dateIndexes[i]] });
    return out;
  }

  *allIds(): Generator<string> {
    for (let i = 0; i < this.length; i++) yield this.idAt(i);
  }

  private idAt(i: number): string {
    const h = this.ids.toString('hex', i * 16, i * 16 + 16);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
}

/** What a bulk write may touch, known before the first row is written (the reporting-line tracker reads it first). */
export interface BulkScope {
  /** Positions that gain or lose occupants. */
  positionIds: readonly string[];
  /** Existing employees the write updates. */
  updatedIds: readonly string[];
}

/**
 * One bulk write in the caller's transaction, fed chunk by chunk (`write`), ended with `finish`,
 * which writes the events: built from what was written, with supervisors computed after every row
 * is in, in the order hires, then per update transferred, promoted, changed, then the tracker's
 * reporting-line and appraiser changes. Between chunks it keeps only the ids and the few facts the
 * events need, so memory does not grow with the rows' contents.
 */
export class BulkWrite {
  private readonly today = todayInJakarta();
  private readonly started = Date.now();
  private readonly created = new CreatedEmployees();
  private readonly updated: UpdateRecord[] = [];
  private written = 0;

  constructor(
    private readonly m: EntityManager,
    private readonly events: PersonnelEvents,
    private readonly tracker: ReportingLineTracker,
    private readonly snapshot: ReportingSnapshot | null,
    private readonly options: BulkOptions,
    private readonly logger: Logger,
  ) {}

  async write(creates: readonly NewEmployee[], updates: readonly EmployeeUpdate[]): Promise<void> {
    const { m, options } = this;
    for (let i = 0; i < creates.length; i += CHUNK) {
      const chunk = creates.slice(i, i + CHUNK);
      await m.query(
        `INSERT INTO employee (id, nip, name, jenis_asn, birth_date, sex, golongan, pangkat, position_id, unit_id, opd_id, tmt_jabatan, email, status, valid_from)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::date[], $6::char(1)[], $7::text[], $8::text[], $9::uuid[], $10::uuid[], $11::uuid[], $12::date[], $13::text[], $14::text[], $15::date[])`,
        [
          chunk.map((c) => c.id),
          chunk.map((c) => c.nip),
          chunk.map((c) => c.name),
          chunk.map((c) => c.jenisAsn),
          chunk.map((c) => c.birthDate),
          chunk.map((c) => c.sex),
          chunk.map((c) => c.golongan),
          chunk.map((c) => derivedPangkat(c.golongan)),
          chunk.map((c) => c.positionId),
          chunk.map((c) => c.unitId),
          chunk.map((c) => c.opdId),
          chunk.map((c) => c.tmtJabatan ?? c.effectiveDate),
          chunk.map((c) => c.email),
          chunk.map((c) => c.status),
          chunk.map((c) => c.effectiveDate),
        ],
      );
      await m.query(
        `INSERT INTO employee_history (employee_id, valid_from, position_id, jenis_asn, golongan, status, changes, reason, recorded_by)
         SELECT id, vf, pos, jenis, gol, st, ARRAY['PENGANGKATAN'], $7, $8
           FROM unnest($1::uuid[], $2::date[], $3::uuid[], $4::text[], $5::text[], $6::text[]) AS t(id, vf, pos, jenis, gol, st)`,
        [
          chunk.map((c) => c.id),
          chunk.map((c) => c.effectiveDate),
          chunk.map((c) => c.positionId),
          chunk.map((c) => c.jenisAsn),
          chunk.map((c) => c.golongan),
          chunk.map((c) => c.status),
          options.reason,
          options.actor.subject,
        ],
      );
      for (const c of chunk) this.created.push(c.id, c.effectiveDate);
      this.written += chunk.length;
      await options.progress?.(this.written);
    }

    if (updates.length === 0) return;
    const previous = new Map<string, { position_id: string | null; opd_id: string | null }>();
    const rows = await m.query(`SELECT id, position_id, opd_id FROM employee WHERE id = ANY($1::uuid[]) FOR UPDATE`, [updates.map((u) => u.id)]);
    for (const r of rows) previous.set(r.id, r);
    // Where a transferred employee was, read before the move is written.
    const fromSnapshots = await employeeSnapshots(
      m,
      updates.filter((u) => u.position).map((u) => u.id),
      this.today,
      this.today,
    );
    // Written in chunks as the creates, set-based, with progress after each.
    for (const batch of updateBatches(updates)) {
      await this.writeUpdates(batch);
      for (const u of batch) {
        const before = fromSnapshots.get(u.id);
        this.updated.push({
          update: u,
          previousOpdId: previous.get(u.id)?.opd_id ?? null,
          from: u.position ? { position: before?.position ?? null, unit: before?.unit ?? null, opd: before?.opd ?? null } : null,
        });
      }
      this.written += batch.length;
      await options.progress?.(this.written);
    }
  }

  /**
   * One batch of updates (distinct employees): the employee rows, then their history as
   * `recordInterval` would write it change by change — every interval written carries the
   * employee's state after the whole update (read from the updated row), changes on one date share
   * an interval, later dates follow as consecutive intervals — and the employee's valid_from.
   */
  private async writeUpdates(batch: readonly EmployeeUpdate[]): Promise<void> {
    const { m, options } = this;
    const rows = batch.filter(hasColumnChange);
    if (rows.length > 0) {
      // A "set" flag per column: a value may be set to NULL (an email cleared).
      await m.query(
        `UPDATE employee e SET
           name = CASE WHEN t.set_name THEN t.name ELSE e.name END,
           email = CASE WHEN t.set_email THEN t.email ELSE e.email END,
           jenis_asn = CASE WHEN t.set_jenis THEN t.jenis ELSE e.jenis_asn END,
           status = CASE WHEN t.set_status THEN t.status ELSE e.status END,
           tmt_jabatan = CASE WHEN t.set_tmt THEN t.tmt ELSE e.tmt_jabatan END,
           position_id = CASE WHEN t.set_pos THEN t.pos ELSE e.position_id END,
           unit_id = CASE WHEN t.set_pos THEN t.unit ELSE e.unit_id END,
           opd_id = CASE WHEN t.set_pos THEN t.opd ELSE e.opd_id END,
           supervisor_override_id = CASE WHEN t.set_pos THEN NULL ELSE e.supervisor_override_id END,
           supervisor_override_reason = CASE WHEN t.set_pos THEN NULL ELSE e.supervisor_override_reason END,
           golongan = CASE WHEN t.set_gol THEN t.gol ELSE e.golongan END,
           pangkat = CASE WHEN t.set_gol THEN t.pangkat ELSE e.pangkat END,
           updated_at = now()
         FROM unnest($1::uuid[], $2::bool[], $3::text[], $4::bool[], $5::text[], $6::bool[], $7::text[], $8::bool[], $9::text[],
                     $10::bool[], $11::date[], $12::bool[], $13::uuid[], $14::uuid[], $15::uuid[], $16::bool[], $17::text[], $18::text[])
           AS t(id, set_name, name, set_email, email, set_jenis, jenis, set_status, status, set_tmt, tmt, set_pos, pos, unit, opd, set_gol, gol, pangkat)
         WHERE e.id = t.id`,
        [
          rows.map((u) => u.id),
          rows.map((u) => u.name !== undefined),
          rows.map((u) => u.name ?? null),
          rows.map((u) => u.email !== undefined),
          rows.map((u) => u.email ?? null),
          rows.map((u) => u.jenisAsn !== undefined),
          rows.map((u) => u.jenisAsn ?? null),
          rows.map((u) => u.status !== undefined),
          rows.map((u) => u.status ?? null),
          rows.map((u) => u.tmtJabatan !== undefined),
          rows.map((u) => u.tmtJabatan ?? null),
          rows.map((u) => u.position !== undefined),
          rows.map((u) => u.position?.positionId ?? null),
          rows.map((u) => u.position?.unitId ?? null),
          rows.map((u) => u.position?.opdId ?? null),
          rows.map((u) => u.golongan !== undefined),
          rows.map((u) => u.golongan?.to ?? null),
          rows.map((u) => (u.golongan ? derivedPangkat(u.golongan.to) : null)),
        ],
      );
    }

    const historised = batch.map((u) => ({ id: u.id, steps: historySteps(u) })).filter((h) => h.steps.length > 0);
    if (historised.length === 0) return;
    const open: { id: string; employee_id: string; valid_from: IsoDate }[] = await m.query(
      `SELECT id::text AS id, employee_id, valid_from::text AS valid_from FROM employee_history WHERE employee_id = ANY($1::uuid[]) AND valid_to IS NULL FOR UPDATE`,
      [historised.map((h) => h.id)],
    );
    const openOf = new Map(open.map((o) => [o.employee_id, { id: o.id, validFrom: o.valid_from }]));
    const amends: { id: string; employeeId: string; changes: string[] }[] = [];
    const closes: { id: string; validTo: IsoDate }[] = [];
    const inserts: { employeeId: string; validFrom: IsoDate; validTo: IsoDate | null; changes: string[] }[] = [];
    const lastDates: { id: string; date: IsoDate }[] = [];
    for (const { id, steps } of historised) {
      const plan = planIntervals(openOf.get(id) ?? null, steps);
      // As one by one: the first employee (in file order) with a refused date ends the write.
      if ('violation' in plan) throw new ViolationError(plan.violation);
      if (plan.amend) amends.push({ ...plan.amend, employeeId: id });
      if (plan.close) closes.push(plan.close);
      for (const i of plan.inserts) inserts.push({ employeeId: id, ...i });
      lastDates.push({ id, date: steps[steps.length - 1].date });
    }
    // The history values are the employee's row as just updated, as recordInterval is given them.
    // A row's changes travel as one comma-joined text (unnest cannot take arrays of varying length);
    // they are codes (MUTASI, KENAIKAN_PANGKAT, PENGANGKATAN_PNS, a status), never with a comma.
    if (amends.length > 0) {
      await m.query(
        `UPDATE employee_history h SET
           position_id = e.position_id, jenis_asn = e.jenis_asn, golongan = e.golongan, status = e.status,
           supervisor_override_id = e.supervisor_override_id, reason = $4, recorded_by = $5,
           changes = h.changes || string_to_array(t.changes, ',')
         FROM unnest($1::bigint[], $2::uuid[], $3::text[]) AS t(id, employee_id, changes)
         JOIN employee e ON e.id = t.employee_id
         WHERE h.id = t.id`,
        [amends.map((a) => a.id), amends.map((a) => a.employeeId), amends.map((a) => a.changes.join(',')), options.reason, options.actor.subject],
      );
    }
    if (closes.length > 0) {
      await m.query(`UPDATE employee_history h SET valid_to = t.valid_to FROM unnest($1::bigint[], $2::date[]) AS t(id, valid_to) WHERE h.id = t.id`, [
        closes.map((c) => c.id),
        closes.map((c) => c.validTo),
      ]);
    }
    if (inserts.length > 0) {
      await m.query(
        `INSERT INTO employee_history (employee_id, valid_from, valid_to, position_id, jenis_asn, golongan, status, supervisor_override_id, reason, recorded_by, changes)
         SELECT t.employee_id, t.valid_from, t.valid_to, e.position_id, e.jenis_asn, e.golongan, e.status, e.supervisor_override_id, $5, $6,
                string_to_array(t.changes, ',')
           FROM unnest($1::uuid[], $2::date[], $3::date[], $4::text[]) WITH ORDINALITY AS t(employee_id, valid_from, valid_to, changes, n)
           JOIN employee e ON e.id = t.employee_id
          ORDER BY t.n`,
        [
          inserts.map((i) => i.employeeId),
          inserts.map((i) => i.validFrom),
          inserts.map((i) => i.validTo),
          inserts.map((i) => i.changes.join(',')),
          options.reason,
          options.actor.subject,
        ],
      );
    }
    // Steps come sorted by date, so the last one is the latest: GREATEST over all of them.
    await m.query(`UPDATE employee e SET valid_from = GREATEST(e.valid_from, t.d) FROM unnest($1::uuid[], $2::date[]) AS t(id, d) WHERE e.id = t.id`, [
      lastDates.map((l) => l.id),
      lastDates.map((l) => l.date),
    ]);
  }

  async finish(): Promise<void> {
    const { m, options, today } = this;
    const timings: Record<string, number> = { writeMs: Date.now() - this.started };
    // Events go to the outbox in batches (multi-row inserts), one chunk of employees at a time; the
    // next chunk's snapshots are read while this one's events are built and written.
    const createdChunks = withReadAhead(chunkStarts(this.created.length, CHUNK), async (start) => {
      const chunk = this.created.slice(start, start + CHUNK);
      return { chunk, snapshots: await employeeSnapshots(m, chunk.map((c) => c.id), today, today) };
    });
    for await (const { chunk, snapshots } of createdChunks) {
      await this.events.emitMany(
        m,
        chunk.map((c) => ({ type: EmployeeHiredV1, subject: c.id, data: { ...snapshots.get(c.id)!, effectiveDate: c.effectiveDate } })),
      );
    }
    const updatedChunks = withReadAhead(chunkStarts(this.updated.length, CHUNK), async (start) => {
      const chunk = this.updated.slice(start, start + CHUNK);
      return { chunk, snapshots: await employeeSnapshots(m, chunk.map((r) => r.update.id), today, today) };
    });
    for await (const { chunk, snapshots } of updatedChunks) {
      const updateEvents: PersonnelEvent[] = [];
      for (const { update: u, previousOpdId, from } of chunk) {
        const after: EmployeeSnapshot = { ...snapshots.get(u.id)!, effectiveDate: u.effectiveDate };
        if (u.position) {
          updateEvents.push({
            type: EmployeeTransferredV1,
            subject: u.id,
            data: {
              ...after,
              effectiveDate: u.position.effectiveDate,
              from: from ?? { position: null, unit: null, opd: null },
              betweenOpd: previousOpdId !== u.position.opdId,
              nomorSk: null,
              reason: options.reason,
            },
          });
        }
        if (u.golongan) {
          updateEvents.push({
            type: EmployeePromotedV1,
            subject: u.id,
            data: { ...after, fromGolongan: u.golongan.from, fromPangkat: derivedPangkat(u.golongan.from), nomorSk: null },
          });
        }
        const changes = [
          ...(u.name !== undefined ? ['name'] : []),
          ...(u.email !== undefined ? ['email'] : []),
          ...(u.jenisAsn !== undefined ? ['jenisAsn'] : []),
          ...(u.status !== undefined ? ['status'] : []),
          ...(u.tmtJabatan !== undefined && !u.position ? ['tmtJabatan'] : []),
        ];
        if (changes.length > 0) updateEvents.push({ type: EmployeeChangedV1, subject: u.id, data: { ...after, changes } });
      }
      await this.events.emitMany(m, updateEvents);
    }

    timings.eventsMs = Date.now() - this.started - timings.writeMs;
    if (this.snapshot) {
      await this.tracker.after(m, this.snapshot, {
        effectiveDate: today,
        reason: options.reason,
        skip: [...this.created.allIds(), ...this.updated.filter((r) => r.update.position).map((r) => r.update.id)],
      });
    }
    await recordAudit(m, {
      actor: options.actor.subject,
      actorNip: options.actor.nip,
      action: 'employee.bulk-written',
      entityType: 'employee',
      entityId: '*',
      reason: options.reason,
      details: { created: this.created.length, updated: this.updated.length },
    });
    timings.totalMs = Date.now() - this.started;
    this.logger.log({ msg: 'bulk write done', created: this.created.length, updated: this.updated.length, ...timings });
  }
}

/**
 * Writes many employees in the caller's transaction with set-based SQL (unnest), then their events.
 * Used by bulk import; single-employee endpoints use the employee use cases and `EmployeeRepository`.
 */
@Injectable()
export class EmployeeBulkWriter {
  private readonly logger = new Logger('EmployeeBulkWriter');

  constructor(
    private readonly events: PersonnelEvents,
    private readonly tracker: ReportingLineTracker,
  ) {}

  /** Starts a write whose rows come in chunks; the tracker reads the reporting lines of `scope` first. */
  async begin(m: EntityManager, scope: BulkScope, options: BulkOptions): Promise<BulkWrite> {
    const snapshot =
      options.trackReportingLines !== false ? await this.tracker.before(m, { positionIds: [...scope.positionIds], employeeIds: [...scope.updatedIds] }) : null;
    return new BulkWrite(m, this.events, this.tracker, snapshot, options, this.logger);
  }

  /** A whole plan at once. */
  async commit(m: EntityManager, plan: BulkPlan, options: BulkOptions): Promise<void> {
    const positionIds = new Set<string>(plan.creates.map((c) => c.positionId));
    const updatedIds = plan.updates.map((u) => u.id);
    if (plan.updates.length > 0) {
      const rows: { position_id: string | null }[] = await m.query(`SELECT position_id FROM employee WHERE id = ANY($1::uuid[])`, [updatedIds]);
      for (const r of rows) if (r.position_id) positionIds.add(r.position_id);
      for (const u of plan.updates) if (u.position) positionIds.add(u.position.positionId);
    }
    const write = await this.begin(m, { positionIds: [...positionIds], updatedIds }, options);
    await write.write(plan.creates, plan.updates);
    await write.finish();
  }
}
