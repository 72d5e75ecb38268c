import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsNumber, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';

export class RealizationLineDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() indicatorId: string;
  @ApiProperty({ example: 12 }) @IsNumber({ allowNaN: false, allowInfinity: false }) value: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

/** Body of `PUT /skps/:id/periods/:number/realization`. */
export class ReportRealizationDto {
  @ApiProperty({ type: [RealizationLineDto] }) @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => RealizationLineDto) realizations: RealizationLineDto[];
}
