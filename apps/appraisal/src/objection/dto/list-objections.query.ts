import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@capaian/shared/http';
import { IsIn, IsOptional } from 'class-validator';
import { OBJECTION_STATUSES, type ObjectionStatus } from '../domain/objection';

/** Query of `GET /objections`: the objections the caller decides as atasan penilai, optionally of one status. */
export class ListObjectionsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: OBJECTION_STATUSES, description: 'Bawaan: semua status; DIAJUKAN = menunggu keputusan' })
  @IsOptional()
  @IsIn(OBJECTION_STATUSES)
  status?: ObjectionStatus;
}
