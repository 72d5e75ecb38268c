import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export type DocumentKind = 'SKP' | 'EVALUASI_KINERJA';

export interface IssuedDocument {
  code: string;
  kind: DocumentKind;
  subjectId: string;
  lineageId: string;
  version: number;
  nip: string;
  name: string;
  contentDigest: string;
  issuedAt: Date;
}

const COLUMNS = `code, kind, subject_id AS "subjectId", lineage_id AS "lineageId", version, nip, name, content_digest AS "contentDigest", issued_at AS "issuedAt"`;

/** The only writer of `issued_document`: every verification code ever printed. */
@Injectable()
export class IssuedDocumentRepository {
  async find(m: EntityManager, code: string): Promise<IssuedDocument | null> {
    const [row] = await m.query(`SELECT ${COLUMNS} FROM issued_document WHERE code = $1`, [code]);
    return row ?? null;
  }

  /** A code already issued for exactly this content: printing the same document twice gives the same code. */
  async findSame(m: EntityManager, kind: DocumentKind, subjectId: string, contentDigest: string): Promise<IssuedDocument | null> {
    const [row] = await m.query(`SELECT ${COLUMNS} FROM issued_document WHERE kind = $1 AND subject_id = $2 AND content_digest = $3 LIMIT 1`, [kind, subjectId, contentDigest]);
    return row ?? null;
  }

  async insert(m: EntityManager, d: IssuedDocument, pdfSha256: string): Promise<void> {
    await m.query(
      `INSERT INTO issued_document (code, kind, subject_id, lineage_id, version, nip, name, sha256, content_digest, issued_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
      [d.code, d.kind, d.subjectId, d.lineageId, d.version, d.nip, d.name, pdfSha256, d.contentDigest, d.issuedAt],
    );
  }
}
