import { defineMessages } from '@capaian/kinerja';

/** What users read when an SKP is refused. Codes are stable API values. */
export const SkpMessages = defineMessages('skp', {
  SKP_TIDAK_DITEMUKAN: { kind: 'not-found', message: 'SKP tidak ditemukan' },
  PEGAWAI_TIDAK_DITEMUKAN: { kind: 'not-found', message: 'Pegawai dengan NIP {nip} tidak ditemukan' },
  TRANSISI_SKP_TIDAK_DIIZINKAN: { kind: 'rule', message: 'SKP berstatus {status} tidak dapat {aksi}' },
  BUKAN_PEMILIK_SKP: { kind: 'forbidden', message: 'Hanya pegawai pemilik SKP yang dapat {aksi}' },
  BUKAN_PEJABAT_PENILAI: { kind: 'forbidden', message: 'Anda bukan pejabat penilai kinerja pegawai ini' },
  AKSES_SKP_DITOLAK: { kind: 'forbidden', message: 'Anda tidak berhak melihat SKP ini' },
  AKSES_RHK_PENILAI_DITOLAK: { kind: 'forbidden', message: 'RHK pejabat penilai hanya dapat dilihat oleh pegawai yang dinilainya dan pejabat penilai itu sendiri' },
  SKP_TUMPANG_TINDIH: { kind: 'conflict', message: 'Pegawai sudah memiliki SKP pada rentang tanggal tersebut' },
  SKP_DI_LUAR_TAHUN: { kind: 'invalid', message: 'Tanggal SKP harus berada dalam satu tahun {year}' },
  TANGGAL_SKP_TIDAK_VALID: { kind: 'invalid', message: 'Tanggal akhir SKP harus sama dengan atau setelah tanggal mulai' },
  RHK_UTAMA_WAJIB: { kind: 'rule', message: 'SKP harus memuat sedikitnya satu RHK utama' },
  INDIKATOR_WAJIB: { kind: 'rule', message: 'Setiap RHK harus memiliki sedikitnya satu indikator' },
  TARGET_WAJIB: { kind: 'invalid', message: 'Indikator pada pendekatan kuantitatif wajib memiliki target angka' },
  SATUAN_WAJIB: { kind: 'invalid', message: 'Indikator pada pendekatan kuantitatif wajib memiliki satuan' },
  TARGET_TIDAK_VALID: { kind: 'invalid', message: 'Target indikator harus berupa angka tidak negatif' },
  INTERVENSI_WAJIB: { kind: 'rule', message: 'RHK harus diintervensi (dikaitkan) dengan RHK pejabat penilai yang sudah ditetapkan' },
  INTERVENSI_TIDAK_DIKENAL: { kind: 'rule', message: 'RHK atasan yang dirujuk tidak ada pada SKP pejabat penilai yang sudah ditetapkan' },
  EKSPEKTASI_PERILAKU_WAJIB: { kind: 'rule', message: 'Ekspektasi khusus pimpinan untuk nilai {nilai} belum diisi' },
  CATATAN_WAJIB: { kind: 'invalid', message: 'Catatan atau alasan wajib diisi' },
  ID_GANDA: { kind: 'invalid', message: 'Pengenal RHK atau indikator dipakai lebih dari sekali' },
  PEJABAT_PENILAI_TIDAK_ADA: { kind: 'rule', message: 'Pegawai belum memiliki pejabat penilai kinerja' },
});
