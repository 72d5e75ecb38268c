import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiFileResponse } from '@capaian/shared/http';
import { CurrentPrincipal, Roles, type Principal } from '@capaian/shared/auth';
import type { FastifyReply } from 'fastify';
import { XLSX_TYPE, xlsxOf } from '../export/xlsx';
import { NipParam } from './dto/nip.param';
import { JpYearQuery } from './dto/year.query';
import { JpLedgerQueries } from './jp-ledger.queries';
import { JpLedgerAtRiskResponseItem, JpLedgerComplianceResponseItem, JpLedgerMeResponse } from './jp-ledger.responses';

@ApiTags('Buku JP')
@ApiBearerAuth()
@Controller('jp')
export class JpLedgerHttpController {
  constructor(private readonly queries: JpLedgerQueries) {}

  @Get('me')
  @ApiOkResponse({ type: JpLedgerMeResponse })
  @ApiOperation({ summary: 'JP saya pada tahun tersebut dan pemenuhan kewajiban' })
  me(@Query() q: JpYearQuery, @CurrentPrincipal() principal: Principal): Promise<JpLedgerMeResponse> {
    return this.queries.personYear(principal, principal.nip ?? '', q.year);
  }

  @Get('employees/:nip')
  @ApiOkResponse({ type: JpLedgerMeResponse })
  @ApiOperation({ summary: 'JP seorang pegawai (pegawai itu, atasannya, admin OPD-nya, BKPSDM)' })
  employee(@Param() p: NipParam, @Query() q: JpYearQuery, @CurrentPrincipal() principal: Principal): Promise<JpLedgerMeResponse> {
    return this.queries.personYear(principal, p.nip, q.year);
  }

  @Get('compliance')
  @ApiOkResponse({ type: JpLedgerComplianceResponseItem, isArray: true })
  @Roles('admin-bkpsdm', 'admin-opd')
  @ApiOperation({ summary: 'Pemenuhan JP per OPD' })
  compliance(@Query() q: JpYearQuery, @CurrentPrincipal() principal: Principal): Promise<JpLedgerComplianceResponseItem[]> {
    return this.queries.compliance(principal, q.year);
  }

  @Get('at-risk')
  @ApiOkResponse({ type: JpLedgerAtRiskResponseItem, isArray: true })
  @Roles('admin-bkpsdm', 'admin-opd')
  @ApiOperation({ summary: 'Pegawai yang tidak akan mencapai JP minimal dengan pendaftaran yang ada' })
  atRisk(@Query() q: JpYearQuery, @CurrentPrincipal() principal: Principal): Promise<JpLedgerAtRiskResponseItem[]> {
    return this.queries.atRisk(principal, q.year, q.opd);
  }

  @Get('recap.xlsx')
  @ApiFileResponse('Rekap JP (XLSX)', XLSX_TYPE)
  @Roles('admin-bkpsdm', 'admin-opd')
  @ApiOperation({ summary: 'Rekap JP tahunan per OPD (XLSX)' })
  async recap(@Query() q: JpYearQuery, @CurrentPrincipal() principal: Principal, @Res() reply: FastifyReply): Promise<void> {
    const rows = await this.queries.recapRows(principal, q.year);
    const file = await xlsxOf(`Rekap JP ${q.year}`, ['OPD', 'Jumlah pegawai', 'Wajib JP minimal', 'Memenuhi', 'Berisiko', 'Total JP', 'Persentase memenuhi'],
      rows.map((r) => [r.opdCode, r.employees, r.withMinimum, r.compliant, r.atRisk, r.totalJp, r.compliancePercent]));
    reply.header('content-type', XLSX_TYPE).header('content-disposition', `attachment; filename="rekap-jp-${q.year}.xlsx"`);
    await reply.send(file);
  }
}
