import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { golonganRank, todayInJakarta, type IsoDate, type JenisAsn, type JenisJabatan } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { ProblemException, toPage, type Page } from '@capaian/shared/http';
import { DataSource } from 'typeorm';
import { actorOf, isBkpsdm, isOpdAdminOf, type Actor } from '../common/access';
import { forbidden, NotFound } from '../common/problems';
import { isUuid } from '../common/refs';
import { checkJabatanForJenisAsn, checkJenisAsnChange } from '../employee/domain/employee.rules';
import type { PersonnelConfig } from '../personnel.config';
import { mapHeader, parseImportRow, type HeaderMap, type ImportField, type ImportRow, type RowError } from './domain/import-row';
import { EmployeeBulkWriter, type EmployeeUpdate, type NewEmployee } from './infrastructure/employee-bulk-writer';
import type { ImportJobEntity, ImportStatus, ImportSummary } from './infrastructure/import-job.entity';
import { countDataRows, readRows, type ImportFormat } from './infrastructure/import-readers';

export const IMPORT_SETTINGS = Symbol('IMPORT_SETTINGS');
export type ImportSettings = PersonnelConfig['imports'];

export const IMPORT_CONTENT_TYPES: Record<string, ImportFormat> = {
  'text/csv': 'csv',
  'application/csv': 'csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

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
  errors: RowError[];
  summary: ImportSummary | null;
  failure: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

interface PositionInfo {
  id: string;
  code: string;
  unit_id: string;
  opd_id: string | null;
  opd_code: string | null;
  status: string;
  capacity: number;
  jenis_jabatan: JenisJabatan;
  first_valid: string;
  occupied: number;
}

interface ExistingEmployee {
  id: string;
  nip: string;
  name: string;
  email: string | null;
  jenis_asn: JenisAsn;
  golongan: string | null;
  position_id: string | null;
  status: string;
  tmt_jabatan: string | null;
  valid_from: string;
  opd_code: string | null;
}

const PROGRESS_EVERY = 2000;

/**
 * Bulk import of employees from CSV or XLSX. The upload is streamed to a file (so the request body
 * never sits in memory) and answered at once with a job; the job then streams the rows, validates
 * every one (all errors, by row and column), checks them against the database, and — unless it is a
 * dry run or any row is wrong — writes everything in ONE transaction (all or nothing). Rows equal to
 * what is stored change nothing, so re-importing the same file is a no-op.
 * Accounts are not created for imported employees (bulk loads would hammer Keycloak); provision
 * them one by one with POST /employees/{id}/account when needed.
 */
@Injectable()
export class ImportService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('ImportService');
  private readonly running = new Set<Promise<void>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(IMPORT_SETTINGS) private readonly settings: ImportSettings,
    private readonly writer: EmployeeBulkWriter,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  /** The request body of an import is handed over as a stream (no multipart: @fastify/multipart is not a dependency). */
  onModuleInit(): void {
    const fastify = this.adapterHost?.httpAdapter?.getInstance?.();
    if (!fastify || typeof fastify.addContentTypeParser !== 'function') return;
    for (const type of Object.keys(IMPORT_CONTENT_TYPES)) {
      if (!fastify.hasContentTypeParser(type)) fastify.addContentTypeParser(type, (_req: unknown, payload: Readable, done: (e: Error | null, body?: unknown) => void) => done(null, payload));
    }
  }

  async onApplicationShutdown(): Promise<void> {
    // A job in flight finishes (or rolls back) before the database closes.
    await Promise.allSettled([...this.running]);
  }

  private scopeOf(p: Principal): string | null {
    if (isBkpsdm(p)) return null;
    if (p.opd && isOpdAdminOf(p, p.opd)) return p.opd;
    throw forbidden('Impor pegawai hanya untuk admin BKPSDM atau admin OPD');
  }

  async accept(p: Principal, body: unknown, contentType: string | undefined, options: { dryRun: boolean; fileName?: string }): Promise<ImportJobView> {
    const scope = this.scopeOf(p);
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
    let bytes = 0;
    const limit = this.settings.maxBytes;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        bytes += chunk.length;
        if (bytes > limit) return cb(new ProblemException(413, 'BERKAS_TERLALU_BESAR', `Berkas lebih dari ${Math.round(limit / 1024 / 1024)} MB`));
        hash.update(chunk);
        cb(null, chunk);
      },
    });
    try {
      await pipeline(body as Readable, meter, createWriteStream(path));
    } catch (e) {
      await rm(path, { force: true });
      if (e instanceof ProblemException) throw e;
      throw new ProblemException(400, 'UNGGAHAN_TERPUTUS', 'Berkas tidak diterima utuh; ulangi unggahan');
    }
    if (bytes === 0) {
      await rm(path, { force: true });
      throw new ProblemException(400, 'BERKAS_KOSONG', 'Berkas yang dikirim kosong');
    }
    await this.createJob(id, format, actor, scope, { ...options, sha256: hash.digest('hex'), bytes });
    const job = this.run(id, path, format, actor, scope, options.dryRun)
      .catch((e) => this.logger.error(`import ${id} crashed: ${(e as Error).message}`, (e as Error).stack))
      .finally(() => {
        this.running.delete(job);
        void rm(path, { force: true });
      });
    this.running.add(job);
    return this.view(id);
  }

  private async createJob(id: string, format: ImportFormat, actor: Actor, scope: string | null, o: { dryRun: boolean; fileName?: string; sha256: string; bytes: number }) {
    await this.dataSource.query(
      `INSERT INTO import_job (id, status, dry_run, format, file_name, file_sha256, file_bytes, created_by, created_by_nip, scope_opd)
       VALUES ($1, 'MENUNGGU', $2, $3, $4, $5, $6, $7, $8, $9)`,
      [id, o.dryRun, format, o.fileName?.slice(0, 255) ?? null, o.sha256, o.bytes, actor.subject, actor.nip, scope],
    );
  }

  /**
   * Imports a file already on disk and waits for the outcome (demo data loader, benchmarks).
   * The file is left in place.
   */
  async importFile(path: string, format: ImportFormat, actor: Actor, options: { dryRun?: boolean; fileName?: string; scope?: string | null } = {}): Promise<ImportJobView> {
    const id = randomUUID();
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      bytes += chunk.length;
    }
    await this.createJob(id, format, actor, options.scope ?? null, { dryRun: options.dryRun ?? false, fileName: options.fileName, sha256: hash.digest('hex'), bytes });
    await this.run(id, path, format, actor, options.scope ?? null, options.dryRun ?? false);
    return this.view(id);
  }

  /** Resolves when the job is no longer running in this process (tests, seed). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  async get(p: Principal, id: string): Promise<ImportJobView> {
    if (!isUuid(id)) throw NotFound.importJob(id);
    const [row] = await this.dataSource.query(`SELECT created_by, scope_opd FROM import_job WHERE id = $1`, [id]);
    if (!row) throw NotFound.importJob(id);
    if (!isBkpsdm(p) && row.created_by !== p.subject && !(row.scope_opd && isOpdAdminOf(p, row.scope_opd))) throw forbidden('Anda tidak berhak melihat impor ini');
    return this.view(id);
  }

  async list(p: Principal, q: { page: number; size: number; offset: number }): Promise<Page<ImportJobView>> {
    const scope = this.scopeOf(p);
    const where = scope ? `WHERE scope_opd = $1 OR created_by = $2` : '';
    const params = scope ? [scope, p.subject] : [];
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM import_job ${where}`, params);
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM import_job ${where} ORDER BY created_at DESC LIMIT ${q.size} OFFSET ${q.offset}`, params);
    const views = [];
    for (const r of rows) views.push({ ...(await this.view(r.id)), errors: [] });
    return toPage(views, total, q);
  }

  private async view(id: string): Promise<ImportJobView> {
    const [j] = await this.dataSource.query(`SELECT * FROM import_job WHERE id = $1`, [id]);
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

  private async update(id: string, fields: Partial<Record<keyof ImportJobEntity | string, unknown>>): Promise<void> {
    const columns = Object.keys(fields);
    await this.dataSource.query(
      `UPDATE import_job SET ${columns.map((c, i) => `${c} = $${i + 2}${c === 'errors' || c === 'summary' ? '::jsonb' : ''}`).join(', ')} WHERE id = $1`,
      [id, ...columns.map((c) => (c === 'errors' || c === 'summary' ? JSON.stringify(fields[c]) : fields[c]))],
    );
  }

  /** The job: parse and validate every row, check against the database, then commit all or nothing. */
  async run(id: string, path: string, format: ImportFormat, actor: Actor, scope: string | null, dryRun: boolean): Promise<void> {
    const today = todayInJakarta();
    const started = Date.now();
    const timings: Record<string, number> = {};
    await this.update(id, { status: 'MEMVALIDASI', started_at: new Date(), rows_total: await countDataRows(path, format) });
    const errors: RowError[] = [];
    let errorCount = 0;
    const report = (list: RowError[]) => {
      errorCount += list.length;
      for (const e of list) if (errors.length < this.settings.maxStoredErrors) errors.push(e);
    };
    try {
      // Phase 1: stream the rows; each is checked on its own (formats, NIP rules, golongan).
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
        if (processed % PROGRESS_EVERY === 0) await this.update(id, { rows_processed: processed, error_count: errorCount });
      }
      if (!header) report([{ row: 1, column: '-', code: 'BERKAS_TANPA_DATA', message: 'Berkas tidak memiliki baris judul maupun data' }]);
      else if (processed === 0 && header.errors.length === 0) report([{ row: 2, column: '-', code: 'BERKAS_TANPA_DATA', message: 'Berkas tidak memiliki baris data' }]);
      await this.update(id, { rows_processed: processed, rows_total: processed, error_count: errorCount });

      timings.parseMs = Date.now() - started;
      // Phase 2: against the database — positions, duplicates, scope, capacity, what changes.
      // It also runs over the valid rows of a file that has invalid ones, so the user gets every
      // error of the file in one go instead of fixing it stage by stage.
      const headerOk = header !== null && header.errors.length === 0;
      const plan = headerOk && rows.length > 0 ? await this.plan(rows, scope, today, report) : null;
      if (errorCount > 0 || !plan) {
        await this.update(id, { status: 'DITOLAK', error_count: errorCount, errors, finished_at: new Date() });
        return;
      }
      const summary: ImportSummary = { created: plan.creates.length, updated: plan.updates.length, unchanged: plan.unchanged };
      if (dryRun || (plan.creates.length === 0 && plan.updates.length === 0)) {
        await this.update(id, { status: 'BERHASIL', summary, finished_at: new Date() });
        return;
      }
      timings.planMs = Date.now() - started - timings.parseMs;
      await this.update(id, { status: 'MENYIMPAN', rows_processed: 0, rows_total: plan.creates.length + plan.updates.length });
      await this.dataSource.transaction(async (m) => {
        // Capacity was checked outside the transaction; lock the positions and check again.
        const positionIds = [...new Set([...plan.creates.map((c) => c.positionId), ...plan.updates.filter((u) => u.position).map((u) => u.position!.positionId)])];
        await m.query(`SELECT id FROM position WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [positionIds]);
        const over = await m.query(
          `SELECT p.code FROM position p JOIN unnest($1::uuid[], $2::int[]) AS t(pid, n) ON t.pid = p.id
            WHERE t.n > 0 AND (SELECT count(*) FROM employee e WHERE e.position_id = p.id AND e.status IN ('AKTIF', 'CUTI')) + t.n > p.capacity`,
          [[...plan.arrivals.keys()], [...plan.arrivals.values()]],
        );
        if (over.length > 0) throw new Error(`jabatan ${over.map((o: { code: string }) => o.code).join(', ')} terisi oleh perubahan lain selama impor; ulangi impor`);
        await this.writer.commit(m, plan, {
          actor,
          reason: `Impor ${id}`,
          progress: (written) => this.update(id, { rows_processed: written }),
        });
      });
      timings.commitMs = Date.now() - started - timings.parseMs - timings.planMs;
      this.logger.log({ msg: `import ${id} committed`, rows: rows.length, ...summary, ...timings });
      await this.update(id, { status: 'BERHASIL', summary, rows_processed: plan.creates.length + plan.updates.length, finished_at: new Date() });
    } catch (e) {
      this.logger.error(`import ${id} failed: ${(e as Error).message}`, (e as Error).stack);
      const message = (e as { code?: string }).code === '23505' ? 'NIP yang sama didaftarkan oleh perubahan lain selama impor; ulangi impor' : (e as Error).message;
      await this.update(id, { status: 'GAGAL', failure: `Tidak ada data yang disimpan: ${message}`.slice(0, 2000), error_count: errorCount, errors, finished_at: new Date() });
    }
  }

  private async plan(
    rows: ImportRow[],
    scope: string | null,
    today: IsoDate,
    report: (errors: RowError[]) => void,
  ): Promise<{ creates: NewEmployee[]; updates: EmployeeUpdate[]; unchanged: number; arrivals: Map<string, number> } | null> {
    const m = this.dataSource.manager;
    const codes = [...new Set(rows.map((r) => r.positionCode))];
    const positions = new Map<string, PositionInfo>();
    for (let i = 0; i < codes.length; i += 5000) {
      const found: PositionInfo[] = await m.query(
        `SELECT p.id, p.code, p.unit_id, p.opd_id, o.code AS opd_code, p.status, p.capacity, p.jenis_jabatan,
                (SELECT min(h.valid_from)::text FROM position_history h WHERE h.position_id = p.id) AS first_valid,
                (SELECT count(*)::int FROM employee e WHERE e.position_id = p.id AND e.status IN ('AKTIF', 'CUTI')) AS occupied
           FROM position p LEFT JOIN org_unit o ON o.id = p.opd_id WHERE p.code = ANY($1::text[])`,
        [codes.slice(i, i + 5000)],
      );
      for (const p of found) positions.set(p.code, { ...p, capacity: Number(p.capacity), occupied: Number(p.occupied) });
    }
    const existing = new Map<string, ExistingEmployee>();
    const nips = rows.map((r) => r.nip);
    for (let i = 0; i < nips.length; i += 5000) {
      const found: ExistingEmployee[] = await m.query(
        `SELECT e.id, e.nip, e.name, e.email, e.jenis_asn, e.golongan, e.position_id, e.status, e.tmt_jabatan::text AS tmt_jabatan, e.valid_from::text AS valid_from, o.code AS opd_code
           FROM employee e LEFT JOIN org_unit o ON o.id = e.opd_id WHERE e.nip = ANY($1::text[])`,
        [nips.slice(i, i + 5000)],
      );
      for (const e of found) existing.set(e.nip, e);
    }

    const errors: RowError[] = [];
    const err = (row: ImportRow, column: string, code: string, message: string) => errors.push({ row: row.row, column, code, message });
    const seen = new Map<string, number>();
    const creates: NewEmployee[] = [];
    const updates: EmployeeUpdate[] = [];
    let unchanged = 0;
    const arrivals = new Map<string, number>();
    const departures = new Map<string, number>();
    const arrivalRows: { row: ImportRow; position: PositionInfo }[] = [];

    for (const row of rows) {
      const first = seen.get(row.nip);
      if (first !== undefined) {
        err(row, 'NIP', 'NIP_GANDA_DALAM_BERKAS', `NIP ${row.nip} sudah ada di baris ${first}`);
        continue;
      }
      seen.set(row.nip, row.row);
      const pos = positions.get(row.positionCode);
      if (!pos) {
        err(row, 'Kode Jabatan', 'JABATAN_TIDAK_DITEMUKAN', `Jabatan berkode ${row.positionCode} tidak ditemukan`);
        continue;
      }
      if (pos.status !== 'AKTIF') {
        err(row, 'Kode Jabatan', 'JABATAN_SUDAH_DITUTUP', `Jabatan ${pos.code} sudah ditutup`);
        continue;
      }
      if (scope && pos.opd_code !== scope) {
        err(row, 'Kode Jabatan', 'IMPOR_DI_LUAR_OPD', `Jabatan ${pos.code} bukan di OPD ${scope}`);
        continue;
      }
      const compat = checkJabatanForJenisAsn(row.jenisAsn, pos.jenis_jabatan);
      if (compat) {
        err(row, 'Kode Jabatan', compat.code, compat.message);
        continue;
      }
      const e = existing.get(row.nip);
      if (!e) {
        let effective = row.tmtJabatan ?? today;
        if (effective > today) effective = today;
        if (effective < pos.first_valid) effective = pos.first_valid;
        creates.push({
          id: randomUUID(),
          nip: row.nip,
          name: row.name,
          jenisAsn: row.jenisAsn,
          birthDate: row.birthDate,
          sex: row.sex,
          golongan: row.golongan,
          positionId: pos.id,
          unitId: pos.unit_id,
          opdId: pos.opd_id,
          email: row.email,
          tmtJabatan: row.tmtJabatan,
          status: row.status,
          effectiveDate: effective,
        });
        arrivals.set(pos.id, (arrivals.get(pos.id) ?? 0) + 1);
        arrivalRows.push({ row, position: pos });
        continue;
      }
      if (scope && e.opd_code !== scope) {
        err(row, 'NIP', 'IMPOR_DI_LUAR_OPD', `Pegawai ${row.nip} bekerja di OPD lain`);
        continue;
      }
      if (e.status !== 'AKTIF' && e.status !== 'CUTI') {
        err(row, 'NIP', 'PEGAWAI_SUDAH_BERHENTI', `Pegawai ${row.nip} berstatus ${e.status}`);
        continue;
      }
      const update: EmployeeUpdate = { id: e.id, effectiveDate: today };
      const jenis = checkJenisAsnChange(e.jenis_asn, row.jenisAsn);
      if (jenis) {
        err(row, 'Jenis ASN', jenis.code, jenis.message);
        continue;
      }
      if (row.jenisAsn !== e.jenis_asn) update.jenisAsn = row.jenisAsn;
      if ((row.golongan ?? null) !== (e.golongan ?? null)) {
        if (!row.golongan || (e.golongan && golonganRank(row.golongan) <= golonganRank(e.golongan))) {
          err(row, 'Golongan', 'GOLONGAN_TIDAK_NAIK', `Golongan tersimpan ${e.golongan}; impor hanya dapat menaikkan golongan`);
          continue;
        }
        update.golongan = { from: e.golongan, to: row.golongan };
      }
      if (row.name !== e.name) update.name = row.name;
      if ((row.email ?? null) !== (e.email ?? null)) update.email = row.email;
      if (row.status !== e.status) update.status = row.status;
      if (pos.id !== e.position_id) {
        const effective = row.tmtJabatan ?? today;
        if (effective > today) {
          err(row, 'TMT Jabatan', 'TANGGAL_BERLAKU_DI_MASA_DEPAN', `TMT jabatan ${effective} di masa depan`);
          continue;
        }
        if (effective < e.valid_from || effective < pos.first_valid) {
          err(row, 'TMT Jabatan', 'TANGGAL_BERLAKU_SEBELUM_PERUBAHAN_TERAKHIR', `TMT jabatan ${effective} lebih awal dari perubahan terakhir pegawai atau pembentukan jabatan`);
          continue;
        }
        update.position = { positionId: pos.id, unitId: pos.unit_id, opdId: pos.opd_id, effectiveDate: effective };
        update.tmtJabatan = effective;
        arrivals.set(pos.id, (arrivals.get(pos.id) ?? 0) + 1);
        if (e.position_id) departures.set(e.position_id, (departures.get(e.position_id) ?? 0) + 1);
        arrivalRows.push({ row, position: pos });
      } else if (row.tmtJabatan && row.tmtJabatan !== e.tmt_jabatan) {
        update.tmtJabatan = row.tmtJabatan;
      }
      const changed = Object.keys(update).length > 2;
      if (changed) updates.push(update);
      else unchanged++;
    }

    // Capacity (formasi) after the whole file: rows beyond it, in file order, are refused.
    const filled = new Map<string, number>();
    for (const { row, position } of arrivalRows) {
      const base = position.occupied - (departures.get(position.id) ?? 0);
      const n = (filled.get(position.id) ?? 0) + 1;
      filled.set(position.id, n);
      if (base + n > position.capacity) err(row, 'Kode Jabatan', 'JABATAN_PENUH', `Jabatan ${position.code} hanya untuk ${position.capacity} orang`);
    }
    errors.sort((a, b) => a.row - b.row);
    report(errors);
    if (errors.length > 0) return null;
    // Net arrivals for the in-transaction re-check.
    for (const [pid, n] of departures) arrivals.set(pid, (arrivals.get(pid) ?? 0) - n);
    return { creates, updates, unchanged, arrivals };
  }
}
