import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsNotEmpty, IsNumber, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { ASPEK, DIRECTIONS, PENDEKATAN, RHK_KINDS, type Aspek, type Direction, type Pendekatan, type RhkKind } from '../domain/skp';

export class IndicatorDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Bawaan: dibuat oleh server' }) @IsOptional() @IsUUID() id?: string;
  @ApiProperty({ example: 'Jumlah pengaduan masyarakat yang ditangani' }) @IsString() @IsNotEmpty() @MaxLength(500) description: string;
  @ApiProperty({ enum: ASPEK }) @IsIn(ASPEK) aspek: Aspek;
  @ApiPropertyOptional({ example: 120, nullable: true }) @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) target?: number | null;
  @ApiPropertyOptional({ example: 'pengaduan', nullable: true }) @IsOptional() @IsString() @MaxLength(60) unit?: string | null;
  @ApiProperty({ enum: DIRECTIONS, description: 'NAIK: makin tinggi makin baik; TURUN: makin rendah makin baik' }) @IsIn(DIRECTIONS) direction: Direction;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() evidenceRequired?: boolean;
}

export class RhkDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() id?: string;
  @ApiProperty({ enum: RHK_KINDS }) @IsIn(RHK_KINDS) kind: RhkKind;
  @ApiProperty({ example: 'Meningkatnya penanganan pengaduan masyarakat' }) @IsString() @IsNotEmpty() @MaxLength(1000) description: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'RHK pejabat penilai yang diintervensi' }) @IsOptional() @IsUUID() parentRhkId?: string | null;
  @ApiProperty({ type: [IndicatorDto] }) @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => IndicatorDto) indicators: IndicatorDto[];
}

export class AnnexDto {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(30) @IsString({ each: true }) @MaxLength(500, { each: true }) resources: string[];
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(30) @IsString({ each: true }) @MaxLength(500, { each: true }) accountability: string[];
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(30) @IsString({ each: true }) @MaxLength(500, { each: true }) consequences: string[];
}

/** The plan an employee drafts: approach, RHK with indicators, annex. */
export class SkpContentDto {
  @ApiProperty({ enum: PENDEKATAN }) @IsIn(PENDEKATAN) pendekatan: Pendekatan;
  @ApiProperty({ type: [RhkDto] }) @IsArray() @ArrayMaxSize(40) @ValidateNested({ each: true }) @Type(() => RhkDto) rhk: RhkDto[];
  @ApiPropertyOptional({ type: AnnexDto }) @IsOptional() @ValidateNested() @Type(() => AnnexDto) annex?: AnnexDto;
}
