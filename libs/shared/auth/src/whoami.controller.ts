import { Controller, Get, Inject, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from './decorators';
import { type Principal, toPublicPrincipal } from './principal';

export const AUTH_SERVICE_NAME = Symbol('AUTH_SERVICE_NAME');

export class WhoAmIResponse {
  @ApiProperty({ example: 'personnel', description: 'Layanan yang menjawab' })
  service: string;
  @ApiProperty({ description: 'Subjek Keycloak (sub)' })
  subject: string;
  @ApiProperty({ example: '197906012005011002' })
  username: string;
  @ApiPropertyOptional({ example: '197906012005011002' })
  nip?: string;
  @ApiPropertyOptional({ example: 'BKPSDM' })
  opd?: string;
  @ApiProperty({ type: [String], example: ['pegawai', 'admin-bkpsdm'] })
  roles: string[];
  @ApiPropertyOptional({ example: 'capaian-portal' })
  clientId?: string;
  @ApiProperty()
  isServiceAccount: boolean;
}

/**
 * `GET /api/v1/<service>/whoami`: the caller as this service sees it (the `/api/v1/<service>`
 * part is the global prefix that configureHttpApp sets). Built per service so that the answer
 * names the service, which shows whose check let the request through.
 */
export function createWhoAmIController(service: string): Type<unknown> {
  @ApiTags('auth')
  @ApiBearerAuth()
  @Controller('whoami')
  class WhoAmIController {
    constructor(@Inject(AUTH_SERVICE_NAME) private readonly serviceName: string) {}

    @Get()
    @ApiOkResponse({ type: WhoAmIResponse, description: `Pemanggil menurut layanan ${service}` })
    whoami(@CurrentPrincipal() principal: Principal): WhoAmIResponse {
      return { service: this.serviceName, ...toPublicPrincipal(principal) };
    }
  }
  return WhoAmIController;
}
