import { Injectable, Logger } from '@nestjs/common';
import { EmployeeChangedV1, EmployeeHiredV1, EmployeePromotedV1, EmployeeTransferredV1, type EmployeeSnapshot } from '@capaian/contracts';
import { todayInJakarta, type IsoDate } from '@capaian/kinerja';
import { recordAudit } from '@capaian/shared/persistence';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/access';
import { PersonnelEvents, type PersonnelEvent } from '../../common/events';
import { employeeSnapshots } from '../../common/snapshots';
import { recordInterval } from '../../common/temporal';
import { derivedPangkat } from '../../employee/domain/employee.rules';
import { ReportingLineTracker } from '../../reporting/reporting-line.tracker';
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

/**
 * Writes many employees in the caller's transaction with set-based SQL (unnest), then their events.
 * Used by bulk import and by the demo data loader; single-employee endpoints use the employee use cases and `EmployeeRepository`.
 */
@Injectable()
export class EmployeeBulkWriter {
  private readonly logger = new Logger('EmployeeBulkWriter');

  constructor(
    private readonly events: PersonnelEvents,
    private readonly tracker: ReportingLineTracker,
  ) {}

  async commit(m: EntityManager, plan: BulkPlan, options: BulkOptions): Promise<void> {
    const today = todayInJakarta();
    const started = Date.now();
    const track = options.trackReportingLines !== false;
    const touchedPositions = new Set<string>();
    plan.creates.forEach((c) => touchedPositions.add(c.positionId));
    const updatedIds = plan.updates.map((u) => u.id);
    const previous = new Map<string, { position_id: string | null; opd_id: string | null }>();
    if (plan.updates.length > 0) {
      const rows = await m.query(`SELECT id, position_id, opd_id FROM employee WHERE id = ANY($1::uuid[]) FOR UPDATE`, [updatedIds]);
      for (const r of rows) previous.set(r.id, r);
      for (const u of plan.updates) {
        if (u.position) {
          touchedPositions.add(u.position.positionId);
          const from = previous.get(u.id)?.position_id;
          if (from) touchedPositions.add(from);
        }
      }
    }
    const snapshot = track ? await this.tracker.before(m, { positionIds: [...touchedPositions], employeeIds: updatedIds }) : null;
    const fromSnapshots = await employeeSnapshots(
      m,
      plan.updates.filter((u) => u.position).map((u) => u.id),
      today,
      today,
    );

    let written = 0;
    for (let i = 0; i < plan.creates.length; i += CHUNK) {
      const chunk = plan.creates.slice(i, i + CHUNK);
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
      written += chunk.length;
      await options.progress?.(written);
    }

    for (const u of plan.updates) {
      const sets: string[] = [];
      const params: unknown[] = [u.id];
      const set = (column: string, value: unknown) => {
        params.push(value);
        sets.push(`${column} = $${params.length}`);
      };
      if (u.name !== undefined) set('name', u.name);
      if (u.email !== undefined) set('email', u.email);
      if (u.jenisAsn !== undefined) set('jenis_asn', u.jenisAsn);
      if (u.status !== undefined) set('status', u.status);
      if (u.tmtJabatan !== undefined) set('tmt_jabatan', u.tmtJabatan);
      if (u.position) {
        set('position_id', u.position.positionId);
        set('unit_id', u.position.unitId);
        set('opd_id', u.position.opdId);
        sets.push('supervisor_override_id = NULL', 'supervisor_override_reason = NULL');
      }
      if (u.golongan) {
        set('golongan', u.golongan.to);
        set('pangkat', derivedPangkat(u.golongan.to));
      }
      if (sets.length > 0) await m.query(`UPDATE employee SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, params);
      const historised: [IsoDate, string][] = [];
      if (u.position) historised.push([u.position.effectiveDate, 'MUTASI']);
      if (u.golongan) historised.push([u.effectiveDate, 'KENAIKAN_PANGKAT']);
      if (u.jenisAsn !== undefined) historised.push([u.effectiveDate, 'PENGANGKATAN_PNS']);
      if (u.status !== undefined) historised.push([u.effectiveDate, u.status]);
      historised.sort((a, b) => a[0].localeCompare(b[0]));
      for (const [date, change] of historised) {
        const [e] = await m.query(`SELECT position_id, jenis_asn, golongan, status, supervisor_override_id FROM employee WHERE id = $1`, [u.id]);
        await recordInterval(
          m,
          'employee_history',
          u.id,
          date,
          { position_id: e.position_id, jenis_asn: e.jenis_asn, golongan: e.golongan, status: e.status, supervisor_override_id: e.supervisor_override_id, reason: options.reason, recorded_by: options.actor.subject },
          [change],
        );
        await m.query(`UPDATE employee SET valid_from = GREATEST(valid_from, $2::date) WHERE id = $1`, [u.id, date]);
      }
      written++;
      if (written % CHUNK === 0) await options.progress?.(written);
    }

    const timings: Record<string, number> = { writeMs: Date.now() - started };
    // Events are built from what was written, with supervisors computed after every row is in.
    // They go to the outbox in batches (one multi-row insert per OUTBOX_INSERT_CHUNK events instead
    // of one round trip each), in the same order as before: hires, then per update transferred,
    // promoted, changed.
    for (let i = 0; i < plan.creates.length; i += CHUNK) {
      const chunk = plan.creates.slice(i, i + CHUNK);
      const snapshots = await employeeSnapshots(m, chunk.map((c) => c.id), today, today);
      await this.events.emitMany(
        m,
        chunk.map((c) => ({ type: EmployeeHiredV1, subject: c.id, data: { ...snapshots.get(c.id)!, effectiveDate: c.effectiveDate } })),
      );
    }
    const snapshots = await employeeSnapshots(m, updatedIds, today, today);
    const updateEvents: PersonnelEvent[] = [];
    for (const u of plan.updates) {
      const after: EmployeeSnapshot = { ...snapshots.get(u.id)!, effectiveDate: u.effectiveDate };
      if (u.position) {
        const before = fromSnapshots.get(u.id);
        updateEvents.push({
          type: EmployeeTransferredV1,
          subject: u.id,
          data: {
            ...after,
            effectiveDate: u.position.effectiveDate,
            from: { position: before?.position ?? null, unit: before?.unit ?? null, opd: before?.opd ?? null },
            betweenOpd: (previous.get(u.id)?.opd_id ?? null) !== u.position.opdId,
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

    timings.eventsMs = Date.now() - started - timings.writeMs;
    if (snapshot) {
      await this.tracker.after(m, snapshot, {
        effectiveDate: today,
        reason: options.reason,
        skip: [...plan.creates.map((c) => c.id), ...plan.updates.filter((u) => u.position).map((u) => u.id)],
      });
    }
    await recordAudit(m, {
      actor: options.actor.subject,
      actorNip: options.actor.nip,
      action: 'employee.bulk-written',
      entityType: 'employee',
      entityId: '*',
      reason: options.reason,
      details: { created: plan.creates.length, updated: plan.updates.length },
    });
    timings.totalMs = Date.now() - started;
    this.logger.log({ msg: 'bulk write done', created: plan.creates.length, updated: plan.updates.length, ...timings });
  }
}
