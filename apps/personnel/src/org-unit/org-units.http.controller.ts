import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@capaian/shared/auth';
import { AsOfQuery } from '../common/dto';
import { Role } from '../common/access';
import { CloseUnitDto, CreateUnitDto, MoveUnitDto, UnitListQuery, UnitTreeQuery, UpdateUnitDto } from './org-unit.dto';
import { OrgUnitService } from './org-unit.service';
import { Idempotent } from '@capaian/shared/persistence';

/** The organisation tree. Reading is open to every signed-in caller; changes need an admin role (checked per OPD in the service). */
@ApiTags('unit-organisasi')
@ApiBearerAuth()
@Controller('units')
export class OrgUnitsHttpController {
  constructor(private readonly units: OrgUnitService) {}

  @Get()
  @ApiOperation({ summary: 'Daftar unit organisasi (berhalaman, dapat difilter)' })
  list(@Query() q: UnitListQuery) {
    return this.units.list(q);
  }

  @Get('tree')
  @ApiOperation({ summary: 'Pohon organisasi (Pemerintah Kota → OPD → bidang → seksi)' })
  tree(@Query() q: UnitTreeQuery) {
    return this.units.tree(q);
  }

  @Get(':ref')
  @ApiOperation({ summary: 'Satu unit (id atau kode), dengan jabatan kepala dan pemangkunya' })
  get(@Param('ref') ref: string, @Query() q: AsOfQuery) {
    return this.units.get(ref, q.asOf);
  }

  @Post()
  @Idempotent()
  @Roles(Role.adminBkpsdm, Role.adminOpd)
  @ApiOperation({ summary: 'Membentuk unit baru' })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateUnitDto) {
    return this.units.create(p, dto);
  }

  @Patch(':ref')
  @Roles(Role.adminBkpsdm, Role.adminOpd)
  @ApiOperation({ summary: 'Mengganti nama atau jabatan kepala unit' })
  update(@CurrentPrincipal() p: Principal, @Param('ref') ref: string, @Body() dto: UpdateUnitDto) {
    return this.units.update(p, ref, dto);
  }

  @Post(':ref/move')
  @HttpCode(200)
  @Roles(Role.adminBkpsdm, Role.adminOpd)
  @ApiOperation({ summary: 'Memindahkan unit ke induk lain (tanpa siklus)' })
  move(@CurrentPrincipal() p: Principal, @Param('ref') ref: string, @Body() dto: MoveUnitDto) {
    return this.units.move(p, ref, dto);
  }

  @Post(':ref/close')
  @HttpCode(200)
  @Roles(Role.adminBkpsdm, Role.adminOpd)
  @ApiOperation({ summary: 'Menutup unit yang sudah kosong' })
  close(@CurrentPrincipal() p: Principal, @Param('ref') ref: string, @Body() dto: CloseUnitDto) {
    return this.units.close(p, ref, dto);
  }
}
