import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@capaian/shared/auth';
import { CreateSessionDto } from './dto/create-session.dto';
import { SessionQueries } from './session.queries';
import { CreateSession } from './use-cases/create-session';
import { SessionRecordResponse } from './sessions.responses';

@ApiTags('Sesi program pengembangan')
@ApiBearerAuth()
@Controller()
export class SessionsHttpController {
  constructor(
    private readonly createSession: CreateSession,
    private readonly queries: SessionQueries,
  ) {}

  @Post('programs/:id/sessions')
  @ApiCreatedResponse({ type: SessionRecordResponse })
  @HttpCode(201)
  @Roles('admin-bkpsdm')
  @ApiOperation({ summary: 'Menjadwalkan sesi program (BKPSDM)' })
  create(@Param('id', ParseUUIDPipe) id: string, @Body() body: CreateSessionDto, @CurrentPrincipal() principal: Principal): Promise<SessionRecordResponse> {
    return this.createSession.execute(principal, id, body);
  }

  @Get('programs/:id/sessions')
  @ApiOkResponse({ type: SessionRecordResponse, isArray: true })
  @ApiOperation({ summary: 'Sesi sebuah program' })
  ofProgram(@Param('id', ParseUUIDPipe) id: string): Promise<SessionRecordResponse[]> {
    return this.queries.ofProgram(id);
  }

  @Get('sessions/:id')
  @ApiOkResponse({ type: SessionRecordResponse })
  @ApiOperation({ summary: 'Satu sesi dengan kuota terisi' })
  one(@Param('id', ParseUUIDPipe) id: string): Promise<SessionRecordResponse> {
    return this.queries.one(id);
  }
}
