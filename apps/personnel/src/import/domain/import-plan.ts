import type { IsoDate, JenisAsn, JenisJabatan, StatusPegawai, Violation } from '@capaian/kinerja';
import { checkEffectiveDate } from '../../common/domain/effective-date.rules';
import { checkCapacity, checkJabatanForJenisAsn, checkJenisAsnChange, checkPromotion, checkStillWorking } from '../../employee/domain/employee.rules';
import { PositionMessages } from '../../position/position.messages';
import { ImportMessages } from '../import.messages';
import { atRow, type ImportRow, type RowViolation } from './import-row';

/**
 * What an import will do, decided without the database: the rows of the file (already parsed and
 * checked one by one) against what is stored about their positions and employees. It applies the
 * same rules as the one-by-one use cases — jabatan for the jenis ASN, capacity (formasi), golongan
 * only going up, jenis ASN only CPNS → PNS, nobody who has left, effective dates — and reports
 * every problem by row and column instead of stopping at the first.
 */

/** A position as the plan needs it. */
export interface PositionFacts {
  id: string;
  code: string;
  unitId: string;
  opdId: string | null;
  opdCode: string | null;
  status: 'AKTIF' | 'DITUTUP';
  capacity: number;
  jenisJabatan: JenisJabatan;
  /** Start of the position's first history interval: nobody is placed in it before. */
  firstValid: IsoDate;
  /** Working employees in it now. */
  occupied: number;
}

/** An employee already stored, with the NIP of a row. */
export interface StoredEmployee {
  id: string;
  nip: string;
  name: string;
  email: string | null;
  jenisAsn: JenisAsn;
  golongan: string | null;
  positionId: string | null;
  status: StatusPegawai;
  tmtJabatan: IsoDate | null;
  /** Start of the employee's open history interval. */
  validFrom: IsoDate;
  opdCode: string | null;
}

export interface PlanContext {
  positions: ReadonlyMap<string, PositionFacts>;
  employees: ReadonlyMap<string, StoredEmployee>;
  /** The OPD an OPD admin is limited to; null for BKPSDM. */
  scope: string | null;
  today: IsoDate;
  newId: () => string;
}

/** What the planner keeps for the whole file; the facts of positions and employees come per chunk. */
export interface PlannerSettings {
  scope: string | null;
  today: IsoDate;
  newId: () => string;
}

/** The facts one chunk of rows is planned against: its positions (by code) and stored employees (by NIP). */
export type ChunkFacts = Pick<PlanContext, 'positions' | 'employees'>;

export interface NewEmployee {
  id: string;
  nip: string;
  name: string;
  jenisAsn: JenisAsn;
  birthDate: IsoDate;
  sex: ImportRow['sex'];
  golongan: string | null;
  positionId: string;
  unitId: string;
  opdId: string | null;
  email: string | null;
  tmtJabatan: IsoDate | null;
  status: 'AKTIF' | 'CUTI';
  /** Start of the employee's first history interval. */
  effectiveDate: IsoDate;
}

export interface EmployeeUpdate {
  id: string;
  effectiveDate: IsoDate;
  name?: string;
  email?: string | null;
  jenisAsn?: JenisAsn;
  status?: 'AKTIF' | 'CUTI';
  tmtJabatan?: IsoDate | null;
  position?: { positionId: string; unitId: string; opdId: string | null; effectiveDate: IsoDate };
  golongan?: { from: string | null; to: string };
}

export interface ImportPlan {
  creates: NewEmployee[];
  updates: EmployeeUpdate[];
  unchanged: number;
  /** Net arrivals per position id, for the capacity re-check under lock when saving. */
  arrivals: Map<string, number>;
  /** Every problem, sorted by row; the plan is only carried out when this is empty. */
  errors: RowViolation[];
}

const COLUMN = { nip: 'NIP', position: 'Kode Jabatan', jenisAsn: 'Jenis ASN', golongan: 'Golongan', tmt: 'TMT Jabatan' } as const;

