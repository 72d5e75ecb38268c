import { ApiProperty } from '@nestjs/swagger';

export class PreferenceViewDto {
  @ApiProperty({ example: 'tim' }) kategori: string;
  @ApiProperty() label: string;
  @ApiProperty({ description: 'Kategori wajib selalu dikirim dan tidak dapat dimatikan' }) wajib: boolean;
  @ApiProperty({ description: 'Dikirim juga lewat e-mail (kotak masuk selalu diisi)' }) email: boolean;
}
