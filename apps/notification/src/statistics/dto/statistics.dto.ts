import { ApiProperty } from '@nestjs/swagger';

export class StatisticsRowDto {
  @ApiProperty() kategori: string;
  @ApiProperty({ nullable: true, type: String, description: 'ID unit OPD penerima' }) opdId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Nama OPD penerima' }) opdNama: string | null;
  @ApiProperty({ description: 'Notifikasi di kotak masuk' }) notifikasi: number;
  @ApiProperty() dibaca: number;
  @ApiProperty({ description: 'Bagian yang sudah dibaca (0–1)' }) tingkatBaca: number;
  @ApiProperty({ description: 'E-mail terkirim' }) emailTerkirim: number;
  @ApiProperty({ description: 'E-mail gagal permanen (alamat ditolak)' }) emailGagal: number;
  @ApiProperty({ description: 'E-mail menunggu dikirim atau dicoba ulang' }) emailMenunggu: number;
  @ApiProperty({ description: 'E-mail yang digabung ke ringkasan harian' }) emailRingkasan: number;
}

export class DispatchIssueCountDto {
  @ApiProperty() kode: string;
  @ApiProperty() jumlah: number;
}

export class StatisticsDto {
  @ApiProperty({ format: 'date-time' }) dari: string;
  @ApiProperty({ format: 'date-time' }) sampai: string;
  @ApiProperty({ type: [StatisticsRowDto] }) rincian: StatisticsRowDto[];
  @ApiProperty({ type: [DispatchIssueCountDto], description: 'Pemberitahuan yang tidak dapat dibuat, per alasan' }) kendala: DispatchIssueCountDto[];
}
