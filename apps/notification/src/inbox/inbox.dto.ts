import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@capaian/shared/http';
import { IsIn, IsOptional } from 'class-validator';

export class InboxQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Hanya notifikasi yang belum dibaca' })
  @IsOptional()
  @IsIn(['true', 'false'])
  belumDibaca?: 'true' | 'false';
}

export class NotificationViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'platform.ping' }) kategori: string;
  @ApiProperty() judul: string;
  @ApiProperty() isi: string;
  @ApiProperty({ nullable: true, type: String }) tautan: string | null;
  @ApiProperty({ format: 'date-time' }) dibuatPada: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) dibacaPada: string | null;
}

export class InboxPageDto {
  @ApiProperty({ type: [NotificationViewDto] }) items: NotificationViewDto[];
  @ApiProperty() page: number;
  @ApiProperty() size: number;
  @ApiProperty() total: number;
  @ApiProperty({ description: 'Jumlah notifikasi yang belum dibaca' }) belumDibaca: number;
}
