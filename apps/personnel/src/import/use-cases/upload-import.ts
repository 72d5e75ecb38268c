import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { ViolationError } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { ProblemException } from '@capaian/shared/http';
import { LeaseNamespace, ProcessLease } from '@capaian/shared/persistence';
import { DataSource } from 'typeorm';
import { actorOf } from '../../common/access';
import { readAfterCommit, type SavedWithoutView } from '../../common/after-commit';
import { ImportMessages } from '../import.messages';
import { importScopeOf, ImportQueries, type ImportJobView } from '../import.queries';
import { IMPORT_CONTENT_TYPES, IMPORT_SETTINGS, type ImportSettings } from '../import.settings';
import { ImportJobRepository } from '../infrastructure/import-job.repository';
import { UploadInspector } from '../infrastructure/import-readers';
import { RunImport } from './run-import';

/**
 * Receives an import file: streamed to disk (the body never sits in memory), measured, hashed and
 * looked at on the way, then answered at once with the job, which runs in the background. A file
 * that cannot be what its Content-Type says (binary "CSV", damaged workbook) is refused here.
 */
@Injectable()
export class UploadImport implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(IMPORT_SETTINGS) private readonly settings: ImportSettings,
    private readonly jobs: ImportJobRepository,
    private readonly runner: RunImport,
    private readonly queries: ImportQueries,
    private readonly adapterHost: HttpAdapterHost,
    private readonly lease: ProcessLease,
  ) {}

  /** The request body of an import is handed over as a stream (no multipart: @fastify/multipart is not a dependency). */
  onModuleInit(): void {
    const fastify = this.adapterHost?.httpAdapter?.getInstance?.();
    if (!fastify || typeof fastify.addContentTypeParser !== 'function') return;
    for (const type of Object.keys(IMPORT_CONTENT_TYPES)) {
      if (!fastify.hasContentTypeParser(type)) fastify.addContentTypeParser(type, (_req: unknown, payload: Readable, done: (e: Error | null, body?: unknown) => void) => done(null, payload));
    }
  }

  async execute(p: Principal, body: unknown, contentType: string | undefined, options: { dryRun: boolean; fileName?: string }): Promise<ImportJobView | SavedWithoutView> {
    const scope = importScopeOf(p);
    const mime = (contentType ?? '').split(';')[0].trim().toLowerCase();
    const format = IMPORT_CONTENT_TYPES[mime];
    if (!format || !body || typeof (body as Readable).pipe !== 'function') {
      throw new ProblemException(415, 'JENIS_BERKAS_TIDAK_DIDUKUNG', 'Kirim berkas sebagai isi permintaan dengan Content-Type text/csv atau XLSX', {
        detail: `Content-Type yang didukung: ${Object.keys(IMPORT_CONTENT_TYPES).join(', ')}`,
      });
    }
    const actor = actorOf(p);
    const id = randomUUID();
    await mkdir(this.settings.dir, { recursive: true });
    const path = join(this.settings.dir, `${id}.${format}`);
    const hash = createHash('sha256');
    const inspector = new UploadInspector(format);
    let bytes = 0;
    const limit = this.settings.maxBytes;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        bytes += chunk.length;
        if (bytes > limit) return cb(ImportMessages.error('BERKAS_TERLALU_BESAR', { batas: `${Math.round(limit / 1024 / 1024)} MB` }));
        hash.update(chunk);
        inspector.push(chunk);
        cb(null, chunk);
      },
    });
    try {
      await pipeline(body as Readable, meter, createWriteStream(path));
    } catch (e) {
      await rm(path, { force: true });
      if (e instanceof ViolationError) throw e;
      throw ImportMessages.error('UNGGAHAN_TERPUTUS');
    }
    if (bytes === 0) {
      await rm(path, { force: true });
      throw ImportMessages.error('BERKAS_KOSONG');
    }
    const refused = inspector.verdict();
    if (refused) {
      await rm(path, { force: true });
      throw new ViolationError(refused);
    }
    // Held from before the job exists until it ends (RunImport.start releases it): a job whose lock
    // is free was abandoned by a stopped process (FailInterruptedImports).
    try {
      await this.lease.tryHold(LeaseNamespace.importJob, id);
      await this.jobs.create(this.dataSource.manager, id, { format, actor, scope, ...options, sha256: hash.digest('hex'), bytes });
    } catch (e) {
      await this.lease.release(LeaseNamespace.importJob, id);
      await rm(path, { force: true });
      throw e;
    }
    // The answer is the job as accepted; it is read before the job starts so that it never races it.
    const accepted = await readAfterCommit(id, () => this.queries.view(id));
    this.runner.start(id, path, format, actor, scope, options.dryRun);
    return accepted;
  }
}
