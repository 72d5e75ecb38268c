import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@capaian/shared/auth';
import { Role } from '../common/access';
import { AsOfQuery } from '../common/dto';
import { Idempotent } from '@capaian/shared/persistence';
import { ClosePositionDto } from './dto/close-position.dto';
import { CreatePositionDto } from './dto/create-position.dto';
import { PositionListQuery } from './dto/position-list.query';
import { UpdatePositionDto } from './dto/update-position.dto';
import { PositionQueries } from './position.queries';
import { ClosePosition } from './use-cases/close-position';
import { CreatePosition } from './use-cases/create-position';
import { UpdatePosition } from './use-cases/update-position';
import { Position, PositionListPage } from './positions.responses';
import { SavedWithoutViewResponse } from '../employee/employees.responses';

@ApiTags('jabatan')
@ApiBearerAuth()
@Controller('positions')
export class PositionsHttpController {
  constructor(
    private readonly positions: PositionQueries,
    private readonly createPosition: CreatePosition,
    private readonly updatePosition: UpdatePosition,
    private readonly closePosition: ClosePosition,
  ) {}

  @Get()
  @ApiOkResponse({ type: PositionListPage })
  @ApiOperation({ summary: 'Daftar jabatan (berhalaman; filter unit, OPD, jenis jabatan, formasi kosong)' })
  list(@Query() q: PositionListQuery): Promise<PositionListPage> {
    return this.positions.list(q);
  }

  @Get(':ref')
  @ApiOkResponse({ type: Position })
  @ApiOperation({ summary: 'Satu jabatan (id atau kode) dengan pemangkunya' })
  get(@Param('ref') ref: string, @Query() q: AsOfQuery): Promise<Position> {
    return this.positions.get(ref, q.asOf);
  }

  @Post()
  @ApiExtraModels(SavedWithoutViewResponse, Position)
  @ApiCreatedResponse({ schema: { oneOf: [{ $ref: getSchemaPath(SavedWithoutViewResponse) }, { $ref: getSchemaPath(Position) }] } })
  @Idempotent()
  @Roles(Role.adminBkpsdm, Role.adminOpd)
  @ApiOperation({ summary: 'Membentuk jabatan' })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreatePositionDto): Promise<SavedWithoutViewResponse | Position> {
    return this.createPosition.execute(p, dto);
  }

  @Patch(':ref')
  @ApiExtraModels(SavedWithoutViewResponse, Position)
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(SavedWithoutViewResponse) }, { $ref: getSchemaPath(Position) }] } })
  @Roles(Role.adminBkpsdm, Role.adminOpd)
  @ApiOperation({ summary: 'Mengubah jabatan: nama, kelas, kebutuhan, unit, atau jabatan atasan' })
  update(@CurrentPrincipal() p: Principal, @Param('ref') ref: string, @Body() dto: UpdatePositionDto): Promise<SavedWithoutViewResponse | Position> {
    return this.updatePosition.execute(p, ref, dto);
  }

  @Post(':ref/close')
  @ApiExtraModels(SavedWithoutViewResponse, Position)
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(SavedWithoutViewResponse) }, { $ref: getSchemaPath(Position) }] } })
  @HttpCode(200)
  @Roles(Role.adminBkpsdm, Role.adminOpd)
  @ApiOperation({ summary: 'Menutup jabatan yang kosong dan tidak lagi menjadi atasan' })
  close(@CurrentPrincipal() p: Principal, @Param('ref') ref: string, @Body() dto: ClosePositionDto): Promise<SavedWithoutViewResponse | Position> {
    return this.closePosition.execute(p, ref, dto);
  }
}
