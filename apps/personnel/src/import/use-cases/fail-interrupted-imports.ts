import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LeaseNamespace, ProcessLease } from '@capaian/shared/persistence';
import { DataSource } from 'typeorm';
import { IMPORT_INTERRUPTED_TEXT } from '../import.messages';
import { IMPORT_SETTINGS, type ImportSettings } from '../import.settings';
import { ImportJobRepository } from '../infrastructure/import-job.repository';

/**
 * At start-up, ends the import jobs that a stopped process left waiting or running, so that their
 * users see GAGAL with the reason and can upload again instead of watching a job that never moves.
 * A job is held through the ProcessLease for as long as a process works on it (from before its row
 * exists until it ends), and that lock dies with the process: a job whose lock can be taken is
 * nobody's any more. Jobs another living replica runs keep their lock and are left alone.
 */
@Injectable()
export class FailInterruptedImports implements OnApplicationBootstrap {
  private readonly logger = new Logger('FailInterruptedImports');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(IMPORT_SETTINGS) private readonly settings: ImportSettings,
    private readonly jobs: ImportJobRepository,
    private readonly lease: ProcessLease,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      const failed = await this.execute();
      if (failed.length > 0) this.logger.warn({ msg: 'import jobs interrupted by a stop marked failed', jobs: failed });
    } catch (e) {
      // Not a reason to refuse the start: the next start looks again.
      this.logger.error(`looking for interrupted import jobs failed: ${(e as Error).message}`);
    }
  }

  /** Marks every abandoned unfinished job failed; returns their ids. */
  async execute(): Promise<string[]> {
    const m = this.dataSource.manager;
    const failed: string[] = [];
    for (const job of await this.jobs.unfinished(m)) {
      if (!(await this.lease.tryHold(LeaseNamespace.importJob, job.id))) continue;
      try {
        if (await this.jobs.markInterrupted(m, job.id, IMPORT_INTERRUPTED_TEXT)) failed.push(job.id);
        // The uploaded file waited for the job on this machine's disk; it is of no use now.
        await rm(join(this.settings.dir, `${job.id}.${job.format}`), { force: true });
      } finally {
        await this.lease.release(LeaseNamespace.importJob, job.id);
      }
    }
    return failed;
  }
}
