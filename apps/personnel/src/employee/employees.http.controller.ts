import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@capaian/shared/auth';
import { Role } from '../common/access';
import { AsOfQuery } from '../common/dto';
import {
  ChangeStatusDto,
  EmployeeListQuery,
  HireEmployeeDto,
  PromoteEmployeeDto,
  RemoveOverrideDto,
  SupervisorOverrideDto,
  TransferEmployeeDto,
  UpdateEmployeeDto,
} from './employee.dto';
import { EmployeeAccess } from './employee-access';
import { EmployeeService } from './employee.service';
import { Idempotent } from '@capaian/shared/persistence';

/**
 * Employees by id or NIP. admin-bkpsdm: everything; admin-opd: their OPD; integrasi-baca: read;
 * pegawai/pimpinan: themselves and the people below them (read).
 */
@ApiTags('pegawai')
@ApiBearerAuth()
@Controller()
export class EmployeesHttpController {
  constructor(
    private readonly employees: EmployeeService,
    private readonly access: EmployeeAccess,
  ) {}

  @Get('employees')
  @ApiOperation({ summary: 'Daftar pegawai (berhalaman; filter OPD, unit, jenis jabatan, golongan, awalan nama atau NIP; asOf)' })
  list(@CurrentPrincipal() p: Principal, @Query() q: EmployeeListQuery) {
    return this.employees.list(p, q);
  }

  @Get('me')
  @ApiOperation({ summary: 'Data kepegawaian saya' })
  async me(@CurrentPrincipal() p: Principal, @Query() q: AsOfQuery) {
    return this.employees.view((await this.access.self(p)).id, q.asOf);
  }

  @Get('employees/:ref')
  @ApiOperation({ summary: 'Satu pegawai (id atau NIP), dapat per tanggal (asOf)' })
  get(@CurrentPrincipal() p: Principal, @Param('ref') ref: string, @Query() q: AsOfQuery) {
    return this.employees.get(p, ref, q.asOf);
  }

  @Get('employees/:ref/history')
  @ApiOperation({ summary: 'Riwayat jabatan, golongan dan status dengan tanggal berlaku' })
  history(@CurrentPrincipal() p: Principal, @Param('ref') ref: string) {
    return this.employees.history(p, ref);
  }

  @Post('employees')
  @Idempotent()
  @Roles(Role.adminBkpsdm, Role.adminOpd)
  @ApiOperation({ summary: 'Mengangkat pegawai (membuat akun SSO kecuali createAccount=false)' })
  hire(@CurrentPrincipal() p: Principal, @Body() dto: HireEmployeeDto) {
    return this.employees.hire(p, dto);
  }

  @Patch('employees/:ref')
  @Roles(Role.adminBkpsdm, Role.adminOpd)
  @ApiOperation({ summary: 'Mengoreksi data pegawai (nama, e-mail, tanggal lahir/jenis kelamin sesuai NIP, CPNS → PNS)' })
  update(@CurrentPrincipal() p: Principal, @Param('ref') ref: string, @Body() dto: UpdateEmployeeDto) {
    return this.employees.update(p, ref, dto);
  }

  @Post('employees/:ref/transfers')
  @Idempotent()
  @HttpCode(200)
  @Roles(Role.adminBkpsdm, Role.adminOpd)
  @ApiOperation({ summary: 'Mutasi / pindah jabatan dengan TMT' })
  transfer(@CurrentPrincipal() p: Principal, @Param('ref') ref: string, @Body() dto: TransferEmployeeDto) {
    return this.employees.transfer(p, ref, dto);
  }

  @Post('employees/:ref/promotions')
  @Idempotent()
  @HttpCode(200)
  @Roles(Role.adminBkpsdm, Role.adminOpd)
  @ApiOperation({ summary: 'Kenaikan pangkat (golongan) dengan TMT' })
  promote(@CurrentPrincipal() p: Principal, @Param('ref') ref: string, @Body() dto: PromoteEmployeeDto) {
    return this.employees.promote(p, ref, dto);
  }

  @Post('employees/:ref/status')
  @HttpCode(200)
  @Roles(Role.adminBkpsdm, Role.adminOpd)
  @ApiOperation({ summary: 'Mengubah status: AKTIF, CUTI, PENSIUN, KELUAR (berhenti menonaktifkan akun)' })
  changeStatus(@CurrentPrincipal() p: Principal, @Param('ref') ref: string, @Body() dto: ChangeStatusDto) {
    return this.employees.changeStatus(p, ref, dto);
  }

  @Put('employees/:ref/supervisor-override')
  @Roles(Role.adminBkpsdm, Role.adminOpd)
  @ApiOperation({ summary: 'Menunjuk atasan langsung secara khusus (dengan alasan, tercatat di jejak audit)' })
  setOverride(@CurrentPrincipal() p: Principal, @Param('ref') ref: string, @Body() dto: SupervisorOverrideDto) {
    return this.employees.setSupervisorOverride(p, ref, dto);
  }

  @Delete('employees/:ref/supervisor-override')
  @Roles(Role.adminBkpsdm, Role.adminOpd)
  @ApiOperation({ summary: 'Mencabut penunjukan atasan khusus (kembali mengikuti pohon jabatan)' })
  removeOverride(@CurrentPrincipal() p: Principal, @Param('ref') ref: string, @Body() dto: RemoveOverrideDto) {
    return this.employees.removeSupervisorOverride(p, ref, dto);
  }
}
