import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Skp, type SkpState } from '../domain/skp';
import { SkpMessages } from '../skp.messages';

interface SkpRow {
  id: string;
  lineage_id: string;
  version: number;
  year: number;
  start_date: string;
  end_date: string;
  status: SkpState['status'];
  penilai_nip: string | null;
  snapshot: SkpState['snapshot'];
  content: Pick<SkpState, 'pendekatan' | 'rhk' | 'annex'>;
  expectations: SkpState['expectations'];
  return_notes: string | null;
  close_reason: string | null;
  set_on: string | null;
}

const COLUMNS = `id, lineage_id, version, year, start_date::text AS start_date, end_date::text AS end_date, status, penilai_nip,
  snapshot, content, expectations, return_notes, close_reason, set_on::text AS set_on`;

function toState(r: SkpRow): SkpState {
  return {
    id: r.id,
    lineageId: r.lineage_id,
    version: r.version,
    year: r.year,
    startDate: r.start_date,
    endDate: r.end_date,
    status: r.status,
    snapshot: r.snapshot,
    penilaiNip: r.penilai_nip,
    pendekatan: r.content.pendekatan,
    rhk: r.content.rhk,
    annex: r.content.annex,
    expectations: r.expectations ?? {},
    returnNotes: r.return_notes,
    closeReason: r.close_reason,
    setOn: r.set_on,
  };
}

/** The only writer of the `skp` table. Runs inside the caller's transaction. */
@Injectable()
export class SkpRepository {
  /** Loads and locks one SKP for a transition. */
  async lock(m: EntityManager, id: string): Promise<Skp | null> {
    const [row]: SkpRow[] = await m.query(`SELECT ${COLUMNS} FROM skp WHERE id = $1 FOR UPDATE`, [id]);
    return row ? Skp.restore(toState(row)) : null;
  }

  /** An SKP that must exist (referenced by a row of this database); 404 otherwise. */
  async require(m: EntityManager, id: string): Promise<SkpState> {
    const s = await this.find(m, id);
    if (!s) throw SkpMessages.error('SKP_TIDAK_DITEMUKAN');
    return s;
  }

  async find(m: EntityManager, id: string): Promise<SkpState | null> {
    const [row]: SkpRow[] = await m.query(`SELECT ${COLUMNS} FROM skp WHERE id = $1`, [id]);
    return row ? toState(row) : null;
  }

  async findMany(m: EntityManager, ids: string[]): Promise<SkpState[]> {
    const rows: SkpRow[] = await m.query(`SELECT ${COLUMNS} FROM skp WHERE id = ANY($1::uuid[])`, [ids]);
    return rows.map(toState);
  }

  /** Serialises SKP creation per employee, so two requests cannot both pass the overlap check. */
  async lockEmployee(m: EntityManager, nip: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('skp:' || $1))`, [nip]);
  }

  /** An open SKP of the employee sharing a day with the range (SKPs of one employee never overlap). */
  async findOverlapping(m: EntityManager, nip: string, start: string, end: string, exceptLineage?: string): Promise<string | null> {
    const [row] = await m.query(
      `SELECT id FROM skp WHERE nip = $1 AND status IN ('DRAFT','DIAJUKAN','DITETAPKAN','DIKEMBALIKAN')
          AND start_date <= $3 AND end_date >= $2 AND ($4::uuid IS NULL OR lineage_id <> $4) LIMIT 1`,
      [nip, start, end, exceptLineage ?? null],
    );
    return row?.id ?? null;
  }

  /** The set SKP of the penilai covering the date, whose RHK the subordinate links to. */
  async findSetSkpOf(m: EntityManager, nip: string, year: number): Promise<SkpState | null> {
    const [row]: SkpRow[] = await m.query(`SELECT ${COLUMNS} FROM skp WHERE nip = $1 AND year = $2 AND status = 'DITETAPKAN' ORDER BY start_date DESC LIMIT 1`, [nip, year]);
    return row ? toState(row) : null;
  }

  /** The version this one replaced (same lineage, one lower). */
  async findPreviousVersion(m: EntityManager, lineageId: string, version: number): Promise<SkpState | null> {
    const [row]: SkpRow[] = await m.query(`SELECT ${COLUMNS} FROM skp WHERE lineage_id = $1 AND version = $2`, [lineageId, version - 1]);
    return row ? toState(row) : null;
  }

  /** Open SKPs that link to any of these RHK ids of another SKP. */
  async findLinkedTo(m: EntityManager, rhkIds: string[]): Promise<SkpState[]> {
    if (rhkIds.length === 0) return [];
    const rows: SkpRow[] = await m.query(
      `SELECT ${COLUMNS} FROM skp s WHERE s.status IN ('DRAFT','DIAJUKAN','DITETAPKAN','DIKEMBALIKAN')
          AND EXISTS (SELECT 1 FROM jsonb_array_elements(s.content->'rhk') r WHERE r->>'parentRhkId' = ANY($1::text[]))`,
      [rhkIds],
    );
    return rows.map(toState);
  }

  /** Open SKPs of an employee (a transfer closes them; a new penilai takes them over). */
  async lockOpenOf(m: EntityManager, nip: string): Promise<Skp[]> {
    const rows: SkpRow[] = await m.query(`SELECT ${COLUMNS} FROM skp WHERE nip = $1 AND status IN ('DRAFT','DIAJUKAN','DITETAPKAN','DIKEMBALIKAN') FOR UPDATE`, [nip]);
    return rows.map((r) => Skp.restore(toState(r)));
  }

  async insert(m: EntityManager, skp: Skp, now: Date): Promise<void> {
    const s = skp.toState();
    await m.query(
      `INSERT INTO skp (id, lineage_id, version, employee_id, nip, year, start_date, end_date, status, opd_code, unit_id, penilai_nip, atasan_nip,
                        snapshot, content, expectations, return_notes, close_reason, set_on, created_at, updated_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$20)`,
      [
        s.id,
        s.lineageId,
        s.version,
        s.snapshot.employeeId,
        s.snapshot.nip,
        s.year,
        s.startDate,
        s.endDate,
        s.status,
        s.snapshot.opd?.code ?? null,
        s.snapshot.unit?.unitId ?? null,
        s.penilaiNip,
        s.snapshot.atasanPejabatPenilai?.nip ?? null,
        JSON.stringify(s.snapshot),
        JSON.stringify({ pendekatan: s.pendekatan, rhk: s.rhk, annex: s.annex }),
        JSON.stringify(s.expectations),
        s.returnNotes,
        s.closeReason,
        s.setOn,
        now,
      ],
    );
  }

  async update(m: EntityManager, skp: Skp, now: Date): Promise<void> {
    const s = skp.toState();
    await m.query(
      `UPDATE skp SET status = $2, end_date = $3, penilai_nip = $4, content = $5, expectations = $6, return_notes = $7, close_reason = $8, set_on = $9, updated_at = $10
        WHERE id = $1`,
      [
        s.id,
        s.status,
        s.endDate,
        s.penilaiNip,
        JSON.stringify({ pendekatan: s.pendekatan, rhk: s.rhk, annex: s.annex }),
        JSON.stringify(s.expectations),
        s.returnNotes,
        s.closeReason,
        s.setOn,
        now,
      ],
    );
  }
}