export interface ChunkPlan {
  creates: NewEmployee[];
  updates: EmployeeUpdate[];
  unchanged: number;
}

/**
 * The plan of a file built chunk by chunk, in file order, so that a large file is never held whole:
 * what must be known across chunks is kept small — the NIPs seen (duplicates), and per position the
 * rows arriving and the count leaving (capacity). `add` plans a chunk and returns its creates and
 * updates; `finish` applies the capacity after the whole file and returns every problem, sorted.
 * The outcome is the same as planning the whole file at once (planImport).
 */
export class ImportPlanner {
  private readonly errors: RowViolation[] = [];
  private readonly seen = new Map<string, number>();
  private readonly arrivalRows = new Map<string, { position: PositionFacts; rows: number[] }>();
  private readonly departures = new Map<string, number>();
  readonly totals = { creates: 0, updates: 0, unchanged: 0 };

  constructor(private readonly settings: PlannerSettings) {}

  /** Problems found so far (capacity comes with `finish`). */
  get errorCount(): number {
    return this.errors.length;
  }

  add(rows: readonly ImportRow[], facts: ChunkFacts): ChunkPlan {
    const ctx = this.settings;
    const errors = this.errors;
    const refuse = (row: ImportRow, column: string, violation: Violation | null): boolean => {
      if (violation) errors.push(atRow(row.row, column, violation));
      return violation !== null;
    };
    const creates: NewEmployee[] = [];
    const updates: EmployeeUpdate[] = [];
    let unchanged = 0;
    const arrive = (row: ImportRow, position: PositionFacts) => {
      const entry = this.arrivalRows.get(position.id) ?? { position, rows: [] };
      entry.rows.push(row.row);
      this.arrivalRows.set(position.id, entry);
    };

    for (const row of rows) {
      const first = this.seen.get(row.nip);
      if (first !== undefined) {
        refuse(row, COLUMN.nip, ImportMessages.violation('NIP_GANDA_DALAM_BERKAS', { nip: row.nip, first }));
        continue;
      }
      this.seen.set(row.nip, row.row);
      const pos = facts.positions.get(row.positionCode);
      if (!pos) {
        refuse(row, COLUMN.position, PositionMessages.violation('JABATAN_TIDAK_DITEMUKAN', { ref: `berkode ${row.positionCode}` }));
        continue;
      }
      if (pos.status !== 'AKTIF') {
        refuse(row, COLUMN.position, PositionMessages.violation('JABATAN_SUDAH_DITUTUP', { code: pos.code }));
        continue;
      }
      if (ctx.scope && pos.opdCode !== ctx.scope) {
        refuse(row, COLUMN.position, ImportMessages.violation('IMPOR_DI_LUAR_OPD', { what: `Jabatan ${pos.code}`, opd: ctx.scope }));
        continue;
      }
      if (refuse(row, COLUMN.position, checkJabatanForJenisAsn(row.jenisAsn, pos.jenisJabatan))) continue;

      const stored = facts.employees.get(row.nip);
      if (!stored) {
        // A new employee's history starts at the TMT, but not in the future nor before the position existed.
        let effective = row.tmtJabatan ?? ctx.today;
        if (effective > ctx.today) effective = ctx.today;
        if (effective < pos.firstValid) effective = pos.firstValid;
        creates.push({
          id: ctx.newId(),
          nip: row.nip,
          name: row.name,
          jenisAsn: row.jenisAsn,
          birthDate: row.birthDate,
          sex: row.sex,
          golongan: row.golongan,
          positionId: pos.id,
          unitId: pos.unitId,
          opdId: pos.opdId,
          email: row.email,
          tmtJabatan: row.tmtJabatan,
          status: row.status,
          effectiveDate: effective,
        });
        arrive(row, pos);
        continue;
      }
      if (ctx.scope && stored.opdCode !== ctx.scope) {
        refuse(row, COLUMN.nip, ImportMessages.violation('IMPOR_DI_LUAR_OPD', { what: `Pegawai ${row.nip}`, opd: ctx.scope }));
        continue;
      }
      if (refuse(row, COLUMN.nip, checkStillWorking(stored.status, 'diubah lewat impor'))) continue;
      if (refuse(row, COLUMN.jenisAsn, checkJenisAsnChange(stored.jenisAsn, row.jenisAsn, 'jenisAsn'))) continue;
      const update: EmployeeUpdate = { id: stored.id, effectiveDate: ctx.today };
      if (row.jenisAsn !== stored.jenisAsn) update.jenisAsn = row.jenisAsn;
      if ((row.golongan ?? null) !== (stored.golongan ?? null)) {
        // An import may only promote: the same rule as kenaikan pangkat.
        if (refuse(row, COLUMN.golongan, checkPromotion(row.jenisAsn, stored.golongan, row.golongan))) continue;
        update.golongan = { from: stored.golongan, to: row.golongan! };
      }
      if (row.name !== stored.name) update.name = row.name;
      if ((row.email ?? null) !== (stored.email ?? null)) update.email = row.email;
      if (row.status !== stored.status) update.status = row.status;
      if (pos.id !== stored.positionId) {
        const effective = row.tmtJabatan ?? ctx.today;
        const lastChange = stored.validFrom > pos.firstValid ? stored.validFrom : pos.firstValid;
        if (refuse(row, COLUMN.tmt, checkEffectiveDate(effective, { today: ctx.today, lastChange }, 'tmtJabatan'))) continue;
        update.position = { positionId: pos.id, unitId: pos.unitId, opdId: pos.opdId, effectiveDate: effective };
        update.tmtJabatan = effective;
        if (stored.positionId) this.departures.set(stored.positionId, (this.departures.get(stored.positionId) ?? 0) + 1);
        arrive(row, pos);
      } else if (row.tmtJabatan && row.tmtJabatan !== stored.tmtJabatan) {
        update.tmtJabatan = row.tmtJabatan;
      }
      if (Object.keys(update).length > 2) updates.push(update);
      else unchanged++;
    }
    this.totals.creates += creates.length;
    this.totals.updates += updates.length;
    this.totals.unchanged += unchanged;
    return { creates, updates, unchanged };
  }

