import { defineMessages } from '@capaian/kinerja';

/** Every message of the JP ledger and of JP claimed from outside the platform. */
export const JpLedgerMessages = defineMessages('career/jp-ledger', {
  KLAIM_TIDAK_DITEMUKAN: { kind: 'not-found', message: 'Klaim JP tidak ditemukan' },
  KLAIM_SUDAH_DIPUTUS: { kind: 'rule', message: 'Klaim JP ini sudah {status}' },
  KLAIM_TANPA_SERTIFIKAT: { kind: 'rule', message: 'JP tidak dapat diakui tanpa sertifikat yang diunggah dan diverifikasi' },
  TANGGAL_KLAIM_TIDAK_VALID: { kind: 'invalid', message: 'Tanggal selesai kegiatan tidak valid atau di masa depan' },
  AKSES_KLAIM_DITOLAK: { kind: 'forbidden', message: 'Hanya pegawai yang bersangkutan yang dapat mengubah klaim ini' },
  KOREKSI_NOL: { kind: 'invalid', message: 'Koreksi JP tidak boleh nol' },
  AKSES_JP_DITOLAK: { kind: 'forbidden', message: 'Anda tidak berhak melihat JP pegawai ini' },
});
