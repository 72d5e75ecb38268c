import { defineMessages } from '@capaian/kinerja';

export const DocumentMessages = defineMessages('documents', {
  DOKUMEN_TIDAK_DITEMUKAN: { kind: 'not-found', message: 'Kode verifikasi tidak dikenal' },
  DOKUMEN_SKP_BELUM_TERSEDIA: { kind: 'rule', message: 'Dokumen SKP hanya tersedia untuk SKP yang sudah ditetapkan' },
});
