import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface RatingDueSkp {
  id: string;
  employeeId: string;
  nip: string;
  opdCode: string | null;
  year: number;
  startDate: string;
  endDate: string;
  status: string;
  setOn: string | null;
  penilaiNip: string;
  atasanNip: string | null;
  ratingDeadline: string;
}

/** The rating-due mark on `skp` (`rating_due_noticed_at`): which SKPs' penilai were told that the rating is due. */
@Injectable()
export class RatingNoticeRepository {
  /**
   * SKPs waiting for their rating whose rating deadline (the OPD's, else `defaults` per year) is
   * between `today` and `lastDay`, not yet announced, locked for the caller's transaction (a replica
   * running the same slot waits, then finds them announced).
   */
  async dueSkps(m: EntityManager, today: string, lastDay: string, defaults: readonly { year: number; ratingDeadline: string }[]): Promise<RatingDueSkp[]> {
    return m.query(
      `SELECT s.id, s.employee_id AS "employeeId", s.nip, s.opd_code AS "opdCode", s.year, s.start_date::text AS "startDate", s.end_date::text AS "endDate",
              s.status, s.set_on::text AS "setOn", s.penilai_nip AS "penilaiNip", s.atasan_nip AS "atasanNip",
              COALESCE(c.rating_deadline, d.deadline)::text AS "ratingDeadline"
         FROM skp s
         JOIN unnest($3::int[], $4::date[]) AS d (year, deadline) ON d.year = s.year
         LEFT JOIN opd_cadence c ON c.opd_code = s.opd_code AND c.year = s.year
        WHERE s.rating_due_noticed_at IS NULL AND s.status IN ('DITETAPKAN', 'DITUTUP') AND s.penilai_nip IS NOT NULL
          AND s.end_date <= $1::date
          AND COALESCE(c.rating_deadline, d.deadline) BETWEEN $1::date AND $2::date
          AND NOT EXISTS (SELECT 1 FROM evaluation e WHERE e.skp_id = s.id)
          AND NOT EXISTS (SELECT 1 FROM periodic_report r WHERE r.skp_id = s.id AND r.status = 'DILAPORKAN')
        ORDER BY s.id
        FOR UPDATE OF s SKIP LOCKED`,
      [today, lastDay, defaults.map((d) => d.year), defaults.map((d) => d.ratingDeadline)],
    );
  }

  /** Marks the SKP announced; false when another run did first. */
  async markNoticed(m: EntityManager, skpId: string, now: Date): Promise<boolean> {
    const rows = await m.query(`UPDATE skp SET rating_due_noticed_at = $2 WHERE id = $1 AND rating_due_noticed_at IS NULL RETURNING id`, [skpId, now]);
    return (Array.isArray(rows[0]) ? rows[0] : rows).length > 0;
  }
}
