import { defineMessages } from '@capaian/kinerja';

export const StorageMessages = defineMessages('storage', {
  JENIS_BERKAS_DITOLAK: { kind: 'invalid', message: 'Jenis berkas tidak diterima; yang diizinkan: {diizinkan}' },
  BERKAS_TERLALU_BESAR: { kind: 'too-large', message: 'Berkas lebih besar dari batas {batas}' },
  BERKAS_KOSONG: { kind: 'invalid', message: 'Berkas kosong' },
  ISI_BERKAS_TIDAK_SESUAI: { kind: 'invalid', message: 'Isi berkas bukan berkas {jenis} seperti yang disebutkan' },
  UNGGAHAN_TERPUTUS: { kind: 'invalid', message: 'Unggahan terputus sebelum selesai; silakan unggah ulang' },
  BERKAS_TIDAK_DITEMUKAN: { kind: 'not-found', message: 'Berkas tidak ditemukan' },
});
