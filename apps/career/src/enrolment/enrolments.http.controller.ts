import type { Readable } from 'node:stream';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiFileResponse } from '@capaian/shared/http';
import { CurrentPrincipal, Roles, type Principal } from '@capaian/shared/auth';
import { attachmentHeaders } from '@capaian/shared/storage';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApproveEnrolmentDto } from './dto/approve-enrolment.dto';
import { CompleteEnrolmentDto } from './dto/complete-enrolment.dto';
import { ReasonDto } from './dto/reason.dto';
import { RecordAttendanceDto } from './dto/record-attendance.dto';
import { RegisterEnrolmentDto } from './dto/register-enrolment.dto';
import { UploadCertificateQuery } from './dto/upload-certificate.query';
import { AttendanceDayParam } from './dto/attendance-day.param';
import { XLSX_TYPE, xlsxOf } from '../export/xlsx';
import { EnrolmentQueries } from './enrolment.queries';
import { ApproveEnrolment } from './use-cases/approve-enrolment';
import { CancelEnrolment } from './use-cases/cancel-enrolment';
import { CompleteEnrolment } from './use-cases/complete-enrolment';
import { RecordAttendance } from './use-cases/record-attendance';
import { RegisterEnrolment } from './use-cases/register-enrolment';
import { RejectEnrolment } from './use-cases/reject-enrolment';
import { UploadCertificate } from './use-cases/upload-certificate';
import { VerifyCertificate } from './use-cases/verify-certificate';
import { VerifyEnrolment } from './use-cases/verify-enrolment';
import { EnrolmentCreateResponse, EnrolmentResponse } from './enrolments.responses';

@ApiTags('Pendaftaran peserta')
@ApiBearerAuth()
@Controller()
export class EnrolmentsHttpController {
  constructor(
    private readonly register: RegisterEnrolment,
    private readonly verifyPlace: VerifyEnrolment,
    private readonly rejectPlace: RejectEnrolment,
    private readonly approvePlace: ApproveEnrolment,
    private readonly attendance: RecordAttendance,
    private readonly completePlace: CompleteEnrolment,
    private readonly cancelPlace: CancelEnrolment,
    private readonly uploadCertificate: UploadCertificate,
    private readonly verifyCertificateUseCase: VerifyCertificate,
    private readonly queries: EnrolmentQueries,
  ) {}

  @Post('sessions/:id/enrolments')
  @ApiCreatedResponse({ type: EnrolmentCreateResponse })
  @HttpCode(201)
  @ApiOperation({ summary: 'Mendaftar sendiri, atau mengusulkan pegawai (atasan langsung, admin OPD, BKPSDM)' })
  create(@Param('id', ParseUUIDPipe) id: string, @Body() body: RegisterEnrolmentDto, @CurrentPrincipal() principal: Principal): Promise<EnrolmentCreateResponse> {
    return this.register.execute(principal, id, body);
  }

  @Get('enrolments')
  @ApiOkResponse({ type: EnrolmentResponse, isArray: true })
  @ApiOperation({ summary: 'Pendaftaran yang boleh dilihat: milik sendiri, bawahan, OPD (admin OPD), semua (BKPSDM)' })
  list(@CurrentPrincipal() principal: Principal, @Query('sessionId', new ParseUUIDPipe({ optional: true })) sessionId?: string): Promise<EnrolmentResponse[]> {
    return this.queries.visible(principal, sessionId);
  }

  @Get('sessions/:id/enrolments.xlsx')
  @ApiFileResponse('Daftar peserta (XLSX)', XLSX_TYPE)
  @Roles('admin-bkpsdm', 'admin-opd')
  @ApiOperation({ summary: 'Daftar peserta sesi (XLSX; admin OPD: pegawai OPD-nya)' })
  async export(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal, @Res() reply: FastifyReply): Promise<void> {
    const rows = await this.queries.visible(principal, id);
    const file = await xlsxOf('Peserta', ['NIP', 'Nama', 'OPD', 'Jabatan', 'Jalur', 'Status', 'Hari hadir', 'JP diakui'],
      rows.map((r) => [r.nip, r.name, r.opdCode, r.positionKind, r.origin === 'NOMINASI' ? 'Usulan' : 'Mandiri', r.status, r.daysPresent, r.recognisedJp]));
    reply.header('content-type', XLSX_TYPE).header('content-disposition', `attachment; filename="peserta-sesi-${id}.xlsx"`);
    await reply.send(file);
  }

