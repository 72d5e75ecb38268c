import { defineMessages } from '@capaian/kinerja';

/** What a caller of the preferences and the unsubscribe link may read in an error answer. */
export const PreferenceMessages = defineMessages('notification-preferences', {
  KATEGORI_TIDAK_DIKENAL: { kind: 'not-found', message: 'Kategori notifikasi {kategori} tidak dikenal' },
  KATEGORI_WAJIB: { kind: 'rule', message: 'Kategori "{label}" wajib dan tidak dapat dimatikan' },
  TAUTAN_TIDAK_VALID: { kind: 'invalid', message: 'Tautan berhenti berlangganan tidak valid' },
  TAUTAN_PALSU: { kind: 'forbidden', message: 'Tautan berhenti berlangganan tidak sah' },
  TAUTAN_KEDALUWARSA: { kind: 'forbidden', message: 'Tautan berhenti berlangganan sudah kedaluwarsa; atur preferensi dari portal Capaian' },
});
