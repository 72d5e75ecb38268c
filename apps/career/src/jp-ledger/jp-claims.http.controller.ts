import type { Readable } from 'node:stream';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { CurrentPrincipal, Roles, type Principal } from '@capaian/shared/auth';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { isBkpsdm } from '../common/career-people';
import { ClaimCertificateQuery } from './dto/claim-certificate.query';
import { CorrectJpDto } from './dto/correct-jp.dto';
import { CreateClaimDto } from './dto/create-claim.dto';
import { RejectClaimDto } from './dto/reject-claim.dto';
import { ExternalClaimRepository } from './infrastructure/external-claim.repository';
import { AttachClaimCertificate } from './use-cases/attach-claim-certificate';
import { CorrectJp } from './use-cases/correct-jp';
import { RejectClaim } from './use-cases/reject-claim';
import { SubmitClaim } from './use-cases/submit-claim';
import { VerifyClaim } from './use-cases/verify-claim';
import { Claim } from './jp-ledger.responses';
import { JpClaimCorrectionResponse } from './jp-claims.responses';

@ApiTags('Buku JP')
@ApiBearerAuth()
@Controller('jp')
export class JpClaimsHttpController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly submit: SubmitClaim,
    private readonly attach: AttachClaimCertificate,
    private readonly verifyClaim: VerifyClaim,
    private readonly rejectClaim: RejectClaim,
    private readonly correct: CorrectJp,
    private readonly claims: ExternalClaimRepository,
  ) {}

  @Post('claims')
  @ApiCreatedResponse({ type: Claim })
  @HttpCode(201)
  @ApiOperation({ summary: 'Mengajukan JP dari kegiatan di luar platform (mis. sertifikat e-learning)' })
  create(@Body() body: CreateClaimDto, @CurrentPrincipal() principal: Principal): Promise<Claim> {
    return this.submit.execute(principal, body);
  }

  @Get('claims')
  @ApiOkResponse({ type: Claim, isArray: true })
  @ApiOperation({ summary: 'Klaim JP: milik sendiri, atau semua (BKPSDM)' })
  list(@CurrentPrincipal() principal: Principal): Promise<Claim[]> {
    return this.claims.visible(this.dataSource.manager, isBkpsdm(principal) ? null : (principal.nip ?? ''));
  }

  @Put('claims/:id/certificate')
  @ApiOkResponse({ type: Claim })
  @ApiConsumes('application/pdf', 'image/png', 'image/jpeg')
  @ApiOperation({ summary: 'Mengunggah sertifikat klaim (isi berkas sebagai badan permintaan)' })
  upload(@Param('id', ParseUUIDPipe) id: string, @Query() query: ClaimCertificateQuery, @Req() req: FastifyRequest, @CurrentPrincipal() principal: Principal): Promise<Claim> {
    const length = req.headers['content-length'] ? Number(req.headers['content-length']) : undefined;
    return this.attach.execute(principal, id, query.fileName, req.body as Readable, req.headers['content-type'], length);
  }

  @Post('claims/:id/verify')
  @ApiOkResponse({ type: Claim })
  @HttpCode(200)
  @Roles('admin-bkpsdm')
  @ApiOperation({ summary: 'Verifikasi klaim; JP diakui sekali (harus ada sertifikat)' })
  verify(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<Claim> {
    return this.verifyClaim.execute(principal, id);
  }

  @Post('claims/:id/reject')
  @ApiOkResponse({ type: Claim })
  @HttpCode(200)
  @Roles('admin-bkpsdm')
  reject(@Param('id', ParseUUIDPipe) id: string, @Body() body: RejectClaimDto, @CurrentPrincipal() principal: Principal): Promise<Claim> {
    return this.rejectClaim.execute(principal, id, body.reason);
  }

  @Post('corrections')
  @ApiCreatedResponse({ type: JpClaimCorrectionResponse })
  @HttpCode(201)
  @Roles('admin-bkpsdm')
  @ApiOperation({ summary: 'Koreksi JP seorang pegawai (BKPSDM)' })
  correction(@Body() body: CorrectJpDto, @CurrentPrincipal() principal: Principal): Promise<JpClaimCorrectionResponse> {
    return this.correct.execute(principal, body);
  }
}
