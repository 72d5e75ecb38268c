import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

export class UpdatePreferenceDto {
  @ApiProperty({ description: 'Kirim pemberitahuan kategori ini lewat e-mail' })
  @IsBoolean()
  email: boolean;
}
