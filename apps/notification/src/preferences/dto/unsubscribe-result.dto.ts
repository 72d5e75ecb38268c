import { ApiProperty } from '@nestjs/swagger';

export class UnsubscribeResultDto {
  @ApiProperty() kategori: string;
  @ApiProperty() label: string;
  @ApiProperty({ example: false }) email: boolean;
  @ApiProperty() pesan: string;
}
