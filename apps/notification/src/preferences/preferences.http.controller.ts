import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Public, type Principal } from '@capaian/shared/auth';
import { nipOf } from '../inbox/inbox.http.controller';
import { PreferenceViewDto } from './dto/preference-view.dto';
import { UnsubscribeResultDto } from './dto/unsubscribe-result.dto';
import { UpdatePreferenceDto } from './dto/update-preference.dto';
import { PreferencesQuery } from './preferences.query';
import { UnsubscribeUseCase } from './unsubscribe.use-case';
import { UpdatePreferenceUseCase } from './update-preference.use-case';

@ApiTags('Preferensi notifikasi')
@Controller()
export class PreferencesHttpController {
  constructor(
    private readonly query: PreferencesQuery,
    private readonly update: UpdatePreferenceUseCase,
    private readonly unsubscribe: UnsubscribeUseCase,
  ) {}

  @Get('preferensi')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Preferensi e-mail pengguna per kategori' })
  @ApiOkResponse({ type: [PreferenceViewDto] })
  list(@CurrentPrincipal() principal: Principal): Promise<PreferenceViewDto[]> {
    return this.query.execute(nipOf(principal));
  }

  @Put('preferensi/:kategori')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Menyalakan atau mematikan e-mail untuk satu kategori opsional' })
  @ApiOkResponse({ type: PreferenceViewDto })
  set(@CurrentPrincipal() principal: Principal, @Param('kategori') kategori: string, @Body() body: UpdatePreferenceDto): Promise<PreferenceViewDto> {
    return this.update.execute(nipOf(principal), kategori, body.email);
  }

  /** GET for the link in the mail, POST for mail clients' one-click unsubscribe (RFC 8058). */
  @Get('berhenti-langganan')
  @Public()
  @ApiOperation({ summary: 'Berhenti berlangganan e-mail satu kategori lewat tautan bertanda tangan (tanpa login)' })
  @ApiQuery({ name: 'token', required: true })
  @ApiOkResponse({ type: UnsubscribeResultDto })
  viaLink(@Query('token') token: string | undefined): Promise<UnsubscribeResultDto> {
    return this.unsubscribe.execute(token);
  }

  @Post('berhenti-langganan')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Berhenti berlangganan satu klik (RFC 8058)' })
  @ApiQuery({ name: 'token', required: true })
  @ApiOkResponse({ type: UnsubscribeResultDto })
  oneClick(@Query('token') token: string | undefined): Promise<UnsubscribeResultDto> {
    return this.unsubscribe.execute(token);
  }
}
