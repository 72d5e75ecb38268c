import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ExternalClaim } from '../domain/external-claim';
import { JpLedgerMessages as M } from '../jp-ledger.messages';

export interface ClaimRow {
  id: string;
  employeeId: string;
  nip: string;
  opdCode: string | null;
  title: string;
  form: string;
  organizer: string;
  endDate: string;
  jp: number;
  status: 'DIAJUKAN' | 'DIVERIFIKASI' | 'DITOLAK';
  certificateKey: string | null;
  certificateFileName: string | null;
  reason: string | null;
  createdAt: Date;
}

export const CLAIM_COLUMNS = `id, employee_id AS "employeeId", nip, opd_code AS "opdCode", title, form, organizer, end_date::text AS "endDate", jp, status,
  certificate_key AS "certificateKey", certificate_file_name AS "certificateFileName", reason, created_at AS "createdAt"`;

/** The only writer of `external_jp_claim`. */
@Injectable()
export class ExternalClaimRepository {
  async insert(m: EntityManager, c: Omit<ClaimRow, 'status' | 'certificateKey' | 'certificateFileName' | 'reason'>): Promise<void> {
    await m.query(
      `INSERT INTO external_jp_claim (id, employee_id, nip, opd_code, title, form, organizer, end_date, jp, status, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'DIAJUKAN', $10)`,
      [c.id, c.employeeId, c.nip, c.opdCode, c.title, c.form, c.organizer, c.endDate, c.jp, c.createdAt],
    );
  }

  async find(m: EntityManager, id: string): Promise<ClaimRow | null> {
    const [row] = await m.query(`SELECT ${CLAIM_COLUMNS} FROM external_jp_claim WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** The claim, or 404 KLAIM_TIDAK_DITEMUKAN. */
  async get(m: EntityManager, id: string): Promise<ClaimRow> {
    const row = await this.find(m, id);
    if (!row) throw M.error('KLAIM_TIDAK_DITEMUKAN');
    return row;
  }

  async lock(m: EntityManager, id: string): Promise<{ row: ClaimRow; claim: ExternalClaim }> {
    const [row] = await m.query(`SELECT ${CLAIM_COLUMNS} FROM external_jp_claim WHERE id = $1 FOR UPDATE`, [id]);
    if (!row) throw M.error('KLAIM_TIDAK_DITEMUKAN');
    return { row, claim: ExternalClaim.restore(row) };
  }

  async save(m: EntityManager, claim: ExternalClaim, decidedBy: string | null, at: Date, file?: { fileName: string; contentType: string; size: number; sha256: string }): Promise<void> {
    const s = claim.snapshot();
    await m.query(
      `UPDATE external_jp_claim SET status = $2, certificate_key = $3, reason = $4,
              decided_by = COALESCE($5, decided_by), decided_at = CASE WHEN $5::text IS NULL THEN decided_at ELSE $6 END,
              certificate_file_name = COALESCE($7, certificate_file_name), certificate_content_type = COALESCE($8, certificate_content_type),
              certificate_size = COALESCE($9, certificate_size), certificate_sha256 = COALESCE($10, certificate_sha256)
        WHERE id = $1`,
      [s.id, s.status, s.certificateKey, s.reason, decidedBy, at, file?.fileName ?? null, file?.contentType ?? null, file?.size ?? null, file?.sha256 ?? null],
    );
  }

  async visible(m: EntityManager, nip: string | null): Promise<ClaimRow[]> {
    return nip === null
      ? m.query(`SELECT ${CLAIM_COLUMNS} FROM external_jp_claim ORDER BY (status = 'DIAJUKAN') DESC, created_at DESC LIMIT 1000`)
      : m.query(`SELECT ${CLAIM_COLUMNS} FROM external_jp_claim WHERE nip = $1 ORDER BY created_at DESC`, [nip]);
  }
}
