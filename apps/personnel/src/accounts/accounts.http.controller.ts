import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@capaian/shared/auth';
import { actorOf, Role } from '../common/access';
import { EmployeeAccess } from '../employee/employee-access';
import { GrantAdminOpdDto } from '../employee/employee.dto';
import { AccountsService } from './accounts.service';

/** SSO accounts of employees (Keycloak): state, (re)provisioning, and the OPD-scoped admin-opd role. */
@ApiTags('akun-sso')
@ApiBearerAuth()
@Controller('employees/:ref')
export class AccountsHttpController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly access: EmployeeAccess,
  ) {}

  @Get('account')
  @Roles(Role.adminBkpsdm, Role.adminOpd)
  @ApiOperation({ summary: 'Status akun SSO pegawai' })
  async state(@CurrentPrincipal() p: Principal, @Param('ref') ref: string) {
    const key = await this.access.find(ref);
    this.access.assertCanManage(p, key.opdCode);
    return this.accounts.state(key.id);
  }

  @Post('account')
  @HttpCode(200)
  @Roles(Role.adminBkpsdm, Role.adminOpd)
  @ApiOperation({ summary: 'Membuat atau menautkan akun SSO pegawai (username = NIP)' })
  async provision(@CurrentPrincipal() p: Principal, @Param('ref') ref: string) {
    const key = await this.access.find(ref);
    this.access.assertCanManage(p, key.opdCode);
    return this.accounts.provision(key.id, actorOf(p));
  }

  @Post('roles/admin-opd')
  @HttpCode(200)
  @Roles(Role.adminBkpsdm)
  @ApiOperation({ summary: 'Memberi peran admin-opd untuk OPD tempat pegawai bekerja' })
  async grant(@CurrentPrincipal() p: Principal, @Param('ref') ref: string, @Body() dto: GrantAdminOpdDto) {
    const key = await this.access.find(ref);
    return this.accounts.grantAdminOpd(key.id, dto.opd, actorOf(p));
  }

  @Delete('roles/admin-opd')
  @Roles(Role.adminBkpsdm)
  @ApiOperation({ summary: 'Mencabut peran admin-opd' })
  async revoke(@CurrentPrincipal() p: Principal, @Param('ref') ref: string) {
    const key = await this.access.find(ref);
    return this.accounts.revokeAdminOpd(key.id, actorOf(p));
  }
}
