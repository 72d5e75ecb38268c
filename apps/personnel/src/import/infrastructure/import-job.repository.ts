import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/access';
import type { RowViolation } from '../domain/import-row';
import type { ImportFormat } from './import-readers';
import type { ImportRowError, ImportStatus, ImportSummary } from './import-job.entity';

export interface ImportJobRow {
  id: string;
  status: ImportStatus;
  dry_run: boolean;
  format: string;
  file_name: string | null;
  file_sha256: string | null;
  file_bytes: string | number;
  rows_total: string | number | null;
  rows_processed: string | number;
  error_count: string | number;
  errors: ImportRowError[];
  summary: ImportSummary | null;
  failure: string | null;
  created_by: string;
  scope_opd: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

/** What a job may record as it goes. */
export interface ImportJobProgress {
  status?: ImportStatus;
  started_at?: Date;
  finished_at?: Date;
  rows_total?: number | null;
  rows_processed?: number;
  error_count?: number;
  errors?: readonly RowViolation[];
  summary?: ImportSummary;
  failure?: string;
}

/** The stored shape of a row's problem: where in the file, the code and the message (no kind, no path). */
function toRowError(v: RowViolation): ImportRowError {
  return { row: v.row, column: v.column, code: v.code, message: v.message };
}

/** The only code that reads or writes the `import_job` table. */
@Injectable()
export class ImportJobRepository {
  async create(
    m: EntityManager,
    id: string,
    o: { format: ImportFormat; actor: Actor; scope: string | null; dryRun: boolean; fileName?: string; sha256: string; bytes: number },
  ): Promise<void> {
    await m.query(
      `INSERT INTO import_job (id, status, dry_run, format, file_name, file_sha256, file_bytes, created_by, created_by_nip, scope_opd)
       VALUES ($1, 'MENUNGGU', $2, $3, $4, $5, $6, $7, $8, $9)`,
      [id, o.dryRun, o.format, o.fileName?.slice(0, 255) ?? null, o.sha256, o.bytes, o.actor.subject, o.actor.nip, o.scope],
    );
  }

  async find(m: EntityManager, id: string): Promise<ImportJobRow | null> {
    const [row] = await m.query(`SELECT * FROM import_job WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** Newest first; limited to an OPD (and the caller's own jobs) when `scope` is given. */
  async page(m: EntityManager, scope: { opd: string; subject: string } | null, size: number, offset: number): Promise<{ total: number; ids: string[] }> {
    const where = scope ? `WHERE scope_opd = $1 OR created_by = $2` : '';
    const params = scope ? [scope.opd, scope.subject] : [];
    const [{ total }] = await m.query(`SELECT count(*)::int AS total FROM import_job ${where}`, params);
    const rows: { id: string }[] = await m.query(`SELECT id FROM import_job ${where} ORDER BY created_at DESC LIMIT ${Number(size)} OFFSET ${Number(offset)}`, params);
    return { total, ids: rows.map((r) => r.id) };
  }

  /** Jobs not finished: waiting, validating or saving. */
  async unfinished(m: EntityManager): Promise<{ id: string; format: string }[]> {
    return m.query(`SELECT id, format FROM import_job WHERE status IN ('MENUNGGU', 'MEMVALIDASI', 'MENYIMPAN') ORDER BY created_at`);
  }

  /** Ends a job whose run was interrupted; false when it finished meanwhile. */
  async markInterrupted(m: EntityManager, id: string, failure: string): Promise<boolean> {
    const [, changed]: [unknown, number] = await m.query(
      `UPDATE import_job SET status = 'GAGAL', failure = $2, finished_at = now() WHERE id = $1 AND status IN ('MENUNGGU', 'MEMVALIDASI', 'MENYIMPAN')`,
      [id, failure],
    );
    return changed > 0;
  }

  async record(m: EntityManager, id: string, progress: ImportJobProgress): Promise<void> {
    const fields: Record<string, unknown> = { ...progress };
    if (progress.errors) fields.errors = JSON.stringify(progress.errors.map(toRowError));
    if (progress.summary) fields.summary = JSON.stringify(progress.summary);
    const columns = Object.keys(fields);
    await m.query(
      `UPDATE import_job SET ${columns.map((c, i) => `${c} = $${i + 2}${c === 'errors' || c === 'summary' ? '::jsonb' : ''}`).join(', ')} WHERE id = $1`,
      [id, ...columns.map((c) => fields[c])],
    );
  }
}
