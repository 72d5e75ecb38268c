import { defineMessages } from '@capaian/kinerja';

export const EvaluationMessages = defineMessages('evaluation', {
  EVALUASI_TIDAK_DITEMUKAN: { kind: 'not-found', message: 'Evaluasi kinerja tidak ditemukan' },
  TRANSISI_EVALUASI_TIDAK_DIIZINKAN: { kind: 'rule', message: 'Evaluasi berstatus {status} tidak dapat {aksi}' },
  SKP_BELUM_DITETAPKAN: { kind: 'rule', message: 'Evaluasi hanya dapat dilakukan atas SKP yang sudah ditetapkan' },
  ALASAN_PENYIMPANGAN_WAJIB: { kind: 'invalid', message: 'Rating yang berbeda dari saran sistem wajib disertai alasan' },
  RATING_PERILAKU_TIDAK_LENGKAP: { kind: 'invalid', message: 'Rating perilaku untuk nilai {nilai} belum diisi' },
  RATING_UNIT_TIDAK_BOLEH_DIUBAH: { kind: 'rule', message: 'Rating hasil kerja kepala unit mengikuti predikat kinerja unitnya dan tidak dapat ditentukan sendiri' },
  PREDIKAT_UNIT_WAJIB: { kind: 'invalid', message: 'Predikat kinerja organisasi unit wajib diisi untuk kepala unit' },
  UMPAN_BALIK_BELUM_LENGKAP: { kind: 'rule', message: 'Masih ada periode yang belum diberi umpan balik oleh pejabat penilai' },
  BATAS_WAKTU_PENILAIAN_TERLEWATI: { kind: 'rule', message: 'Batas waktu penilaian akhir tahun ({batas}) sudah lewat' },
  BELUM_AKHIR_PERIODE: { kind: 'rule', message: 'Penilaian akhir baru dapat dilakukan setelah periode SKP berakhir ({tanggal})' },
});
