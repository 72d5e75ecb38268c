import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Evaluation, type EvaluationState } from '../domain/evaluation';

const COLUMNS = `id, skp_id AS "skpId", status, suggested_rating AS "suggestedHasilKerja", rating_hasil_kerja AS "ratingHasilKerja", deviation_reason AS "deviationReason",
  perilaku, rating_perilaku AS "ratingPerilaku", predikat, unit_predikat AS "unitPredikat", objection_deadline::text AS "objectionDeadline"`;

/** The only writer of `evaluation`. */
@Injectable()
export class EvaluationRepository {
  async lockBySkp(m: EntityManager, skpId: string): Promise<Evaluation | null> {
    const [row]: EvaluationState[] = await m.query(`SELECT ${COLUMNS} FROM evaluation WHERE skp_id = $1 FOR UPDATE`, [skpId]);
    return row ? Evaluation.restore(row) : null;
  }

  async lock(m: EntityManager, id: string): Promise<Evaluation | null> {
    const [row]: EvaluationState[] = await m.query(`SELECT ${COLUMNS} FROM evaluation WHERE id = $1 FOR UPDATE`, [id]);
    return row ? Evaluation.restore(row) : null;
  }

  async find(m: EntityManager, id: string): Promise<EvaluationState | null> {
    const [row] = await m.query(`SELECT ${COLUMNS} FROM evaluation WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** Evaluations whose objection window ended before `today`, for the finalizing job. */
  async lockDue(m: EntityManager, today: string, limit: number): Promise<Evaluation[]> {
    const rows: EvaluationState[] = await m.query(
      `SELECT ${COLUMNS} FROM evaluation WHERE status = 'DINILAI' AND objection_deadline < $1 ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [today, limit],
    );
    return rows.map((r) => Evaluation.restore(r));
  }

  /** Marks a batch final (the aggregates decided it); only rows still DINILAI change. */
  async markFinal(m: EntityManager, ids: string[], now: Date): Promise<void> {
    await m.query(`UPDATE evaluation SET status = 'FINAL', finalized_at = $2, updated_at = $2 WHERE id = ANY($1::uuid[]) AND status = 'DINILAI'`, [ids, now]);
  }

  async insert(m: EntityManager, e: Evaluation, skp: { employeeId: string; nip: string; opdCode: string | null; year: number }, ratedBy: string, now: Date): Promise<void> {
    const s = e.toState();
    await m.query(
      `INSERT INTO evaluation (id, skp_id, employee_id, nip, opd_code, year, status, suggested_rating, rating_hasil_kerja, deviation_reason, perilaku, rating_perilaku, predikat,
                               unit_predikat, objection_deadline, rated_by, rated_at, updated_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$17)`,
      [s.id, s.skpId, skp.employeeId, skp.nip, skp.opdCode, skp.year, s.status, s.suggestedHasilKerja, s.ratingHasilKerja, s.deviationReason, JSON.stringify(s.perilaku), s.ratingPerilaku, s.predikat, s.unitPredikat, s.objectionDeadline, ratedBy, now],
    );
  }

  async update(m: EntityManager, e: Evaluation, now: Date, ratedBy?: string): Promise<void> {
    const s = e.toState();
    await m.query(
      `UPDATE evaluation SET status = $2, rating_hasil_kerja = $3, deviation_reason = $4, perilaku = $5, rating_perilaku = $6, predikat = $7, unit_predikat = $8,
              objection_deadline = $9, updated_at = $10, rated_by = coalesce($11, rated_by), rated_at = CASE WHEN $11::text IS NULL THEN rated_at ELSE $10 END,
              finalized_at = CASE WHEN $2 = 'FINAL' THEN $10 ELSE finalized_at END
        WHERE id = $1`,
      [s.id, s.status, s.ratingHasilKerja, s.deviationReason, JSON.stringify(s.perilaku), s.ratingPerilaku, s.predikat, s.unitPredikat, s.objectionDeadline, now, ratedBy ?? null],
    );
  }
}
