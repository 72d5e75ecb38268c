import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@capaian/shared/auth';
import { toPage, type Page } from '@capaian/shared/http';
import { DataSource } from 'typeorm';
import { isBkpsdm, isOpdAdminOf } from '../common/access';
import { forbidden } from '../common/personnel.messages';
import { isUuid } from '../common/refs';
import { ImportMessages } from './import.messages';
import type { ImportRowError, ImportStatus, ImportSummary } from './infrastructure/import-job.entity';
import { ImportJobRepository } from './infrastructure/import-job.repository';

export interface ImportJobView {
  id: string;
  status: ImportStatus;
  dryRun: boolean;
  format: string;
  fileName: string | null;
  fileSha256: string | null;
  fileBytes: number;
  rowsTotal: number | null;
  rowsProcessed: number;
  /** 0–1 within the current phase (validating, then saving). */
  progress: number | null;
  errorCount: number;
  errors: ImportRowError[];
  summary: ImportSummary | null;
  failure: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** Who may import: BKPSDM for the city, an OPD admin for their OPD (the returned scope). */
export function importScopeOf(p: Principal): string | null {
  if (isBkpsdm(p)) return null;
  if (p.opd && isOpdAdminOf(p, p.opd)) return p.opd;
  throw forbidden('importScope');
}

/** Reads of import jobs: one with its errors, or the latest page. */
@Injectable()
export class ImportQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: ImportJobRepository,
  ) {}

  async get(p: Principal, id: string): Promise<ImportJobView> {
    const job = isUuid(id) ? await this.jobs.find(this.dataSource.manager, id) : null;
    if (!job) throw ImportMessages.error('IMPOR_TIDAK_DITEMUKAN', { ref: id });
    if (!isBkpsdm(p) && job.created_by !== p.subject && !(job.scope_opd && isOpdAdminOf(p, job.scope_opd))) throw forbidden('importJob');
    return this.view(id);
  }

  async list(p: Principal, q: { page: number; size: number; offset: number }): Promise<Page<ImportJobView>> {
    const scope = importScopeOf(p);
    const { total, ids } = await this.jobs.page(this.dataSource.manager, scope ? { opd: scope, subject: p.subject } : null, q.size, q.offset);
    const views = [];
    for (const id of ids) views.push({ ...(await this.view(id)), errors: [] });
    return toPage(views, total, q);
  }

  async view(id: string): Promise<ImportJobView> {
    const j = (await this.jobs.find(this.dataSource.manager, id))!;
    const total = j.rows_total === null ? null : Number(j.rows_total);
    return {
      id: j.id,
      status: j.status,
      dryRun: j.dry_run,
      format: j.format,
      fileName: j.file_name,
      fileSha256: j.file_sha256,
      fileBytes: Number(j.file_bytes),
      rowsTotal: total,
      rowsProcessed: Number(j.rows_processed),
      progress: total ? Math.min(1, Number(j.rows_processed) / Math.max(1, total)) : j.status === 'BERHASIL' ? 1 : null,
      errorCount: Number(j.error_count),
      errors: j.errors,
      summary: j.summary,
      failure: j.failure,
      createdAt: new Date(j.created_at).toISOString(),
      startedAt: j.started_at ? new Date(j.started_at).toISOString() : null,
      finishedAt: j.finished_at ? new Date(j.finished_at).toISOString() : null,
    };
  }
}
