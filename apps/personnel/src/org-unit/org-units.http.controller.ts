import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@capaian/shared/auth';
import { AsOfQuery } from '../common/dto';
import { Role } from '../common/access';
import { Idempotent } from '@capaian/shared/persistence';
import { CloseUnitDto } from './dto/close-unit.dto';
import { CreateUnitDto } from './dto/create-unit.dto';
import { MoveUnitDto } from './dto/move-unit.dto';
import { UnitListQuery } from './dto/unit-list.query';
import { UnitTreeQuery } from './dto/unit-tree.query';
import { UpdateUnitDto } from './dto/update-unit.dto';
import { OrgUnitQueries } from './org-unit.queries';
import { CloseUnit } from './use-cases/close-unit';
import { CreateUnit } from './use-cases/create-unit';
import { MoveUnit } from './use-cases/move-unit';
import { UpdateUnit } from './use-cases/update-unit';
import { Unit, UnitListPage, UnitTreeNodeResponse } from './org-units.responses';
import { SavedWithoutViewResponse } from '../employee/employees.responses';

/** The organisation tree. Reading is open to every signed-in caller; changes need an admin role (checked per OPD in the service). */
@ApiTags('unit-organisasi')
@ApiBearerAuth()
@Controller('units')
export class OrgUnitsHttpController {
  constructor(
    private readonly units: OrgUnitQueries,
    private readonly createUnit: CreateUnit,
    private readonly updateUnit: UpdateUnit,
    private readonly moveUnit: MoveUnit,
    private readonly closeUnit: CloseUnit,
  ) {}

  @Get()
  @ApiOkResponse({ type: UnitListPage })
  @ApiOperation({ summary: 'Daftar unit organisasi (berhalaman, dapat difilter)' })
  list(@Query() q: UnitListQuery): Promise<UnitListPage> {
    return this.units.list(q);
  }

  @Get('tree')
  @ApiOkResponse({ type: UnitTreeNodeResponse, isArray: true })
  @ApiOperation({ summary: 'Pohon organisasi (Pemerintah Kota → OPD → bidang → seksi)' })
  tree(@Query() q: UnitTreeQuery): Promise<UnitTreeNodeResponse[]> {
    return this.units.tree(q);
  }

  @Get(':ref')
  @ApiOkResponse({ type: Unit })
  @ApiOperation({ summary: 'Satu unit (id atau kode), dengan jabatan kepala dan pemangkunya' })
  get(@Param('ref') ref: string, @Query() q: AsOfQuery): Promise<Unit> {
    return this.units.get(ref, q.asOf);
  }

  @Post()
  @ApiExtraModels(SavedWithoutViewResponse, Unit)
  @ApiCreatedResponse({ schema: { oneOf: [{ $ref: getSchemaPath(SavedWithoutViewResponse) }, { $ref: getSchemaPath(Unit) }] } })
  @Idempotent()
  @Roles(Role.adminBkpsdm, Role.adminOpd)
  @ApiOperation({ summary: 'Membentuk unit baru' })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateUnitDto): Promise<SavedWithoutViewResponse | Unit> {
    return this.createUnit.execute(p, dto);
  }

  @Patch(':ref')
  @ApiExtraModels(SavedWithoutViewResponse, Unit)
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(SavedWithoutViewResponse) }, { $ref: getSchemaPath(Unit) }] } })
  @Roles(Role.adminBkpsdm, Role.adminOpd)
  @ApiOperation({ summary: 'Mengganti nama atau jabatan kepala unit' })
  update(@CurrentPrincipal() p: Principal, @Param('ref') ref: string, @Body() dto: UpdateUnitDto): Promise<SavedWithoutViewResponse | Unit> {
    return this.updateUnit.execute(p, ref, dto);
  }

  @Post(':ref/move')
  @ApiExtraModels(SavedWithoutViewResponse, Unit)
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(SavedWithoutViewResponse) }, { $ref: getSchemaPath(Unit) }] } })
  @HttpCode(200)
  @Roles(Role.adminBkpsdm, Role.adminOpd)
  @ApiOperation({ summary: 'Memindahkan unit ke induk lain (tanpa siklus)' })
  move(@CurrentPrincipal() p: Principal, @Param('ref') ref: string, @Body() dto: MoveUnitDto): Promise<SavedWithoutViewResponse | Unit> {
    return this.moveUnit.execute(p, ref, dto);
  }

  @Post(':ref/close')
  @ApiExtraModels(SavedWithoutViewResponse, Unit)
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(SavedWithoutViewResponse) }, { $ref: getSchemaPath(Unit) }] } })
  @HttpCode(200)
  @Roles(Role.adminBkpsdm, Role.adminOpd)
  @ApiOperation({ summary: 'Menutup unit yang sudah kosong' })
  close(@CurrentPrincipal() p: Principal, @Param('ref') ref: string, @Body() dto: CloseUnitDto): Promise<SavedWithoutViewResponse | Unit> {
    return this.closeUnit.execute(p, ref, dto);
  }
}
