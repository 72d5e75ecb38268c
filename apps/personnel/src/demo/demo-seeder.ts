import { writeFile, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OrgUnitCreatedV1, PositionChangedV1, PositionCreatedV1 } from '@capaian/contracts';
import { todayInJakarta, type IsoDate } from '@capaian/kinerja';
import { recordAudit } from '@capaian/shared/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service';
import { SYSTEM_ACTOR } from '../common/access';
import { PersonnelEvents } from '../common/events';
import { lockStructure } from '../common/refs';
import { orgUnitSnapshot, positionSnapshot } from '../common/snapshots';
import { recordInterval } from '../common/temporal';
import type { ImportJobView } from '../import/import.queries';
import { RunImport } from '../import/use-cases/run-import';
import { isOpdKind } from '../org-unit/domain/org-unit.rules';
import { automaticSuperior, type UnitHead } from '../position/domain/position.rules';
import type { DemoPresence } from './demo-presence';
import { buildPalembangStructure, type Structure } from './palembang-structure';
import { DEMO_EMPLOYEES, generateWorkforce, structureCapacity, toCsv } from './workforce';

/** The organisation exists in the demo from this date on, so "as of" questions have a past. */
export const DEMO_STRUCTURE_DATE: IsoDate = '2020-01-01';

export interface SeedOptions {
  /** Total employees (the six demo users included); default 12,000. */
  employees?: number;
  seed?: number;
  /** Link the demo users to their Keycloak accounts (default true). */
  linkDemoAccounts?: boolean;
  /** Smallest structure scale (default 1); tests use a small one (fewer schools, smaller formasi). */
  minFactor?: number;
}

export interface SeedResult {
  unitsCreated: number;
  positionsCreated: number;
  positionsEnlarged: number;
  employees: ImportJobView['summary'];
  importJobId: string;
  demoAccounts: Record<string, string>;
}

/** Smallest structure scale whose capacity holds the workforce with some slack. */
export function structureFor(employees: number, minFactor = 1): Structure {
  let factor = minFactor;
  let structure = buildPalembangStructure(factor);
  while (structureCapacity(structure) < employees * 1.1) {
    factor *= Math.max(1.05, (employees * 1.15) / structureCapacity(structure));
    structure = buildPalembangStructure(factor);
  }
  return structure;
}

