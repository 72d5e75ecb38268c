import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { todayInJakarta, type IsoDate } from '@capaian/kinerja';
import { LeaseNamespace, ProcessLease } from '@capaian/shared/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/access';
import { ImportPlanner, type ChunkFacts, type PositionFacts } from '../domain/import-plan';
import { mapHeader, parseImportRow, rowViolation, type HeaderMap, type ImportField, type ImportRow, type RowViolation } from '../domain/import-row';
import { IMPORT_FAILED_TEXT, ImportMessages } from '../import.messages';
import { ImportQueries, type ImportJobView } from '../import.queries';
import { IMPORT_SETTINGS, type ImportSettings } from '../import.settings';
import { EmployeeBulkWriter } from '../infrastructure/employee-bulk-writer';
import type { ImportSummary } from '../infrastructure/import-job.entity';
import { ImportJobRepository, type ImportJobProgress } from '../infrastructure/import-job.repository';
import { loadPlanFacts, positionsOverCapacity } from '../infrastructure/import-plan.queries';
import { countDataRows, readRows, UnreadableFileError, type ImportFormat } from '../infrastructure/import-readers';

const PROGRESS_EVERY = 2000;
/** Imports writing fewer rows leave the statistics to autovacuum. */
const ANALYZE_FROM_ROWS = 1000;
/** Rows planned (and written) per round of database reads. */
const PLAN_CHUNK = 5000;

/** The save found the data changed under it: nothing is written and the user is told to retry. */
class ChangedDuringImport extends Error {}

