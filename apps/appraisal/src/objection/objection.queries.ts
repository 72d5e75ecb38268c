import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Rating } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { toPage, type Page } from '@capaian/shared/http';
import { DataSource } from 'typeorm';
import { SkpReader } from '../common/skp-reader';
import type { EvaluationState } from '../evaluation/domain/evaluation';
import type { ObjectionStatus } from './domain/objection';
import type { ListObjectionsQuery } from './dto/list-objections.query';

/** An objection with what the deciding official needs beside it: who, which SKP, the ratings objected to. */
export interface ObjectionView {
  id: string;
  status: ObjectionStatus;
  reason: string;
  decision: string | null;
  filedAt: string;
  decidedAt: string | null;
  evaluationId: string;
  skpId: string;
  year: number;
  employee: { nip: string; name: string };
  penilai: { nip: string; name: string } | null;
  atasanNip: string | null;
  /** The evaluation's ratings now: those objected to while waiting, the final ones after a decision. */
  ratingHasilKerja: Rating;
  ratingPerilaku: Rating;
  predikat: string;
  newRatingHasilKerja: Rating | null;
  newRatingPerilaku: Rating | null;
}

/** An SKP's year-end result as its readers see it: the evaluation (if rated) and the objection (if filed). */
export interface SkpEvaluationView {
  evaluation: EvaluationState | null;
  objection: ObjectionView | null;
}

/** The view of the objections of `source` (the table, or a page of it chosen first). */
const viewOf = (source: string) => `SELECT o.id, o.status, o.reason, o.decision, o.filed_at AS "filedAt", o.decided_at AS "decidedAt", o.evaluation_id AS "evaluationId",
       s.id AS "skpId", s.year, s.nip AS "employeeNip", s.snapshot->>'name' AS "employeeName", s.penilai_nip AS "penilaiNip",
       s.snapshot->'pejabatPenilai'->>'nip' AS "snapshotPenilaiNip", s.snapshot->'pejabatPenilai'->>'name' AS "snapshotPenilaiName",
       o.atasan_nip AS "atasanNip", e.rating_hasil_kerja AS "ratingHasilKerja", e.rating_perilaku AS "ratingPerilaku", e.predikat,
       o.new_rating_hasil_kerja AS "newRatingHasilKerja", o.new_rating_perilaku AS "newRatingPerilaku"
  FROM ${source} o JOIN evaluation e ON e.id = o.evaluation_id JOIN skp s ON s.id = e.skp_id`;
const VIEW = viewOf('objection');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function toView(r: any): ObjectionView {
  return {
    id: r.id,
    status: r.status,
    reason: r.reason,
    decision: r.decision,
    filedAt: new Date(r.filedAt).toISOString(),
    decidedAt: r.decidedAt ? new Date(r.decidedAt).toISOString() : null,
    evaluationId: r.evaluationId,
    skpId: r.skpId,
    year: r.year,
    employee: { nip: r.employeeNip, name: r.employeeName },
    // The penilai who rated; the snapshot's name when the SKP was not handed to another since.
    penilai: r.penilaiNip ? { nip: r.penilaiNip, name: r.snapshotPenilaiNip === r.penilaiNip ? r.snapshotPenilaiName : r.penilaiNip } : null,
    atasanNip: r.atasanNip,
    ratingHasilKerja: r.ratingHasilKerja,
    ratingPerilaku: r.ratingPerilaku,
    predikat: r.predikat,
    newRatingHasilKerja: r.newRatingHasilKerja,
    newRatingPerilaku: r.newRatingPerilaku,
  };
}

/** Reads of objections: the ones an atasan penilai decides, and the one of an SKP. */
@Injectable()
export class ObjectionQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reader: SkpReader,
  ) {}

  /**
   * The objections the caller decides (they are the atasan penilai recorded when it was filed),
   * waiting ones first, then the newest; a caller who decides none gets an empty page.
   */
  async toDecide(principal: Principal, q: ListObjectionsQuery): Promise<Page<ObjectionView>> {
    const nip = principal.nip ?? '';
    const params: unknown[] = [nip, q.status ?? null];
    const where = `o.atasan_nip = $1 AND ($2::text IS NULL OR o.status = $2)`;
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM objection o WHERE ${where}`, params);
    const order = `ORDER BY (o.status = 'DIAJUKAN') DESC, o.filed_at DESC, o.id`;
    // The page is chosen from objection_atasan_idx alone, then joined: joining first let the planner
    // hash every evaluation of the city to sort an atasan's few hundred objections.
    const rows = await this.dataSource.query(
      `${viewOf(`(SELECT * FROM objection o WHERE ${where} ${order} LIMIT $3 OFFSET $4)`)} ${order}`,
      [...params, q.size, (q.page - 1) * q.size],
    );
    return toPage(rows.map(toView), total, q);
  }

  /** The evaluation and objection of an SKP, for whoever may read the SKP (404/403 as the SKP itself). */
  async ofSkp(principal: Principal, skpId: string): Promise<SkpEvaluationView> {
    const m = this.dataSource.manager;
    await this.reader.readable(m, principal, skpId);
    const [evaluation] = await m.query(
      `SELECT id, skp_id AS "skpId", status, suggested_rating AS "suggestedHasilKerja", rating_hasil_kerja AS "ratingHasilKerja", deviation_reason AS "deviationReason",
              perilaku, rating_perilaku AS "ratingPerilaku", predikat, unit_predikat AS "unitPredikat", objection_deadline::text AS "objectionDeadline"
         FROM evaluation WHERE skp_id = $1`,
      [skpId],
    );
    if (!evaluation) return { evaluation: null, objection: null };
    const [objection] = await m.query(`${VIEW} WHERE o.evaluation_id = $1`, [evaluation.id]);
    return { evaluation, objection: objection ? toView(objection) : null };
  }
}
