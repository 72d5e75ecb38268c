import { ApiProperty } from '@nestjs/swagger';
import { NotificationViewDto } from './notification-view.dto';

export class InboxPageDto {
  @ApiProperty({ type: [NotificationViewDto] }) items: NotificationViewDto[];
  @ApiProperty() page: number;
  @ApiProperty() size: number;
  @ApiProperty() total: number;
  @ApiProperty({ description: 'Jumlah notifikasi yang belum dibaca' }) belumDibaca: number;
}