/**
 * The import job: streams the rows, checks each one (formats, NIP rules, golongan), plans the whole
 * file against the database with the pure `ImportPlanner`, a chunk at a time, and — unless it is a
 * dry run or anything is wrong — reads the file again and writes everything in ONE transaction (all
 * or nothing). Memory stays flat in the file's size: rows live one chunk at a time. Rows equal to what is stored change
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
    const progress = new ProgressWrites((p) => this.jobs.record(m, id, p), this.logger);
    // Anything else recorded waits for the progress written before it, so an older figure never lands after it.
    const record = async (p: ImportJobProgress) => {
      await progress.flush();
      await this.jobs.record(m, id, p);
    };
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
      const positions = new PositionCache();
      const updatedIds: string[] = [];
      let read: ReadOutcome;
      let summary: ImportSummary;
      let arrivals: ReturnType<ImportPlanner['arrivals']>;
      let touchedPositions: ReturnType<ImportPlanner['touchedPositions']>;
      // The first plan lives in this block only: the planner (every NIP of the file) is let go once
      // phase 3 has what it needs of it, so the second plan does not hold a second copy through the write.
      {
        // Phase 1: each row on its own and, a chunk at a time, against the database. Only what the
        // plan must know across the whole file is kept (ImportPlanner), never the rows themselves.
        const planner = new ImportPlanner({ scope, today, newId: randomUUID });
        try {
          read = await this.readChunks(path, format, today, report, async (rows) => {
            const chunk = planner.add(rows, await positions.factsFor(m, rows));
            for (const u of chunk.updates) updatedIds.push(u.id);
          }, (processed) => progress.push({ rows_processed: processed, error_count: errorCount }));
        } catch (e) {
          if (!(e instanceof UnreadableFileError)) throw e;
          this.logger.warn(`import ${id} refused, unreadable file: ${e.parserMessage}`);
          report([e.violation]);
          await refuse();
          return;
        }
        await record({ rows_processed: read.processed, rows_total: read.processed, error_count: errorCount });
        // Phase 2: what holds for the whole file (capacity); every error reported in one go.
        if (!read.headerOk || read.valid === 0) return void (await refuse());
        report(planner.finish());
        if (errorCount > 0) return void (await refuse());
        summary = { created: planner.totals.creates, updated: planner.totals.updates, unchanged: planner.totals.unchanged };
        arrivals = planner.arrivals();
        touchedPositions = planner.touchedPositions();
      }
      if (dryRun || (summary.created === 0 && summary.updated === 0)) {
        await record({ status: 'BERHASIL', summary, finished_at: new Date() });
        return;
      }
      const planMs = Date.now() - started;
      // Phase 3: the file read again, chunk by chunk, and written in ONE transaction (all or nothing).
      await record({ status: 'MENYIMPAN', rows_processed: 0, rows_total: summary.created + summary.updated });
      await this.dataSource.transaction(async (tx) => {
        // The chunks' lookups by id and NIP find a few thousand rows among those this transaction
        // has just written, all in memory. At the default cost of a random page the planner scans
        // whole tables for them instead (more so with statistics from before the import), and each
        // chunk then costs more than the one before: the job grew with the square of its rows.
        await tx.query('SET LOCAL random_page_cost = 1.1');
        const over = await positionsOverCapacity(tx, arrivals);
        if (over.length > 0) throw new ChangedDuringImport(ImportMessages.violation('JABATAN_BERUBAH_SELAMA_IMPOR', { codes: over.join(', ') }).message);
        const write = await this.writer.begin(
          tx,
          { positionIds: touchedPositions, updatedIds },
          { actor, reason: `Impor ${id}`, progress: (written) => progress.push({ rows_processed: written }) },
        );
        // The same rows planned again against the employees as the transaction sees them, with the
        // positions as phase 1 saw them (their occupants were re-checked under lock just above).
        const again = new ImportPlanner({ scope, today, newId: randomUUID });
        await this.readChunks(path, format, today, () => undefined, async (rows) => {
          const chunk = again.add(rows, { positions: positions.known, employees: (await loadPlanFacts(tx, [], rows.map((r) => r.nip))).employees });
          if (again.errorCount > 0) throw new ChangedDuringImport(ImportMessages.violation('DATA_BERUBAH_SELAMA_IMPOR').message);
          await write.write(chunk.creates, chunk.updates);
        });
        const same = again.totals;
        if (same.creates !== summary.created || same.updates !== summary.updated || same.unchanged !== summary.unchanged) {
          throw new ChangedDuringImport(ImportMessages.violation('DATA_BERUBAH_SELAMA_IMPOR').message);
        }
        await write.finish();
      });
      const commitMs = Date.now() - started - planMs;
      const analyzeMs = await this.analyze(summary.created + summary.updated);
      this.logger.log({ msg: `import ${id} committed`, rows: read.processed, ...summary, planMs, commitMs, analyzeMs });
      await record({ status: 'BERHASIL', summary, rows_processed: summary.created + summary.updated, finished_at: new Date() });
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

  /**
   * Refreshes the planner's statistics of the tables a large import filled, once it is committed:
   * until autovacuum gets to them, the stale figures made the page of employees sort the whole
   * table. ANALYZE takes a lock that blocks neither reads nor writes and samples a bounded number
   * of rows, so it costs well under a second even for 100,000 rows; a failure only costs the
   * statistics, never the import. Returns the time it took (null when skipped).
   */
  private async analyze(written: number): Promise<number | null> {
    if (written < ANALYZE_FROM_ROWS) return null;
    const t0 = Date.now();
    try {
      // Only other maintenance (autovacuum, which gives way, or a manual VACUUM) can make it wait; never for long.
      await this.dataSource.transaction(async (m) => {
        await m.query(`SET LOCAL lock_timeout = '5s'`);
        await m.query('ANALYZE employee, employee_history, outbox');
      });
    } catch (e) {
      this.logger.warn(`ANALYZE after an import failed: ${(e as Error).message}`);
    }
    return Date.now() - t0;
  }

  /**
   * Streams the file's rows, checks each one, and hands the valid ones over in chunks of PLAN_CHUNK,
   * in order. The next chunk is read and checked while the database works on the one before: its
   * handling runs on, awaited only before the next chunk is handed over (one chunk in flight).
   */
  private async readChunks(
    path: string,
    format: ImportFormat,
    today: IsoDate,
    report: (errors: readonly RowViolation[]) => void,
    onChunk: (rows: ImportRow[]) => Promise<void>,
    progress?: (processed: number) => Promise<void> | void,
  ): Promise<ReadOutcome> {
    let chunk: ImportRow[] = [];
    let header: HeaderMap | null = null;
    let processed = 0;
    let valid = 0;
    let inFlight: Promise<void> | null = null;
    const handOver = async (rows: ImportRow[]) => {
      await inFlight;
      inFlight = onChunk(rows);
      // A failure surfaces where the chunk is awaited (next hand-over or the end), not as unhandled meanwhile.
      inFlight.catch(() => undefined);
    };
    try {
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
        if (parsed.row) {
          chunk.push(parsed.row);
          valid++;
        }
        report(parsed.errors);
        processed++;
        if (chunk.length >= PLAN_CHUNK) {
          await handOver(chunk);
          chunk = [];
        }
        if (progress && processed % PROGRESS_EVERY === 0) await progress(processed);
      }
      if (chunk.length > 0 && header && header.errors.length === 0) await handOver(chunk);
    } finally {
      // Never leave with a chunk still being handled (an unreadable file fails with its own error).
      await (inFlight as Promise<void> | null)?.catch(() => undefined);
    }
    await inFlight;
    if (!header) report([rowViolation(1, '-', 'BERKAS_TANPA_DATA', { what: 'baris judul maupun data' })]);
    else if (processed === 0 && header.errors.length === 0) report([rowViolation(2, '-', 'BERKAS_TANPA_DATA', { what: 'baris data' })]);
    return { headerOk: header !== null && header.errors.length === 0, processed, valid };
  }
}

