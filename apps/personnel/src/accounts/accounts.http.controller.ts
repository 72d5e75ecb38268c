import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ELEVATED_ROLES, type ElevatedRole } from '@capaian/contracts';
import { CurrentPrincipal, Roles, type Principal } from '@capaian/shared/auth';
import { actorOf, Role } from '../common/access';
import { EmployeeAccess } from '../employee/employee-access';
import { GrantAdminOpdDto } from '../employee/employee.dto';
import { AccountMessages } from './accounts.messages';
import { AccountsService } from './accounts.service';
import { AccountStateResponse } from './accounts.responses';

function elevatedRole(value: string): ElevatedRole {
  if (!(ELEVATED_ROLES as readonly string[]).includes(value)) throw AccountMessages.error('PERAN_TIDAK_DIKENAL', { role: value }, 'role');
  return value as ElevatedRole;
}

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
  @ApiOkResponse({ type: AccountStateResponse })
  @Roles(Role.adminBkpsdm, Role.adminOpd)
  @ApiOperation({ summary: 'Status akun SSO pegawai' })
  async state(@CurrentPrincipal() p: Principal, @Param('ref') ref: string): Promise<AccountStateResponse> {
    const key = await this.access.find(ref);
    this.access.assertCanManage(p, key.opdCode);
    return this.accounts.state(key.id);
  }

  @Post('account')
  @ApiOkResponse({ type: AccountStateResponse })
  @HttpCode(200)
  @Roles(Role.adminBkpsdm, Role.adminOpd)
  @ApiOperation({ summary: 'Membuat atau menautkan akun SSO pegawai (username = NIP)' })
  async provision(@CurrentPrincipal() p: Principal, @Param('ref') ref: string): Promise<AccountStateResponse> {
    const key = await this.access.find(ref);
    this.access.assertCanManage(p, key.opdCode);
    return this.accounts.provision(key.id, actorOf(p));
  }

  @Post('roles/admin-opd')
  @ApiOkResponse({ type: AccountStateResponse })
  @HttpCode(200)
  @Roles(Role.adminBkpsdm)
  @ApiOperation({ summary: 'Memberi peran admin-opd untuk OPD tempat pegawai bekerja' })
  async grant(@CurrentPrincipal() p: Principal, @Param('ref') ref: string, @Body() dto: GrantAdminOpdDto): Promise<AccountStateResponse> {
    const key = await this.access.find(ref);
    return this.accounts.grantAdminOpd(key.id, dto.opd, actorOf(p));
  }

  @Delete('roles/admin-opd')
  @ApiOkResponse({ type: AccountStateResponse })
  @Roles(Role.adminBkpsdm)
  @ApiOperation({ summary: 'Mencabut peran admin-opd' })
  async revoke(@CurrentPrincipal() p: Principal, @Param('ref') ref: string): Promise<AccountStateResponse> {
    const key = await this.access.find(ref);
    return this.accounts.revokeAdminOpd(key.id, actorOf(p));
  }

  // After the admin-opd routes: a static segment wins over the parameter, so admin-opd keeps its own body (the OPD).
  @Post('roles/:role')
  @ApiOkResponse({ type: AccountStateResponse })
  @HttpCode(200)
  @Roles(Role.adminBkpsdm)
  @ApiOperation({ summary: 'Memberi peran admin-bkpsdm atau pimpinan kepada pegawai' })
  async grantRole(@CurrentPrincipal() p: Principal, @Param('ref') ref: string, @Param('role') role: string): Promise<AccountStateResponse> {
    const wanted = elevatedRole(role);
    const key = await this.access.find(ref);
    return this.accounts.grantRole(key.id, wanted, actorOf(p));
  }

  @Delete('roles/:role')
  @ApiOkResponse({ type: AccountStateResponse })
  @Roles(Role.adminBkpsdm)
  @ApiOperation({ summary: 'Mencabut peran admin-bkpsdm atau pimpinan' })
  async revokeRole(@CurrentPrincipal() p: Principal, @Param('ref') ref: string, @Param('role') role: string): Promise<AccountStateResponse> {
    const wanted = elevatedRole(role);
    const key = await this.access.find(ref);
    return this.accounts.revokeRole(key.id, wanted, actorOf(p));
  }
}
