import { defineMessages } from '@capaian/kinerja';

/** Every text a caller of the notification API may read in an error answer. */
export const NotificationMessages = defineMessages('notification', {
  NOTIFIKASI_TIDAK_DITEMUKAN: { kind: 'not-found', message: 'Notifikasi tidak ditemukan' },
  ID_TIDAK_VALID: { kind: 'invalid', message: 'ID notifikasi harus berupa UUID' },
  NIP_TIDAK_ADA: { kind: 'forbidden', message: 'Token tidak memuat NIP; kotak masuk hanya tersedia untuk pegawai' },
  KATEGORI_TIDAK_DIKENAL: { kind: 'not-found', message: 'Kategori notifikasi {kategori} tidak dikenal' },
  KATEGORI_WAJIB: { kind: 'rule', message: 'Kategori "{label}" wajib dan tidak dapat dimatikan' },
  TAUTAN_TIDAK_VALID: { kind: 'invalid', message: 'Tautan berhenti berlangganan tidak valid' },
  TAUTAN_PALSU: { kind: 'forbidden', message: 'Tautan berhenti berlangganan tidak sah' },
  TAUTAN_KEDALUWARSA: { kind: 'forbidden', message: 'Tautan berhenti berlangganan sudah kedaluwarsa; atur preferensi dari portal Capaian' },
  TIKET_TIDAK_ADA: { kind: 'invalid', message: 'Tiket siaran wajib diisi' },
  TIKET_TIDAK_VALID: { kind: 'forbidden', message: 'Tiket siaran tidak dikenal' },
  TIKET_KEDALUWARSA: { kind: 'forbidden', message: 'Tiket siaran sudah kedaluwarsa; minta tiket baru' },
  TIKET_SUDAH_DIPAKAI: { kind: 'conflict', message: 'Tiket siaran sudah dipakai; setiap tiket hanya berlaku sekali' },
  RENTANG_TANGGAL_TIDAK_VALID: { kind: 'invalid', message: 'Tanggal awal harus sebelum tanggal akhir' },
});

/** Reasons recorded in `dispatch_issue` and shown in the statistics (read by BKPSDM staff). */
export const DispatchIssueMessages = defineMessages('notification-dispatch', {
  PENERIMA_TIDAK_DIKENAL: { kind: 'not-found', message: 'Penerima {peran} (NIP {nip}) tidak ada di direktori pegawai' },
  PENERIMA_TIDAK_ADA: { kind: 'not-found', message: 'Pegawai ini tidak memiliki {peran} yang tercatat' },
  NILAI_TEMPLAT_KOSONG: { kind: 'invalid', message: 'Templat {templat} memerlukan nilai {nilai} yang tidak ada pada peristiwa' },
  ALAMAT_EMAIL_TIDAK_ADA: { kind: 'invalid', message: 'Pegawai NIP {nip} tidak memiliki alamat e-mail; hanya kotak masuk yang diisi' },
});
