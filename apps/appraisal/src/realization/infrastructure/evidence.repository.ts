import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface EvidenceRecord {
  id: string;
  skpId: string;
  number: number;
  indicatorId: string;
  objectKey: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: Date;
}

const COLUMNS = `id, skp_id AS "skpId", period_no AS number, indicator_id AS "indicatorId", object_key AS "objectKey", file_name AS "fileName",
  content_type AS "contentType", size::int AS size, sha256, uploaded_by AS "uploadedBy", uploaded_at AS "uploadedAt"`;

/** The only writer of `evidence` (the rows describing files kept in the object store). */
@Injectable()
export class EvidenceRepository {
  async insert(m: EntityManager, e: EvidenceRecord): Promise<void> {
    await m.query(
      `INSERT INTO evidence (id, skp_id, period_no, indicator_id, object_key, file_name, content_type, size, sha256, uploaded_by, uploaded_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
      [e.id, e.skpId, e.number, e.indicatorId, e.objectKey, e.fileName, e.contentType, e.size, e.sha256, e.uploadedBy, e.uploadedAt],
    );
  }

  async find(m: EntityManager, id: string): Promise<EvidenceRecord | null> {
    const [row] = await m.query(`SELECT ${COLUMNS} FROM evidence WHERE id = $1`, [id]);
    return row ?? null;
  }

  async listOf(m: EntityManager, skpId: string): Promise<EvidenceRecord[]> {
    return m.query(`SELECT ${COLUMNS} FROM evidence WHERE skp_id = $1 ORDER BY period_no, uploaded_at`, [skpId]);
  }

  async countByIndicator(m: EntityManager, skpId: string, number: number): Promise<Map<string, number>> {
    const rows: { indicatorId: string; n: number }[] = await m.query(
      `SELECT indicator_id AS "indicatorId", count(*)::int AS n FROM evidence WHERE skp_id = $1 AND period_no = $2 GROUP BY indicator_id`,
      [skpId, number],
    );
    return new Map(rows.map((r) => [r.indicatorId, r.n]));
  }
}
