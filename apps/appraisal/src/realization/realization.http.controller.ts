import type { Readable } from 'node:stream';
import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiFileResponse } from '@capaian/shared/http';
import { CurrentPrincipal, type Principal } from '@capaian/shared/auth';
import { attachmentHeaders } from '@capaian/shared/storage';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GiveFeedbackDto } from './dto/give-feedback.dto';
import { ReportRealizationDto } from './dto/report-realization.dto';
import { UploadEvidenceQuery } from './dto/upload-evidence.dto';
import { RealizationQueries } from './realization.queries';
import { GiveFeedback } from './use-cases/give-feedback';
import { ReportRealization } from './use-cases/report-realization';
import { UploadEvidence } from './use-cases/upload-evidence';
import { Evidence, Period, ReportStateResponse } from './realization.responses';

@ApiTags('Realisasi periodik')
@ApiBearerAuth()
@Controller()
export class RealizationHttpController {
  constructor(
    private readonly queries: RealizationQueries,
    private readonly uploadEvidence: UploadEvidence,
    private readonly reportRealization: ReportRealization,
    private readonly giveFeedback: GiveFeedback,
  ) {}

  @Get('skps/:id/periods')
  @ApiOkResponse({ type: Period, isArray: true })
  @ApiOperation({ summary: 'Periode SKP menurut jadwal OPD, dengan laporan, umpan balik, dan bukti dukung' })
  list(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<Period[]> {
    return this.queries.periodsOf(principal, id);
  }

  @Post('skps/:id/periods/:number/evidence')
  @ApiCreatedResponse({ type: Evidence })
  @HttpCode(201)
  @ApiConsumes('application/pdf', 'image/png', 'image/jpeg')
  @ApiOperation({ summary: 'Mengunggah satu bukti dukung (isi berkas sebagai badan permintaan; nama berkas di parameter fileName)' })
  upload(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('number', ParseIntPipe) number: number,
    @Query() query: UploadEvidenceQuery,
    @Req() req: FastifyRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Evidence> {
    const length = req.headers['content-length'] ? Number(req.headers['content-length']) : undefined;
    return this.uploadEvidence.execute(principal, id, number, query.indicatorId, { fileName: query.fileName, body: req.body as Readable, contentType: req.headers['content-type'], length });
  }

  @Get('evidence/:id')
  @ApiFileResponse('Berkas bukti dukung dengan jenis isi aslinya (Content-Disposition: attachment)')
  @ApiOperation({ summary: 'Mengunduh bukti dukung (selalu sebagai lampiran)' })
  async download(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal, @Res() reply: FastifyReply): Promise<void> {
    const { record, file } = await this.queries.download(principal, id);
    reply.headers(attachmentHeaders(record.fileName, file.contentType, file.size));
    await reply.send(file.stream);
  }

  @Put('skps/:id/periods/:number/realization')
  @ApiOkResponse({ type: ReportStateResponse })
  @ApiOperation({ summary: 'Melaporkan realisasi periode (pemilik SKP)' })
  report(@Param('id', ParseUUIDPipe) id: string, @Param('number', ParseIntPipe) number: number, @Body() body: ReportRealizationDto, @CurrentPrincipal() principal: Principal): Promise<ReportStateResponse> {
    return this.reportRealization.execute(principal, id, number, body);
  }

  @Post('skps/:id/periods/:number/feedback')
  @ApiOkResponse({ type: ReportStateResponse })
  @HttpCode(200)
  @ApiOperation({ summary: 'Memberi umpan balik atas laporan periode (pejabat penilai)' })
  feedback(@Param('id', ParseUUIDPipe) id: string, @Param('number', ParseIntPipe) number: number, @Body() body: GiveFeedbackDto, @CurrentPrincipal() principal: Principal): Promise<ReportStateResponse> {
    return this.giveFeedback.execute(principal, id, number, body);
  }
}
