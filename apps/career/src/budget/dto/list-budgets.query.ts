import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { queryInteger } from '@capaian/shared/http';
import { IsInt, Max, Min } from 'class-validator';

/** Query of `GET /budgets`. */
export class ListBudgetsQuery {
  @ApiProperty({ example: 2026 })
  @Transform(queryInteger)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}
