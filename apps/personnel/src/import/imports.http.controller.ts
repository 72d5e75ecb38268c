import { Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiConsumes, ApiExtraModels, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { CurrentPrincipal, Roles, type Principal } from '@capaian/shared/auth';
import { PageQuery, queryBoolean } from '@capaian/shared/http';
import type { FastifyRequest } from 'fastify';
import { Role } from '../common/access';
import { Idempotent } from '@capaian/shared/persistence';
import { ImportQueries } from './import.queries';
import { UploadImport } from './use-cases/upload-import';
import { SavedWithoutViewResponse } from '../employee/employees.responses';
import { ImportJob, ImportJobPage } from './imports.responses';

export class ImportQuery {
  @ApiPropertyOptional({ description: 'true = hanya memeriksa berkas, tidak ada yang disimpan', example: true })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  dryRun?: boolean;

  @ApiPropertyOptional({ description: 'Nama berkas asal (untuk riwayat impor)', maxLength: 255, example: 'pegawai.csv' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  fileName?: string;
}

/**
 * Bulk import of employees. Send the file itself as the request body:
 *   curl -X POST -H 'content-type: text/csv' --data-binary @pegawai.csv '.../imports?dryRun=true'
 * The answer (202) is the job; poll GET /imports/{id} for progress, errors by row and column, and the summary.
 */
@ApiTags('impor')
@ApiBearerAuth()
@Controller('imports')
export class ImportsHttpController {
  constructor(
    private readonly uploadImport: UploadImport,
    private readonly imports: ImportQueries,
  ) {}

  @Post()
  @ApiExtraModels(SavedWithoutViewResponse, ImportJob)
  @ApiAcceptedResponse({ schema: { oneOf: [{ $ref: getSchemaPath(SavedWithoutViewResponse) }, { $ref: getSchemaPath(ImportJob) }] } })
  @Idempotent()
  @HttpCode(202)
  @Roles(Role.adminBkpsdm, Role.adminOpd)
  @ApiConsumes('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: 'Mengunggah berkas CSV/XLSX pegawai (dryRun=true untuk memeriksa saja)' })
  accept(@CurrentPrincipal() p: Principal, @Req() req: FastifyRequest, @Query() q: ImportQuery): Promise<SavedWithoutViewResponse | ImportJob> {
    return this.uploadImport.execute(p, req.body, req.headers['content-type'], { dryRun: q.dryRun === true, fileName: q.fileName });
  }

  @Get()
  @ApiOkResponse({ type: ImportJobPage })
  @Roles(Role.adminBkpsdm, Role.adminOpd)
  @ApiOperation({ summary: 'Daftar impor terakhir' })
  list(@CurrentPrincipal() p: Principal, @Query() q: PageQuery): Promise<ImportJobPage> {
    return this.imports.list(p, q);
  }

  @Get(':id')
  @ApiOkResponse({ type: ImportJob })
  @Roles(Role.adminBkpsdm, Role.adminOpd)
  @ApiOperation({ summary: 'Status, kemajuan, kesalahan per baris dan ringkasan satu impor' })
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<ImportJob> {
    return this.imports.get(p, id);
  }
}
