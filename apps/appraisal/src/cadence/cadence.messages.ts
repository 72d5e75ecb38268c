import { defineMessages } from '@capaian/kinerja';

export const CadenceMessages = defineMessages('cadence', {
  TANGGAL_JADWAL_DI_LUAR_TAHUN: { kind: 'invalid', message: 'Batas waktu perencanaan harus berada di tahun {year}' },
  BATAS_PENILAIAN_TIDAK_VALID: { kind: 'invalid', message: 'Batas waktu penilaian akhir tahun harus setelah akhir tahun {year}' },
  OPD_TIDAK_DIKENAL: { kind: 'not-found', message: 'OPD dengan kode {code} tidak dikenal' },
  PERIODE_TIDAK_ADA: { kind: 'not-found', message: 'Periode ke-{number} tidak ada dalam jadwal SKP ini' },
});
