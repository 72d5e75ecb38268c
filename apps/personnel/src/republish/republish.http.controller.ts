import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@capaian/shared/auth';
import { actorOf, Role } from '../common/access';
import { RepublishService } from './republish.service';
import { Republish } from './republish.responses';

/** BKPSDM's button for rebuilding other services' copies of the personnel data. */
@ApiTags('publikasi-ulang')
@ApiBearerAuth()
@Controller()
export class RepublishHttpController {
  constructor(private readonly republishing: RepublishService) {}

  @Post('republish')
  @ApiOkResponse({ type: Republish })
  @HttpCode(200)
  @Roles(Role.adminBkpsdm)
  @ApiOperation({
    summary: 'Menerbitkan ulang keadaan terkini semua unit, jabatan dan pegawai',
    description: 'Hanya admin-bkpsdm. Layanan lain membangun ulang salinan data kepegawaian mereka dari hasil publikasi ini.',
  })
  async republish(@CurrentPrincipal() p: Principal): Promise<Republish> {
    return this.republishing.republish(actorOf(p));
  }
}
