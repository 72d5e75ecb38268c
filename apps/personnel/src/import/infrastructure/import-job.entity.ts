import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ImportStatus = 'MENUNGGU' | 'MEMVALIDASI' | 'MENYIMPAN' | 'BERHASIL' | 'DITOLAK' | 'GAGAL';

export interface ImportRowError {
  /** 1-based row number as the user sees it in the file (the header is row 1). */
  row: number;
  column: string;
  code: string;
  message: string;
}

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
}

/** One bulk import: progress and outcome, readable by any instance (the job itself runs on the one that got the file). */
@Entity({ name: 'import_job' })
export class ImportJobEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  status: ImportStatus;

  @Column({ name: 'dry_run', type: 'boolean' })
  dryRun: boolean;

  @Column({ type: 'text' })
  format: 'csv' | 'xlsx';

  @Column({ name: 'file_name', type: 'text', nullable: true })
  fileName: string | null;

  @Column({ name: 'file_sha256', type: 'text', nullable: true })
  fileSha256: string | null;

  @Column({ name: 'file_bytes', type: 'bigint' })
  fileBytes: string;

  @Column({ name: 'rows_total', type: 'integer', nullable: true })
  rowsTotal: number | null;

  @Column({ name: 'rows_processed', type: 'integer' })
  rowsProcessed: number;

  @Column({ name: 'error_count', type: 'integer' })
  errorCount: number;

  @Column({ type: 'jsonb' })
  errors: ImportRowError[];

  @Column({ type: 'jsonb', nullable: true })
  summary: ImportSummary | null;

  @Column({ type: 'text', nullable: true })
  failure: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Column({ name: 'created_by_nip', type: 'text', nullable: true })
  createdByNip: string | null;

  /** The OPD an admin-opd import is limited to; null for BKPSDM. */
  @Column({ name: 'scope_opd', type: 'text', nullable: true })
  scopeOpd: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