  @Get('enrolments/:id')
  @ApiOkResponse({ type: EnrolmentResponse })
  one(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<EnrolmentResponse> {
    return this.queries.one(principal, id);
  }

  @Post('enrolments/:id/verify')
  @ApiOkResponse({ type: EnrolmentResponse })
  @HttpCode(200)
  @Roles('admin-bkpsdm')
  @ApiOperation({ summary: 'Verifikasi BKPSDM: syarat jabatan, kuota, anggaran, jadwal' })
  verify(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<EnrolmentResponse> {
    return this.verifyPlace.execute(principal, id);
  }

  @Post('enrolments/:id/reject')
  @ApiOkResponse({ type: EnrolmentResponse })
  @HttpCode(200)
  @Roles('admin-bkpsdm')
  reject(@Param('id', ParseUUIDPipe) id: string, @Body() body: ReasonDto, @CurrentPrincipal() principal: Principal): Promise<EnrolmentResponse> {
    return this.rejectPlace.execute(principal, id, body.reason);
  }

  @Post('enrolments/:id/approve')
  @ApiOkResponse({ type: EnrolmentResponse })
  @HttpCode(200)
  @Roles('admin-bkpsdm', 'admin-opd')
  @ApiOperation({ summary: 'Menyetujui dan membebankan biaya ke anggaran (tidak pernah melebihi sisa)' })
  approve(@Param('id', ParseUUIDPipe) id: string, @Body() body: ApproveEnrolmentDto, @CurrentPrincipal() principal: Principal): Promise<EnrolmentResponse> {
    return this.approvePlace.execute(principal, id, body.fundedBy);
  }

  @Put('enrolments/:id/attendance/:day')
  @ApiOkResponse({ type: EnrolmentResponse })
  @Roles('admin-bkpsdm')
  @ApiOperation({ summary: 'Mencatat kehadiran per hari' })
  attend(@Param() params: AttendanceDayParam, @Body() body: RecordAttendanceDto, @CurrentPrincipal() principal: Principal): Promise<EnrolmentResponse> {
    return this.attendance.execute(principal, params.id, params.day, body.present);
  }

  @Post('enrolments/:id/complete')
  @ApiOkResponse({ type: EnrolmentResponse })
  @HttpCode(200)
  @Roles('admin-bkpsdm')
  complete(@Param('id', ParseUUIDPipe) id: string, @Body() body: CompleteEnrolmentDto, @CurrentPrincipal() principal: Principal): Promise<EnrolmentResponse> {
    return this.completePlace.execute(principal, id, body.passed);
  }

  @Post('enrolments/:id/cancel')
  @ApiOkResponse({ type: EnrolmentResponse })
  @HttpCode(200)
  @ApiOperation({ summary: 'Membatalkan: kursi ke daftar tunggu, komitmen anggaran dilepas' })
  cancel(@Param('id', ParseUUIDPipe) id: string, @Body() body: ReasonDto, @CurrentPrincipal() principal: Principal): Promise<EnrolmentResponse> {
    return this.cancelPlace.execute(principal, id, body.reason);
  }

  @Put('enrolments/:id/certificate')
  @ApiOkResponse({ type: EnrolmentResponse })
  @ApiConsumes('application/pdf', 'image/png', 'image/jpeg')
  @ApiOperation({ summary: 'Mengunggah sertifikat (isi berkas sebagai badan permintaan)' })
  upload(@Param('id', ParseUUIDPipe) id: string, @Query() query: UploadCertificateQuery, @Req() req: FastifyRequest, @CurrentPrincipal() principal: Principal): Promise<EnrolmentResponse> {
    const length = req.headers['content-length'] ? Number(req.headers['content-length']) : undefined;
    return this.uploadCertificate.execute(principal, id, query.jp, query.fileName, req.body as Readable, req.headers['content-type'], length);
  }

  @Get('enrolments/:id/certificate')
  @ApiFileResponse('Berkas sertifikat dengan jenis isi aslinya (PDF, PNG atau JPEG; Content-Disposition: attachment)', 'application/pdf', 'image/png', 'image/jpeg')
  async download(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal, @Res() reply: FastifyReply): Promise<void> {
    const { row, file } = await this.queries.certificate(principal, id);
    reply.headers(attachmentHeaders(row.certificateFileName ?? 'sertifikat', file.contentType, file.size));
    await reply.send(file.stream);
  }

  @Post('enrolments/:id/certificate/verify')
  @ApiOkResponse({ type: EnrolmentResponse })
  @HttpCode(200)
  @Roles('admin-bkpsdm')
  @ApiOperation({ summary: 'Verifikasi sertifikat; JP diakui sekali' })
  verifyCertificate(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<EnrolmentResponse> {
    return this.verifyCertificateUseCase.execute(principal, id);
  }
}
