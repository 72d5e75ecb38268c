// What the imports endpoints answer, as their OpenAPI response schemas. Each handler is
// declared to return these classes, so the compiler keeps the schemas and the answers together.
import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '@capaian/shared/http';

export class ImportError {
  @ApiProperty({ type: Number, description: '1-based row number as the user sees it in the file (the header is row 1).' })
  row: number;
  @ApiProperty({ type: String })
  column: string;
  @ApiProperty({ type: String })
  code: string;
  @ApiProperty({ type: String })
  message: string;
}

export class ImportSummaryResponse {
  @ApiProperty({ type: Number })
  created: number;
  @ApiProperty({ type: Number })
  updated: number;
  @ApiProperty({ type: Number })
  unchanged: number;
}

export class ImportJob {
  @ApiProperty({ type: String })
  id: string;
  @ApiProperty({ enum: ['GAGAL', 'MENUNGGU', 'MEMVALIDASI', 'MENYIMPAN', 'BERHASIL', 'DITOLAK'] })
  status: 'GAGAL' | 'MENUNGGU' | 'MEMVALIDASI' | 'MENYIMPAN' | 'BERHASIL' | 'DITOLAK';
  @ApiProperty({ type: Boolean })
  dryRun: boolean;
  @ApiProperty({ type: String })
  format: string;
  @ApiProperty({ type: String, nullable: true })
  fileName: string | null;
  @ApiProperty({ type: String, nullable: true })
  fileSha256: string | null;
  @ApiProperty({ type: Number })
  fileBytes: number;
  @ApiProperty({ type: Number, nullable: true })
  rowsTotal: number | null;
  @ApiProperty({ type: Number })
  rowsProcessed: number;
  @ApiProperty({ type: Number, nullable: true, description: '0–1 within the current phase (validating, then saving).' })
  progress: number | null;
  @ApiProperty({ type: Number })
  errorCount: number;
  @ApiProperty({ type: () => ImportError, isArray: true })
  errors: ImportError[];
  @ApiProperty({ type: () => ImportSummaryResponse, nullable: true })
  summary: ImportSummaryResponse | null;
  @ApiProperty({ type: String, nullable: true })
  failure: string | null;
  @ApiProperty({ type: String })
  createdAt: string;
  @ApiProperty({ type: String, nullable: true })
  startedAt: string | null;
  @ApiProperty({ type: String, nullable: true })
  finishedAt: string | null;
}

export class ImportJobPage extends PageOf(ImportJob) {}
