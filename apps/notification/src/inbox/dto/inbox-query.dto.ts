import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@capaian/shared/http';
import { IsIn, IsOptional } from 'class-validator';

export class InboxQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Hanya notifikasi yang belum dibaca' })
  @IsOptional()
  @IsIn(['true', 'false'])
  belumDibaca?: 'true' | 'false';
}
