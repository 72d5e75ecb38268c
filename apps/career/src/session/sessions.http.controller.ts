import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@capaian/shared/auth';
import { CreateSessionDto } from './dto/create-session.dto';
import { SessionQueries } from './session.queries';
import { CreateSession } from './use-cases/create-session';

@ApiTags('Sesi program pengembangan')
@ApiBearerAuth()
@Controller()
export class SessionsHttpController {
  constructor(
    private readonly createSession: CreateSession,
    private readonly queries: SessionQueries,
  ) {}

  @Post('programs/:id/sessions')
  @HttpCode(201)
  @Roles('admin-bkpsdm')
  @ApiOperation({ summary: 'Menjadwalkan sesi program (BKPSDM)' })
  create(@Param('id', ParseUUIDPipe) id: string, @Body() body: CreateSessionDto, @CurrentPrincipal() principal: Principal) {
    return this.createSession.execute(principal, id, body);
  }

  @Get('programs/:id/sessions')
  @ApiOperation({ summary: 'Sesi sebuah program' })
  ofProgram(@Param('id', ParseUUIDPipe) id: string) {
    return this.queries.ofProgram(id);
  }

  @Get('sessions/:id')
  @ApiOperation({ summary: 'Satu sesi dengan kuota terisi' })
  one(@Param('id', ParseUUIDPipe) id: string) {
    return this.queries.one(id);
  }
}
