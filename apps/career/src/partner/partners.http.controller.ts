import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@capaian/shared/auth';
import { CreateAgreementDto } from './dto/create-agreement.dto';
import { CreatePartnerDto } from './dto/create-partner.dto';
import { PartnerQueries } from './partner.queries';
import { AddAgreement } from './use-cases/add-agreement';
import { CreatePartner } from './use-cases/create-partner';

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
  @HttpCode(201)
  @Roles('admin-bkpsdm')
  @ApiOperation({ summary: 'Mencatat lembaga mitra (BKPSDM)' })
  create(@Body() body: CreatePartnerDto, @CurrentPrincipal() principal: Principal) {
    return this.createPartner.execute(principal, body);
  }

  @Post(':id/agreements')
  @HttpCode(201)
  @Roles('admin-bkpsdm')
  @ApiOperation({ summary: 'Mencatat MoU/PKS dengan masa berlaku dan kuota (BKPSDM)' })
  agreement(@Param('id', ParseUUIDPipe) id: string, @Body() body: CreateAgreementDto, @CurrentPrincipal() principal: Principal) {
    return this.addAgreement.execute(principal, id, body);
  }

  @Get()
  @Roles('admin-bkpsdm', 'admin-opd')
  @ApiOperation({ summary: 'Daftar lembaga mitra dan perjanjiannya (admin)' })
  list() {
    return this.queries.list();
  }

  @Get(':id/scorecard')
  @Roles('admin-bkpsdm', 'admin-opd')
  @ApiOperation({ summary: 'Kartu skor mitra dari evaluasi peserta dan evaluasi penerapan oleh atasan (admin)' })
  scorecard(@Param('id', ParseUUIDPipe) id: string) {
    return this.queries.scorecard(id);
  }
}
