import { defineMessages } from '@capaian/kinerja';

/** Every message of partner institutions and their agreements. */
export const PartnerMessages = defineMessages('career/partner', {
  MITRA_TIDAK_DITEMUKAN: { kind: 'not-found', message: 'Lembaga mitra tidak ditemukan' },
  PERJANJIAN_TIDAK_DITEMUKAN: { kind: 'not-found', message: 'Perjanjian kerja sama tidak ditemukan' },
  MASA_BERLAKU_TERBALIK: { kind: 'invalid', message: 'Akhir masa berlaku perjanjian tidak boleh sebelum awalnya' },
  NOMOR_PERJANJIAN_GANDA: { kind: 'conflict', message: 'Nomor perjanjian {number} sudah tercatat' },
});
