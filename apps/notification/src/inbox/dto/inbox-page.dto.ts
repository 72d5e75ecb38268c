import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '@capaian/shared/http';
import { NotificationViewDto } from './notification-view.dto';

export class InboxPageDto extends PageOf(NotificationViewDto) {
  @ApiProperty({ description: 'Jumlah notifikasi yang belum dibaca' }) belumDibaca: number;
}
