import { ApiProperty } from '@nestjs/swagger';
import type { InboxItemRow } from '../infrastructure/inbox.repository';

export class NotificationViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'skp' }) kategori: string;
  @ApiProperty() judul: string;
  @ApiProperty() isi: string;
  @ApiProperty({ nullable: true, type: String, description: 'Jalur di portal Capaian' }) tautan: string | null;
  @ApiProperty({ format: 'date-time' }) dibuatPada: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) dibacaPada: string | null;
}

export function toView(r: InboxItemRow): NotificationViewDto {
  return {
    id: r.id,
    kategori: r.kategori,
    judul: r.judul,
    isi: r.isi,
    tautan: r.tautan,
    dibuatPada: new Date(r.created_at).toISOString(),
    dibacaPada: r.read_at ? new Date(r.read_at).toISOString() : null,
  };
}