/**
 * Loads the Palembang demo data: the organisation (idempotent by code), then the workforce through
 * the bulk import (idempotent by NIP: a second run reports everything unchanged), then links the
 * six demo users to their existing Keycloak accounts. Synthetic employees get no SSO account.
 * Every change goes through the outbox, so appraisal and career receive the demo organisation.
 */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger('DemoSeeder');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: PersonnelEvents,
    private readonly imports: RunImport,
    private readonly accounts: AccountsService,
  ) {}

  async run(options: SeedOptions = {}): Promise<SeedResult> {
    const size = options.employees ?? 12_000;
    const structure = structureFor(size, options.minFactor ?? 1);
    const written = await this.writeStructure(structure, DEMO_STRUCTURE_DATE);
    const today = todayInJakarta();
    const rows = generateWorkforce(structure, { size, seed: options.seed, today: today < '2026-11-01' ? today : '2026-11-01' });
    const dir = join(tmpdir(), 'capaian-personnel-seed');
    await mkdir(dir, { recursive: true });
    const path = join(dir, `demo-${randomUUID()}.csv`);
    await writeFile(path, toCsv(rows));
    let job: ImportJobView;
    try {
      job = await this.imports.importFile(path, 'csv', SYSTEM_ACTOR, { fileName: `demo-palembang-${size}.csv` });
    } finally {
      await rm(path, { force: true });
    }
    if (job.status !== 'BERHASIL') {
      throw new Error(`demo workforce import ${job.id} ended ${job.status}: ${job.failure ?? JSON.stringify(job.errors.slice(0, 10))}`);
    }
    // Until autovacuum samples the tables just filled, the planner takes them for (nearly) empty and
    // a page of employees sorted the whole table. ANALYZE samples a bounded number of rows: well
    // under a second for the demo city.
    await this.dataSource.query('ANALYZE org_unit, org_unit_history, position, position_history, employee, employee_history');
    const demoAccounts = options.linkDemoAccounts !== false ? await this.linkDemoAccounts() : {};
    return { ...written, employees: job.summary, importJobId: job.id, demoAccounts };
  }

  /** What the database holds of the demo already (`decideDemoLoad` decides from it whether a start loads it). */
  async presence(): Promise<DemoPresence> {
    const [row] = await this.dataSource.query(
      `SELECT (SELECT count(*) FROM employee WHERE nip = ANY($1))::int AS "demoUsers",
              EXISTS (SELECT 1 FROM import_job WHERE file_name LIKE 'demo-palembang-%' AND status = 'BERHASIL' AND NOT dry_run) AS "workforceImported",
              (SELECT count(*) FROM employee)::int AS employees`,
      [DEMO_EMPLOYEES.map((d) => d.nip)],
    );
    return row;
  }

  /** Links the demo users that exist and are not linked yet to their Keycloak accounts; their status by NIP. */
  async linkDemoAccounts(): Promise<Record<string, string>> {
    const demoAccounts: Record<string, string> = {};
    for (const d of DEMO_EMPLOYEES) {
      const [e] = await this.dataSource.query(`SELECT id, account_status FROM employee WHERE nip = $1`, [d.nip]);
      if (!e) continue;
      if (e.account_status === 'AKTIF') {
        demoAccounts[d.nip] = 'AKTIF';
        continue;
      }
      const state = await this.accounts.provision(e.id, SYSTEM_ACTOR);
      demoAccounts[d.nip] = state.status;
      if (state.status !== 'AKTIF') this.logger.warn(`demo account ${d.nip} not linked: ${state.error}`);
    }
    return demoAccounts;
  }

  /** Creates missing units and positions (by code) and enlarges positions whose capacity grew. */
  async writeStructure(structure: Structure, date: IsoDate): Promise<{ unitsCreated: number; positionsCreated: number; positionsEnlarged: number }> {
    return this.dataSource.transaction(async (m) => {
      await lockStructure(m);
      const unitIds = new Map<string, { id: string; opd_id: string | null; level: number }>();
      for (const u of await m.query(`SELECT id, code, opd_id, level FROM org_unit`)) unitIds.set(u.code, { id: u.id, opd_id: u.opd_id, level: Number(u.level) });
      const positionIds = new Map<string, { id: string; capacity: number }>();
      for (const p of await m.query(`SELECT id, code, capacity FROM position`)) positionIds.set(p.code, { id: p.id, capacity: Number(p.capacity) });

      const newUnits: string[] = [];
      for (const u of structure.units) {
        if (unitIds.has(u.code)) continue;
        const parent = u.parent ? unitIds.get(u.parent) : undefined;
        if (u.parent && !parent) throw new Error(`demo unit ${u.code}: parent ${u.parent} missing`);
        const id = randomUUID();
        const opdId = u.kind === 'PEMERINTAH_KOTA' ? null : isOpdKind(u.kind) ? id : parent!.opd_id;
        const level = parent ? parent.level + 1 : 0;
        await m.query(`INSERT INTO org_unit (id, code, name, kind, parent_id, opd_id, level, status, valid_from) VALUES ($1, $2, $3, $4, $5, $6, $7, 'AKTIF', $8)`, [
          id,
          u.code,
          u.name,
          u.kind,
          parent?.id ?? null,
          opdId,
          level,
          date,
        ]);
        unitIds.set(u.code, { id, opd_id: opdId, level });
        newUnits.push(id);
      }

      const newPositions: string[] = [];
      for (const p of structure.positions) {
        if (positionIds.has(p.code)) continue;
        const unit = unitIds.get(p.unit)!;
        const id = randomUUID();
        await m.query(
          `INSERT INTO position (id, code, name, jenis_jabatan, jenjang, kelas_jabatan, unit_id, opd_id, reports_to_mode, capacity, status, valid_from)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'AKTIF', $11)`,
          [id, p.code, p.name, p.jenisJabatan, p.jenjang ?? null, p.kelasJabatan, unit.id, unit.opd_id, p.reportsTo ? 'MANUAL' : 'OTOMATIS', p.capacity, date],
        );
        positionIds.set(p.code, { id, capacity: p.capacity });
        newPositions.push(id);
        if (p.head) await m.query(`UPDATE org_unit SET head_position_id = $2 WHERE id = $1 AND head_position_id IS NULL`, [unit.id, id]);
      }

      // Superiors: explicit ones from the spec, the rest by the unit tree.
      const units: { id: string; parent_id: string | null; head_position_id: string | null }[] = await m.query(`SELECT id, parent_id, head_position_id FROM org_unit`);
      const byId = new Map(units.map((u) => [u.id, u]));
      const chainOf = (unitId: string): UnitHead[] => {
        const chain: UnitHead[] = [];
        for (let u = byId.get(unitId); u && chain.length < 32; u = u.parent_id ? byId.get(u.parent_id) : undefined) chain.push({ unitId: u.id, headPositionId: u.head_position_id });
        return chain;
      };
      const specByCode = new Map(structure.positions.map((p) => [p.code, p]));
      const fresh = new Set(newPositions);
      for (const p of structure.positions) {
        const { id } = positionIds.get(p.code)!;
        if (!fresh.has(id)) continue;
        const unitId = unitIds.get(p.unit)!.id;
        const chain = chainOf(unitId);
        const superior = p.reportsTo ? positionIds.get(p.reportsTo)!.id : automaticSuperior(id, chain[0]?.headPositionId === id, chain);
        await m.query(`UPDATE position SET reports_to_id = $2 WHERE id = $1`, [id, superior]);
      }

      let enlarged = 0;
      for (const [code, existing] of positionIds) {
        const spec = specByCode.get(code);
        if (!spec || fresh.has(existing.id) || spec.capacity <= existing.capacity) continue;
        await m.query(`UPDATE position SET capacity = $2, updated_at = now() WHERE id = $1`, [existing.id, spec.capacity]);
        const [row] = await m.query(`SELECT * FROM position WHERE id = $1`, [existing.id]);
        await recordInterval(
          m,
          'position_history',
          existing.id,
          todayInJakarta(),
          { code: row.code, name: row.name, jenis_jabatan: row.jenis_jabatan, jenjang: row.jenjang, kelas_jabatan: row.kelas_jabatan, unit_id: row.unit_id, reports_to_id: row.reports_to_id, capacity: row.capacity, status: row.status },
          ['capacity'],
        );
        await this.events.emit(m, PositionChangedV1, existing.id, { ...(await positionSnapshot(m, existing.id, todayInJakarta())), changes: ['capacity'] });
        enlarged++;
      }

      // History and events of what was created, with its final state.
      await m.query(
        `INSERT INTO org_unit_history (unit_id, valid_from, code, name, kind, parent_id, opd_id, level, head_position_id, status, changes)
         SELECT id, valid_from, code, name, kind, parent_id, opd_id, level, head_position_id, status, ARRAY['DIBENTUK'] FROM org_unit WHERE id = ANY($1::uuid[])`,
        [newUnits],
      );
      await m.query(
        `INSERT INTO position_history (position_id, valid_from, code, name, jenis_jabatan, jenjang, kelas_jabatan, unit_id, reports_to_id, capacity, status, changes)
         SELECT id, valid_from, code, name, jenis_jabatan, jenjang, kelas_jabatan, unit_id, reports_to_id, capacity, status, ARRAY['DIBENTUK'] FROM position WHERE id = ANY($1::uuid[])`,
        [newPositions],
      );
      for (const id of newUnits) await this.events.emit(m, OrgUnitCreatedV1, id, await orgUnitSnapshot(m, id, date));
      for (const id of newPositions) await this.events.emit(m, PositionCreatedV1, id, await positionSnapshot(m, id, date));
      if (newUnits.length + newPositions.length + enlarged > 0) {
        await recordAudit(m, {
          actor: SYSTEM_ACTOR.subject,
          action: 'demo.structure-loaded',
          entityType: 'org-unit',
          entityId: '*',
          details: { unitsCreated: newUnits.length, positionsCreated: newPositions.length, positionsEnlarged: enlarged },
        });
      }
      return { unitsCreated: newUnits.length, positionsCreated: newPositions.length, positionsEnlarged: enlarged };
    });
  }
}
