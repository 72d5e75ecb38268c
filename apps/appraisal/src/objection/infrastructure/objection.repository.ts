import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Objection, type ObjectionState } from '../domain/objection';

const COLUMNS = `id, evaluation_id AS "evaluationId", employee_nip AS "employeeNip", atasan_nip AS "atasanNip", status, reason, decision,
  new_rating_hasil_kerja AS "newRatingHasilKerja", new_rating_perilaku AS "newRatingPerilaku"`;

/** The only writer of `objection`. */
@Injectable()
export class ObjectionRepository {
  async lock(m: EntityManager, id: string): Promise<Objection | null> {
    const [row]: ObjectionState[] = await m.query(`SELECT ${COLUMNS} FROM objection WHERE id = $1 FOR UPDATE`, [id]);
    return row ? Objection.restore(row) : null;
  }

  async existsFor(m: EntityManager, evaluationId: string): Promise<boolean> {
    const [row] = await m.query(`SELECT 1 FROM objection WHERE evaluation_id = $1`, [evaluationId]);
    return !!row;
  }

  async insert(m: EntityManager, o: Objection, now: Date): Promise<void> {
    const s = o.toState();
    await m.query(`INSERT INTO objection (id, evaluation_id, employee_nip, atasan_nip, status, reason, filed_at) VALUES ($1,$2,$3,$4,$5,$6,$7)`, [s.id, s.evaluationId, s.employeeNip, s.atasanNip, s.status, s.reason, now]);
  }

  async update(m: EntityManager, o: Objection, now: Date): Promise<void> {
    const s = o.toState();
    await m.query(`UPDATE objection SET status = $2, decision = $3, new_rating_hasil_kerja = $4, new_rating_perilaku = $5, decided_at = $6 WHERE id = $1`, [s.id, s.status, s.decision, s.newRatingHasilKerja, s.newRatingPerilaku, now]);
  }
}