interface ReadOutcome {
  headerOk: boolean;
  processed: number;
  /** Rows that passed the checks of a single row. */
  valid: number;
}

/**
 * The job's progress, written beside the work instead of in its way: each write is a commit of its
 * own (a disk flush), which the rows being read or written need not wait for. At most one write is
 * in flight; a figure arriving meanwhile replaces any still waiting (only the newest matters).
 * A failed progress write is logged and does not stop the job.
 */
class ProgressWrites {
  private inFlight: Promise<void> | null = null;
  private waiting: ImportJobProgress | null = null;

  constructor(
    private readonly write: (progress: ImportJobProgress) => Promise<void>,
    private readonly logger: Logger,
  ) {}

  push(progress: ImportJobProgress): void {
    this.waiting = { ...this.waiting, ...progress };
    this.inFlight ??= this.drain();
  }

  /** Resolves once every figure pushed so far is written. */
  async flush(): Promise<void> {
    await this.inFlight;
  }

  private async drain(): Promise<void> {
    while (this.waiting) {
      const next = this.waiting;
      this.waiting = null;
      await this.write(next).catch((e) => this.logger.warn(`progress not recorded: ${(e as Error).message}`));
    }
    this.inFlight = null;
  }
}

/** Positions by code, loaded once per code for the whole file (there are far fewer positions than rows). */
class PositionCache {
  readonly known = new Map<string, PositionFacts>();
  private readonly absent = new Set<string>();

  /** The facts a chunk is planned against: its positions (cached) and its stored employees. */
  async factsFor(m: EntityManager, rows: readonly ImportRow[]): Promise<ChunkFacts> {
    const missing = [...new Set(rows.map((r) => r.positionCode))].filter((code) => !this.known.has(code) && !this.absent.has(code));
    const facts = await loadPlanFacts(m, missing, rows.map((r) => r.nip));
    for (const [code, position] of facts.positions) this.known.set(code, position);
    for (const code of missing) if (!this.known.has(code)) this.absent.add(code);
    return { positions: this.known, employees: facts.employees };
  }
}
