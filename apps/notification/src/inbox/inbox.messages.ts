import { defineMessages } from '@capaian/kinerja';

/** What a caller of the inbox and the live stream may read in an error answer. */
export const InboxMessages = defineMessages('notification-inbox', {
  NOTIFIKASI_TIDAK_DITEMUKAN: { kind: 'not-found', message: 'Notifikasi tidak ditemukan' },
  ID_TIDAK_VALID: { kind: 'invalid', message: 'ID notifikasi harus berupa UUID' },
  NIP_TIDAK_ADA: { kind: 'forbidden', message: 'Token tidak memuat NIP; kotak masuk hanya tersedia untuk pegawai' },
  TIKET_TIDAK_ADA: { kind: 'invalid', message: 'Tiket siaran wajib diisi' },
  TIKET_TIDAK_VALID: { kind: 'forbidden', message: 'Tiket siaran tidak dikenal' },
  TIKET_KEDALUWARSA: { kind: 'forbidden', message: 'Tiket siaran sudah kedaluwarsa; minta tiket baru' },
  TIKET_SUDAH_DIPAKAI: { kind: 'conflict', message: 'Tiket siaran sudah dipakai; setiap tiket hanya berlaku sekali' },
});
