import { Controller, Get, Param, ParseIntPipe, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiFileResponse } from '@capaian/shared/http';
import { CurrentPrincipal, Roles, type Principal } from '@capaian/shared/auth';
import type { FastifyReply } from 'fastify';
import { completionWorkbook, XLSX_TYPE } from './completion-export';
import { CompletionQuery } from './completion.query';

@ApiTags('Dasbor kelengkapan')
@ApiBearerAuth()
@Controller('dashboard')
export class DashboardExportHttpController {
  constructor(private readonly completion: CompletionQuery) {}

  @Get(':year/:opdCode/export.xlsx')
  @Roles('admin-bkpsdm', 'admin-opd', 'pimpinan')
  @ApiFileResponse('Berkas XLSX kelengkapan SKP', XLSX_TYPE)
  @ApiOperation({ summary: 'Kelengkapan SKP satu OPD sebagai berkas XLSX: per unit, belum menyusun, belum melapor, belum dinilai, pejabat penilai' })
  async export(@Param('year', ParseIntPipe) year: number, @Param('opdCode') opdCode: string, @CurrentPrincipal() principal: Principal, @Res() reply: FastifyReply): Promise<void> {
    const file = await completionWorkbook(await this.completion.of(year, opdCode, principal));
    const name = `kelengkapan-skp-${opdCode.toLowerCase().replace(/[^a-z0-9-]/g, '')}-${year}.xlsx`;
    reply.header('content-type', XLSX_TYPE).header('content-disposition', `attachment; filename="${name}"`);
    await reply.send(file);
  }
}
