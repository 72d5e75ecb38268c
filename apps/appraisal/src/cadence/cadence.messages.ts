import { defineMessages } from '@capaian/kinerja';

export const CadenceMessages = defineMessages('cadence', {
  TANGGAL_JADWAL_DI_LUAR_TAHUN: { kind: 'invalid', message: 'Batas waktu perencanaan harus berada di tahun {tahun}' },
  BATAS_PENILAIAN_TIDAK_VALID: { kind: 'invalid', message: 'Batas waktu penilaian akhir tahun harus setelah akhir tahun {tahun}' },
  OPD_TIDAK_DIKENAL: { kind: 'not-found', message: 'OPD dengan kode {kode} tidak dikenal' },
  PERIODE_TIDAK_ADA: { kind: 'not-found', message: 'Periode ke-{nomor} tidak ada dalam jadwal SKP ini' },
});
