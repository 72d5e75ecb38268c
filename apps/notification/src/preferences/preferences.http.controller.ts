import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Public, type Principal } from '@capaian/shared/auth';
import { nipOf } from '../inbox/inbox.http.controller';
import { PreferenceViewDto } from './dto/preference-view.dto';
import { UnsubscribeResultDto } from './dto/unsubscribe-result.dto';
import { UpdatePreferenceDto } from './dto/update-preference.dto';
import { PreferencesQueries } from './preferences.queries';
import { Unsubscribe } from './use-cases/unsubscribe';
import { UpdatePreference } from './use-cases/update-preference';

@ApiTags('Preferensi notifikasi')
@Controller()
export class PreferencesHttpController {
  constructor(
    private readonly queries: PreferencesQueries,
    private readonly update: UpdatePreference,
    private readonly unsubscribe: Unsubscribe,
  ) {}

  @Get('preferensi')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Preferensi e-mail pengguna per kategori' })
  @ApiOkResponse({ type: [PreferenceViewDto] })
  list(@CurrentPrincipal() principal: Principal): Promise<PreferenceViewDto[]> {
    return this.queries.ofPerson(nipOf(principal));
  }

  @Put('preferensi/:kategori')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Menyalakan atau mematikan e-mail untuk satu kategori opsional' })
  @ApiOkResponse({ type: PreferenceViewDto })
  set(@CurrentPrincipal() principal: Principal, @Param('kategori') kategori: string, @Body() body: UpdatePreferenceDto): Promise<PreferenceViewDto> {
    return this.update.execute({ subject: principal.subject, nip: nipOf(principal) }, kategori, body.email);
  }

  /** GET for the link in the mail, POST for mail clients' one-click unsubscribe (RFC 8058). */
  @Get('berhenti-langganan')
  @Public()
  @ApiOperation({ summary: 'Berhenti berlangganan e-mail satu kategori lewat tautan bertanda tangan (tanpa login)' })
  @ApiQuery({ name: 'token', required: true })
  @ApiOkResponse({ type: UnsubscribeResultDto })
  viaLink(@Query('token') token: unknown): Promise<UnsubscribeResultDto> {
    return this.unsubscribe.execute(token);
  }

  @Post('berhenti-langganan')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Berhenti berlangganan satu klik (RFC 8058)' })
  @ApiQuery({ name: 'token', required: true })
  @ApiOkResponse({ type: UnsubscribeResultDto })
  oneClick(@Query('token') token: unknown): Promise<UnsubscribeResultDto> {
    return this.unsubscribe.execute(token);
  }
}
