import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { CountablePageQuery } from '../../common/dto';
import { UNIT_KINDS, type UnitKind } from '../domain/org-unit.rules';

export class UnitListQuery extends CountablePageQuery {
  @ApiPropertyOptional({ description: 'Id atau kode unit induk' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  parentId?: string;

  @ApiPropertyOptional({ description: 'Kode OPD' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  opd?: string;

  @ApiPropertyOptional({ enum: UNIT_KINDS })
  @IsOptional()
  @IsIn(UNIT_KINDS as unknown as string[])
  kind?: UnitKind;

  @ApiPropertyOptional({ enum: ['AKTIF', 'DITUTUP'] })
  @IsOptional()
  @IsIn(['AKTIF', 'DITUTUP'])
  status?: 'AKTIF' | 'DITUTUP';

  @ApiPropertyOptional({ description: 'Awalan nama atau kode' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(10)
  asOf?: string;
}
