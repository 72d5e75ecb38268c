import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@capaian/shared/auth';
import { AsOfQuery } from '../common/dto';
import { asOfDate } from '../common/temporal';
import { EmployeeAccess } from '../employee/employee-access';
import { ReportingService } from './reporting.service';
import { AppraisersResponse, EmployeesAsOfResponse, Supervisor } from './reporting.responses';

/**
 * Reporting lines of one employee (by id or NIP) or of the caller (`/me/...`), as of any date.
 * Readable by the employee, everyone above them, their OPD admin, BKPSDM and read-only agency apps.
 */
@ApiTags('garis-atasan')
@ApiBearerAuth()
@Controller()
export class ReportingHttpController {
  constructor(
    private readonly reporting: ReportingService,
    private readonly access: EmployeeAccess,
  ) {}

  private async target(principal: Principal, ref: string) {
    const key = await this.access.find(ref);
    await this.access.assertCanRead(principal, key);
    return key;
  }

  @Get('employees/:ref/supervisor')
  @ApiOkResponse({ type: Supervisor })
  @ApiOperation({ summary: 'Atasan langsung pegawai (penunjukan khusus atau pohon jabatan)' })
  async supervisor(@CurrentPrincipal() p: Principal, @Param('ref') ref: string, @Query() q: AsOfQuery): Promise<Supervisor> {
    const date = asOfDate(q.asOf);
    return this.reporting.supervisor((await this.target(p, ref)).id, date);
  }

  @Get('employees/:ref/direct-reports')
  @ApiOkResponse({ type: EmployeesAsOfResponse })
  @ApiOperation({ summary: 'Bawahan langsung pegawai' })
  async directReports(@CurrentPrincipal() p: Principal, @Param('ref') ref: string, @Query() q: AsOfQuery): Promise<EmployeesAsOfResponse> {
    const date = asOfDate(q.asOf);
    return this.reporting.directReports((await this.target(p, ref)).id, date);
  }

  @Get('employees/:ref/chain')
  @ApiOkResponse({ type: EmployeesAsOfResponse })
  @ApiOperation({ summary: 'Garis atasan sampai kepala OPD' })
  async chain(@CurrentPrincipal() p: Principal, @Param('ref') ref: string, @Query() q: AsOfQuery): Promise<EmployeesAsOfResponse> {
    const date = asOfDate(q.asOf);
    return this.reporting.chain((await this.target(p, ref)).id, date);
  }

  @Get('employees/:ref/appraisers')
  @ApiOkResponse({ type: AppraisersResponse })
  @ApiOperation({ summary: 'Pejabat penilai kinerja dan atasan pejabat penilai' })
  async appraisers(@CurrentPrincipal() p: Principal, @Param('ref') ref: string, @Query() q: AsOfQuery): Promise<AppraisersResponse> {
    const date = asOfDate(q.asOf);
    return this.reporting.appraisers((await this.target(p, ref)).id, date);
  }

  @Get('me/supervisor')
  @ApiOkResponse({ type: Supervisor })
  @ApiOperation({ summary: 'Atasan langsung saya' })
  async mySupervisor(@CurrentPrincipal() p: Principal, @Query() q: AsOfQuery): Promise<Supervisor> {
    const date = asOfDate(q.asOf);
    return this.reporting.supervisor((await this.access.self(p)).id, date);
  }

  @Get('me/direct-reports')
  @ApiOkResponse({ type: EmployeesAsOfResponse })
  @ApiOperation({ summary: 'Bawahan langsung saya' })
  async myDirectReports(@CurrentPrincipal() p: Principal, @Query() q: AsOfQuery): Promise<EmployeesAsOfResponse> {
    const date = asOfDate(q.asOf);
    return this.reporting.directReports((await this.access.self(p)).id, date);
  }

  @Get('me/chain')
  @ApiOkResponse({ type: EmployeesAsOfResponse })
  @ApiOperation({ summary: 'Garis atasan saya sampai kepala OPD' })
  async myChain(@CurrentPrincipal() p: Principal, @Query() q: AsOfQuery): Promise<EmployeesAsOfResponse> {
    const date = asOfDate(q.asOf);
    return this.reporting.chain((await this.access.self(p)).id, date);
  }

  @Get('me/appraisers')
  @ApiOkResponse({ type: AppraisersResponse })
  @ApiOperation({ summary: 'Pejabat penilai dan atasan pejabat penilai saya' })
  async myAppraisers(@CurrentPrincipal() p: Principal, @Query() q: AsOfQuery): Promise<AppraisersResponse> {
    const date = asOfDate(q.asOf);
    return this.reporting.appraisers((await this.access.self(p)).id, date);
  }
}
