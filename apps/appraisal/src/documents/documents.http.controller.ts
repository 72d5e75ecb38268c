import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiFileResponse } from '@capaian/shared/http';
import { CurrentPrincipal, Public, type Principal } from '@capaian/shared/auth';
import { attachmentHeaders } from '@capaian/shared/storage';
import type { FastifyReply } from 'fastify';
import { DocumentQueries } from './documents.queries';
import { PrintEvaluation } from './use-cases/print-evaluation';
import { PrintSkp } from './use-cases/print-skp';
import { VerificationResponse } from './documents.responses';

@ApiTags('Dokumen')
@Controller()
export class DocumentsHttpController {
  constructor(
    private readonly printSkp: PrintSkp,
    private readonly printEvaluation: PrintEvaluation,
    private readonly queries: DocumentQueries,
  ) {}

  @Get('skps/:id/document')
  @ApiBearerAuth()
  @ApiFileResponse('Dokumen SKP (PDF); kode verifikasinya di header x-verification-code', 'application/pdf')
  @ApiOperation({ summary: 'Dokumen SKP (PDF, format Lampiran PermenPANRB 6/2022) dengan kode verifikasi dan kode QR' })
  async skp(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal, @Res() reply: FastifyReply): Promise<void> {
    const pdf = await this.printSkp.execute(principal, id);
    reply.headers({ ...attachmentHeaders(pdf.fileName, 'application/pdf', pdf.body.length), 'x-verification-code': pdf.code });
    await reply.send(pdf.body);
  }

  @Get('evaluations/:id/document')
  @ApiBearerAuth()
  @ApiFileResponse('Dokumen evaluasi kinerja (PDF); kode verifikasinya di header x-verification-code', 'application/pdf')
  @ApiOperation({ summary: 'Dokumen evaluasi kinerja akhir tahun (PDF) dengan kode verifikasi dan kode QR' })
  async evaluation(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal, @Res() reply: FastifyReply): Promise<void> {
    const pdf = await this.printEvaluation.execute(principal, id);
    reply.headers({ ...attachmentHeaders(pdf.fileName, 'application/pdf', pdf.body.length), 'x-verification-code': pdf.code });
    await reply.send(pdf.body);
  }

  @Get('documents/verify/:code')
  @ApiOkResponse({ type: VerificationResponse })
  @Public()
  @ApiOperation({ summary: 'Verifikasi publik (tanpa token): dokumen apa, milik siapa, versi berapa, dan apakah masih berlaku' })
  verify(@Param('code') code: string): Promise<VerificationResponse> {
    return this.queries.verify(code);
  }
}