  /** Net arrivals per position id, for the capacity re-check under lock when saving. */
  arrivals(): Map<string, number> {
    const net = new Map<string, number>();
    for (const [positionId, { rows }] of this.arrivalRows) net.set(positionId, rows.length);
    for (const [positionId, n] of this.departures) net.set(positionId, (net.get(positionId) ?? 0) - n);
    return net;
  }

  /** Every position the plan fills or empties. */
  touchedPositions(): string[] {
    return [...new Set([...this.arrivalRows.keys(), ...this.departures.keys()])];
  }

  /** Applies the capacity (formasi) after the whole file — rows beyond it, in file order, are refused — and returns every problem, sorted by row. */
  finish(): RowViolation[] {
    for (const [positionId, { position, rows }] of this.arrivalRows) {
      const base = position.occupied - (this.departures.get(positionId) ?? 0);
      rows.forEach((row, filled) => {
        const violation = checkCapacity(position.code, position.capacity, base + filled, 'positionCode');
        if (violation) this.errors.push(atRow(row, COLUMN.position, violation));
      });
    }
    // Stable: problems of one row keep the order in which they were found.
    return this.errors.sort((a, b) => a.row - b.row);
  }
}

/** The whole file at once (unit tests, small files): one chunk through ImportPlanner. */
export function planImport(rows: readonly ImportRow[], ctx: PlanContext): ImportPlan {
  const planner = new ImportPlanner(ctx);
  const chunk = planner.add(rows, ctx);
  const errors = planner.finish();
  return { ...chunk, arrivals: planner.arrivals(), errors };
}
