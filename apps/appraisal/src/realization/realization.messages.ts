import { defineMessages } from '@capaian/kinerja';

export const RealizationMessages = defineMessages('realization', {
  TRANSISI_LAPORAN_TIDAK_DIIZINKAN: { kind: 'rule', message: 'Laporan periode berstatus {status} tidak dapat {aksi}' },
  SKP_BELUM_DITETAPKAN_UNTUK_REALISASI: { kind: 'rule', message: 'Realisasi hanya dapat dilaporkan atas SKP yang sudah ditetapkan' },
  INDIKATOR_TIDAK_DIKENAL: { kind: 'invalid', message: 'Indikator tidak ada pada SKP ini' },
  BUKTI_DUKUNG_WAJIB: { kind: 'rule', message: 'Realisasi indikator "{indikator}" wajib disertai sedikitnya satu bukti dukung' },
  REALISASI_KOSONG: { kind: 'invalid', message: 'Laporan harus memuat sedikitnya satu realisasi' },
  REALISASI_TIDAK_VALID: { kind: 'invalid', message: 'Nilai realisasi harus berupa angka tidak negatif' },
  UMPAN_BALIK_WAJIB: { kind: 'invalid', message: 'Umpan balik wajib diisi' },
  BUKTI_TIDAK_DITEMUKAN: { kind: 'not-found', message: 'Bukti dukung tidak ditemukan' },
  PERIODE_BELUM_DIMULAI: { kind: 'rule', message: 'Periode ini baru dimulai pada {tanggal}' },
  BATAS_WAKTU_LAPORAN_TERLEWATI: { kind: 'rule', message: 'Batas waktu laporan periode ini ({batas}) sudah lewat' },
});
