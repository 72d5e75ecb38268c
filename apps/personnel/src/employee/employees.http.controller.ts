import { Body, Controller, Delete, Get, Header, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@capaian/shared/auth';
import { Role } from '../common/access';
import { AsOfQuery } from '../common/dto';
import type { PageJson } from '../common/paging';
import { Idempotent } from '@capaian/shared/persistence';
import { ChangeStatusDto } from './dto/change-employee-status.dto';
import { UpdateEmployeeDto } from './dto/correct-employee.dto';
import { EmployeeListQuery } from './dto/employee-list.query';
import { HireEmployeeDto } from './dto/hire-employee.dto';
import { PromoteEmployeeDto } from './dto/promote-employee.dto';
import { RemoveOverrideDto } from './dto/remove-supervisor-override.dto';
import { SupervisorOverrideDto } from './dto/set-supervisor-override.dto';
import { TransferEmployeeDto } from './dto/transfer-employee.dto';
import { EmployeeAccess } from './employee-access';
import { EmployeeQueries } from './employee.queries';
import { ChangeEmployeeStatus } from './use-cases/change-employee-status';
import { CorrectEmployee } from './use-cases/correct-employee';
import { HireEmployee } from './use-cases/hire-employee';
import { PromoteEmployee } from './use-cases/promote-employee';
import { RemoveSupervisorOverride } from './use-cases/remove-supervisor-override';
import { SetSupervisorOverride } from './use-cases/set-supervisor-override';
import { TransferEmployee } from './use-cases/transfer-employee';
import { Employee, EmployeeListPage, HireResponse, HistoryResponse, SavedWithoutViewResponse } from './employees.responses';

/**
 * Employees by id or NIP. admin-bkpsdm: everything; admin-opd: their OPD; integrasi-baca: read;
 * pegawai/pimpinan: themselves and the people below them (read).
 */
@ApiTags('pegawai')
@ApiBearerAuth()
@Controller()
export class EmployeesHttpController {
  constructor(
    private readonly employees: EmployeeQueries,
    private readonly access: EmployeeAccess,
    private readonly hireEmployee: HireEmployee,
    private readonly correctEmployee: CorrectEmployee,
    private readonly transferEmployee: TransferEmployee,
    private readonly promoteEmployee: PromoteEmployee,
    private readonly changeEmployeeStatus: ChangeEmployeeStatus,
    private readonly setSupervisorOverride: SetSupervisorOverride,
    private readonly removeSupervisorOverride: RemoveSupervisorOverride,
  ) {}

  @Get('employees')
  @ApiOkResponse({ type: EmployeeListPage })
  @ApiOperation({ summary: 'Daftar pegawai (berhalaman; filter OPD, unit, jenis jabatan, golongan, awalan nama atau NIP; asOf)' })
  // The page is JSON text already (PageJson in common/paging.ts): sent as it is.
  @Header('Content-Type', 'application/json; charset=utf-8')
  list(@CurrentPrincipal() p: Principal, @Query() q: EmployeeListQuery): Promise<PageJson<Employee>> {
    return this.employees.list(p, q);
  }

  @Get('me')
  @ApiOkResponse({ type: Employee })
  @ApiOperation({ summary: 'Data kepegawaian saya' })
  async me(@CurrentPrincipal() p: Principal, @Query() q: AsOfQuery): Promise<Employee> {
    return this.employees.view((await this.access.self(p)).id, q.asOf);
  }

  @Get('employees/:ref')
  @ApiOkResponse({ type: Employee })
  @ApiOperation({ summary: 'Satu pegawai (id atau NIP), dapat per tanggal (asOf)' })
  get(@CurrentPrincipal() p: Principal, @Param('ref') ref: string, @Query() q: AsOfQuery): Promise<Employee> {
    return this.employees.get(p, ref, q.asOf);
  }

  @Get('employees/:ref/history')
  @ApiOkResponse({ type: HistoryResponse })
  @ApiOperation({ summary: 'Riwayat jabatan, golongan dan status dengan tanggal berlaku' })
  history(@CurrentPrincipal() p: Principal, @Param('ref') ref: string): Promise<HistoryResponse> {
    return this.employees.history(p, ref);
  }

  @Post('employees')
  @ApiCreatedResponse({ type: HireResponse })
  @Idempotent()
  @Roles(Role.adminBkpsdm, Role.adminOpd)
  @ApiOperation({ summary: 'Mengangkat pegawai (membuat akun SSO kecuali createAccount=false)' })
  hire(@CurrentPrincipal() p: Principal, @Body() dto: HireEmployeeDto): Promise<HireResponse> {
    return this.hireEmployee.execute(p, dto);
  }

  @Patch('employees/:ref')
  @ApiExtraModels(Employee, SavedWithoutViewResponse)
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(Employee) }, { $ref: getSchemaPath(SavedWithoutViewResponse) }] } })
  @Roles(Role.adminBkpsdm, Role.adminOpd)
  @ApiOperation({ summary: 'Mengoreksi data pegawai (nama, e-mail, tanggal lahir/jenis kelamin sesuai NIP, CPNS → PNS)' })
  update(@CurrentPrincipal() p: Principal, @Param('ref') ref: string, @Body() dto: UpdateEmployeeDto): Promise<Employee | SavedWithoutViewResponse> {
    return this.correctEmployee.execute(p, ref, dto);
  }

  @Post('employees/:ref/transfers')
  @ApiExtraModels(Employee, SavedWithoutViewResponse)
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(Employee) }, { $ref: getSchemaPath(SavedWithoutViewResponse) }] } })
  @Idempotent()
  @HttpCode(200)
  @Roles(Role.adminBkpsdm, Role.adminOpd)
  @ApiOperation({ summary: 'Mutasi / pindah jabatan dengan TMT' })
  transfer(@CurrentPrincipal() p: Principal, @Param('ref') ref: string, @Body() dto: TransferEmployeeDto): Promise<Employee | SavedWithoutViewResponse> {
    return this.transferEmployee.execute(p, ref, dto);
  }

  @Post('employees/:ref/promotions')
  @ApiExtraModels(Employee, SavedWithoutViewResponse)
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(Employee) }, { $ref: getSchemaPath(SavedWithoutViewResponse) }] } })
  @Idempotent()
  @HttpCode(200)
  @Roles(Role.adminBkpsdm, Role.adminOpd)
  @ApiOperation({ summary: 'Kenaikan pangkat (golongan) dengan TMT' })
  promote(@CurrentPrincipal() p: Principal, @Param('ref') ref: string, @Body() dto: PromoteEmployeeDto): Promise<Employee | SavedWithoutViewResponse> {
    return this.promoteEmployee.execute(p, ref, dto);
  }

  @Post('employees/:ref/status')
  @ApiExtraModels(Employee, SavedWithoutViewResponse)
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(Employee) }, { $ref: getSchemaPath(SavedWithoutViewResponse) }] } })
  @HttpCode(200)
  @Roles(Role.adminBkpsdm, Role.adminOpd)
  @ApiOperation({ summary: 'Mengubah status: AKTIF, CUTI, PENSIUN, KELUAR (berhenti menonaktifkan akun)' })
  changeStatus(@CurrentPrincipal() p: Principal, @Param('ref') ref: string, @Body() dto: ChangeStatusDto): Promise<Employee | SavedWithoutViewResponse> {
    return this.changeEmployeeStatus.execute(p, ref, dto);
  }

  @Put('employees/:ref/supervisor-override')
  @ApiExtraModels(Employee, SavedWithoutViewResponse)
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(Employee) }, { $ref: getSchemaPath(SavedWithoutViewResponse) }] } })
  @Roles(Role.adminBkpsdm, Role.adminOpd)
  @ApiOperation({ summary: 'Menunjuk atasan langsung secara khusus (dengan alasan, tercatat di jejak audit)' })
  setOverride(@CurrentPrincipal() p: Principal, @Param('ref') ref: string, @Body() dto: SupervisorOverrideDto): Promise<Employee | SavedWithoutViewResponse> {
    return this.setSupervisorOverride.execute(p, ref, dto);
  }

  @Delete('employees/:ref/supervisor-override')
  @ApiExtraModels(Employee, SavedWithoutViewResponse)
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(Employee) }, { $ref: getSchemaPath(SavedWithoutViewResponse) }] } })
  @Roles(Role.adminBkpsdm, Role.adminOpd)
  @ApiOperation({ summary: 'Mencabut penunjukan atasan khusus (kembali mengikuti pohon jabatan)' })
  removeOverride(@CurrentPrincipal() p: Principal, @Param('ref') ref: string, @Body() dto: RemoveOverrideDto): Promise<Employee | SavedWithoutViewResponse> {
    return this.removeSupervisorOverride.execute(p, ref, dto);
  }
}
