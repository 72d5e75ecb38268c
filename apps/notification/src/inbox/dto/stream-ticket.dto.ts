import { ApiProperty } from '@nestjs/swagger';

export class StreamTicketDto {
  @ApiProperty({ description: 'Tiket sekali pakai untuk membuka siaran langsung; berlaku singkat' }) tiket: string;
  @ApiProperty({ format: 'date-time' }) kedaluwarsaPada: string;
  @ApiProperty({ description: 'Alamat siaran (Server-Sent Events) dengan tiket ini' }) url: string;
}
