import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { todayInJakarta, type IsoDate } from '@capaian/kinerja';
import { LeaseNamespace, ProcessLease } from '@capaian/shared/persistence';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/access';
import { planImport } from '../domain/import-plan';
import { mapHeader, parseImportRow, rowViolation, type HeaderMap, type ImportField, type ImportRow, type RowViolation } from '../domain/import-row';
import { IMPORT_FAILED_TEXT, ImportMessages } from '../import.messages';
import { ImportQueries, type ImportJobView } from '../import.queries';
import { IMPORT_SETTINGS, type ImportSettings } from '../import.settings';
import { EmployeeBulkWriter } from '../infrastructure/employee-bulk-writer';
import type { ImportSummary } from '../infrastructure/import-job.entity';
import { ImportJobRepository } from '../infrastructure/import-job.repository';
import { loadPlanFacts, positionsOverCapacity } from '../infrastructure/import-plan.queries';
import { countDataRows, readRows, UnreadableFileError, type ImportFormat } from '../infrastructure/import-readers';

const PROGRESS_EVERY = 2000;

/** The save found the data changed under it: nothing is written and the user is told to retry. */
class ChangedDuringImport extends Error {}

/**
 * The import job: streams the rows, checks each one (formats, NIP rules, golongan), plans the whole
 * file against the database with the pure `planImport`, and — unless it is a dry run or anything is
 * wrong — writes everything in ONE transaction (all or nothing). Rows equal to what is stored change
 * nothing, so re-importing the same file is a no-op. A file the parser cannot read is refused
 * (DITOLAK) with a message for the user; only a failure of ours ends as GAGAL.
 * Accounts are not created for imported employees (bulk loads would hammer Keycloak); provision
 * them one by one with POST /employees/{id}/account when needed.
 */
