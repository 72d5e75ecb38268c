import type { Readable } from 'node:stream';
import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@capaian/shared/auth';
import { attachmentHeaders } from '@capaian/shared/storage';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RealizationUseCases } from './realization.use-cases';
import { GiveFeedbackDto, ReportRealizationDto } from './report-realization.dto';

export class UploadEvidenceQuery {
  @IsUUID() indicatorId: string;
  @IsOptional() @IsString() @MaxLength(255) fileName?: string;
}

@ApiTags('Realisasi periodik')
@ApiBearerAuth()
@Controller()
export class RealizationHttpController {
  constructor(private readonly realization: RealizationUseCases) {}

  @Get('skps/:id/periods')
  @ApiOperation({ summary: 'Periode SKP menurut jadwal OPD, dengan laporan, umpan balik, dan bukti dukung' })
  list(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal) {
    return this.realization.list(id, principal);
  }

  @Post('skps/:id/periods/:number/evidence')
  @HttpCode(201)
  @ApiConsumes('application/pdf', 'image/png', 'image/jpeg')
  @ApiOperation({ summary: 'Mengunggah satu bukti dukung (isi berkas sebagai badan permintaan; nama berkas di parameter fileName)' })
  upload(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('number', ParseIntPipe) number: number,
    @Query() query: UploadEvidenceQuery,
    @Req() req: FastifyRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    const length = req.headers['content-length'] ? Number(req.headers['content-length']) : undefined;
    return this.realization.upload(id, number, query.indicatorId, query.fileName, req.body as Readable, req.headers['content-type'], length, principal);
  }

  @Get('evidence/:id')
  @ApiOperation({ summary: 'Mengunduh bukti dukung (selalu sebagai lampiran)' })
  async download(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal, @Res() reply: FastifyReply): Promise<void> {
    const { record, file } = await this.realization.download(id, principal);
    reply.headers(attachmentHeaders(record.fileName, file.contentType, file.size));
    await reply.send(file.stream);
  }

  @Put('skps/:id/periods/:number/realization')
  @ApiOperation({ summary: 'Melaporkan realisasi periode (pemilik SKP)' })
  report(@Param('id', ParseUUIDPipe) id: string, @Param('number', ParseIntPipe) number: number, @Body() body: ReportRealizationDto, @CurrentPrincipal() principal: Principal) {
    return this.realization.report(id, number, body, principal);
  }

  @Post('skps/:id/periods/:number/feedback')
  @HttpCode(200)
  @ApiOperation({ summary: 'Memberi umpan balik atas laporan periode (pejabat penilai)' })
  feedback(@Param('id', ParseUUIDPipe) id: string, @Param('number', ParseIntPipe) number: number, @Body() body: GiveFeedbackDto, @CurrentPrincipal() principal: Principal) {
    return this.realization.feedback(id, number, body, principal);
  }
}
