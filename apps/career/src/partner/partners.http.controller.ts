import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@capaian/shared/auth';
import { CreateAgreementDto } from './dto/create-agreement.dto';
import { CreatePartnerDto } from './dto/create-partner.dto';
import { PartnerQueries } from './partner.queries';
import { AddAgreement } from './use-cases/add-agreement';
import { CreatePartner } from './use-cases/create-partner';
import { AgreementRecordResponse, PartnerListResponseItem, PartnerRecordResponse, PartnerScorecardResponse } from './partners.responses';

@ApiTags('Lembaga mitra')
@ApiBearerAuth()
@Controller('partners')
export class PartnersHttpController {
  constructor(
    private readonly createPartner: CreatePartner,
    private readonly addAgreement: AddAgreement,
    private readonly queries: PartnerQueries,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: PartnerRecordResponse })
  @HttpCode(201)
  @Roles('admin-bkpsdm')
  @ApiOperation({ summary: 'Mencatat lembaga mitra (BKPSDM)' })
  create(@Body() body: CreatePartnerDto, @CurrentPrincipal() principal: Principal): Promise<PartnerRecordResponse> {
    return this.createPartner.execute(principal, body);
  }

  @Post(':id/agreements')
  @ApiCreatedResponse({ type: AgreementRecordResponse })
  @HttpCode(201)
  @Roles('admin-bkpsdm')
  @ApiOperation({ summary: 'Mencatat MoU/PKS dengan masa berlaku dan kuota (BKPSDM)' })
  agreement(@Param('id', ParseUUIDPipe) id: string, @Body() body: CreateAgreementDto, @CurrentPrincipal() principal: Principal): Promise<AgreementRecordResponse> {
    return this.addAgreement.execute(principal, id, body);
  }

  @Get()
  @ApiOkResponse({ type: PartnerListResponseItem, isArray: true })
  @Roles('admin-bkpsdm', 'admin-opd')
  @ApiOperation({ summary: 'Daftar lembaga mitra dan perjanjiannya (admin)' })
  list(): Promise<PartnerListResponseItem[]> {
    return this.queries.list();
  }

  @Get(':id/scorecard')
  @ApiOkResponse({ type: PartnerScorecardResponse })
  @Roles('admin-bkpsdm', 'admin-opd')
  @ApiOperation({ summary: 'Kartu skor mitra dari evaluasi peserta dan evaluasi penerapan oleh atasan (admin)' })
  scorecard(@Param('id', ParseUUIDPipe) id: string): Promise<PartnerScorecardResponse> {
    return this.queries.scorecard(id);
  }
}