@Injectable()
export class RunImport implements OnApplicationShutdown {
  private readonly logger = new Logger('RunImport');
  private readonly running = new Set<Promise<void>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(IMPORT_SETTINGS) private readonly settings: ImportSettings,
    private readonly jobs: ImportJobRepository,
    private readonly writer: EmployeeBulkWriter,
    private readonly queries: ImportQueries,
    private readonly lease: ProcessLease,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    // A job in flight finishes (or rolls back) before the database closes.
    await Promise.allSettled([...this.running]);
  }

  /**
   * Runs an uploaded job in the background; the file is removed afterwards, and the job's lease
   * lock (taken by the upload before the job was created) is given up.
   */
  start(id: string, path: string, format: ImportFormat, actor: Actor, scope: string | null, dryRun: boolean): void {
    const job = this.run(id, path, format, actor, scope, dryRun)
      .catch((e) => this.logger.error(`import ${id} crashed: ${(e as Error).message}`, (e as Error).stack))
      .finally(async () => {
        this.running.delete(job);
        await this.lease.release(LeaseNamespace.importJob, id);
        await rm(path, { force: true }).catch(() => undefined);
      });
    this.running.add(job);
  }

  /** Resolves when no job is running in this process any more (tests, seed). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  /** Imports a file already on disk and waits for the outcome (demo data loader, benchmarks); the file stays. */
  async importFile(path: string, format: ImportFormat, actor: Actor, options: { dryRun?: boolean; fileName?: string; scope?: string | null } = {}): Promise<ImportJobView> {
    const id = randomUUID();
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      bytes += chunk.length;
    }
    const scope = options.scope ?? null;
    await this.lease.tryHold(LeaseNamespace.importJob, id);
    try {
      await this.jobs.create(this.dataSource.manager, id, { format, actor, scope, dryRun: options.dryRun ?? false, fileName: options.fileName, sha256: hash.digest('hex'), bytes });
      await this.run(id, path, format, actor, scope, options.dryRun ?? false);
    } finally {
      await this.lease.release(LeaseNamespace.importJob, id);
    }
    return this.queries.view(id);
  }

  async run(id: string, path: string, format: ImportFormat, actor: Actor, scope: string | null, dryRun: boolean): Promise<void> {
    const m = this.dataSource.manager;
    const record = (progress: Parameters<ImportJobRepository['record']>[2]) => this.jobs.record(m, id, progress);
    const today = todayInJakarta();
    const started = Date.now();
    await record({ status: 'MEMVALIDASI', started_at: new Date(), rows_total: await countDataRows(path, format) });
    const errors: RowViolation[] = [];
    let errorCount = 0;
    const report = (list: readonly RowViolation[]) => {
      errorCount += list.length;
      for (const e of list) if (errors.length < this.settings.maxStoredErrors) errors.push(e);
    };
    const refuse = () => record({ status: 'DITOLAK', error_count: errorCount, errors, finished_at: new Date() });
    try {
      // Phase 1: each row on its own.
      let parsed: { rows: ImportRow[]; headerOk: boolean; processed: number };
      try {
        parsed = await this.parse(path, format, today, report, (processed) => record({ rows_processed: processed, error_count: errorCount }));
      } catch (e) {
        if (!(e instanceof UnreadableFileError)) throw e;
        this.logger.warn(`import ${id} refused, unreadable file: ${e.parserMessage}`);
        report([e.violation]);
        await refuse();
        return;
      }
      await record({ rows_processed: parsed.processed, rows_total: parsed.processed, error_count: errorCount });
      const parseMs = Date.now() - started;
      // Phase 2: the whole file against the database. It also runs over the valid rows of a file
      // that has invalid ones, so the user gets every error in one go.
      if (!parsed.headerOk || parsed.rows.length === 0) return void (await refuse());
      const facts = await loadPlanFacts(m, [...new Set(parsed.rows.map((r) => r.positionCode))], parsed.rows.map((r) => r.nip));
      const plan = planImport(parsed.rows, { ...facts, scope, today, newId: randomUUID });
      report(plan.errors);
      if (errorCount > 0) return void (await refuse());
      const summary: ImportSummary = { created: plan.creates.length, updated: plan.updates.length, unchanged: plan.unchanged };
      if (dryRun || (plan.creates.length === 0 && plan.updates.length === 0)) {
        await record({ status: 'BERHASIL', summary, finished_at: new Date() });
        return;
      }
      const planMs = Date.now() - started - parseMs;
      await record({ status: 'MENYIMPAN', rows_processed: 0, rows_total: plan.creates.length + plan.updates.length });
      await this.dataSource.transaction(async (tx) => {
        const over = await positionsOverCapacity(tx, plan.arrivals);
        if (over.length > 0) throw new ChangedDuringImport(ImportMessages.violation('JABATAN_BERUBAH_SELAMA_IMPOR', { codes: over.join(', ') }).message);
        await this.writer.commit(tx, plan, { actor, reason: `Impor ${id}`, progress: (written) => record({ rows_processed: written }) });
      });
      const commitMs = Date.now() - started - parseMs - planMs;
      this.logger.log({ msg: `import ${id} committed`, rows: parsed.rows.length, ...summary, parseMs, planMs, commitMs });
      await record({ status: 'BERHASIL', summary, rows_processed: plan.creates.length + plan.updates.length, finished_at: new Date() });
    } catch (e) {
      this.logger.error(`import ${id} failed: ${(e as Error).message}`, (e as Error).stack);
      // What the user reads is ours, in Bahasa Indonesia; the technical cause is in the log.
      const failure =
        e instanceof ChangedDuringImport
          ? e.message
          : (e as { code?: string }).code === '23505'
            ? ImportMessages.violation('NIP_BERUBAH_SELAMA_IMPOR').message
            : IMPORT_FAILED_TEXT;
      await record({ status: 'GAGAL', failure, error_count: errorCount, errors, finished_at: new Date() });
    }
  }

  private async parse(
    path: string,
    format: ImportFormat,
    today: IsoDate,
    report: (errors: readonly RowViolation[]) => void,
    progress: (processed: number) => Promise<void>,
  ): Promise<{ rows: ImportRow[]; headerOk: boolean; processed: number }> {
    const rows: ImportRow[] = [];
    let header: HeaderMap | null = null;
    let processed = 0;
    for await (const raw of readRows(path, format)) {
      if (!header) {
        header = mapHeader(raw.cells);
        report(header.errors);
        if (header.errors.length > 0) break;
        continue;
      }
      const values: Partial<Record<ImportField, unknown>> = {};
      for (const [field, { index }] of header.columns) values[field] = raw.cells[index];
      const parsed = parseImportRow(raw.row, values, header, { referenceDate: today });
      if (parsed.row) rows.push(parsed.row);
      report(parsed.errors);
      processed++;
      if (processed % PROGRESS_EVERY === 0) await progress(processed);
    }
    if (!header) report([rowViolation(1, '-', 'BERKAS_TANPA_DATA', { what: 'baris judul maupun data' })]);
    else if (processed === 0 && header.errors.length === 0) report([rowViolation(2, '-', 'BERKAS_TANPA_DATA', { what: 'baris data' })]);
    return { rows, headerOk: header !== null && header.errors.length === 0, processed };
  }
}
