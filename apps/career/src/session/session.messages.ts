import { defineMessages } from '@capaian/kinerja';

/** Every message of sessions (the dated runs of a program). */
export const SessionMessages = defineMessages('career/session', {
  PROGRAM_TIDAK_DITEMUKAN: { kind: 'not-found', message: 'Program tidak ditemukan' },
  SESI_TIDAK_DITEMUKAN: { kind: 'not-found', message: 'Sesi tidak ditemukan' },
  TANGGAL_SESI_TIDAK_VALID: { kind: 'invalid', message: 'Tanggal {which} bukan tanggal kalender yang valid (YYYY-MM-DD)' },
  SESI_SELESAI_SEBELUM_MULAI: { kind: 'invalid', message: 'Tanggal selesai sesi tidak boleh sebelum tanggal mulai' },
  PENDAFTARAN_SETELAH_MULAI: { kind: 'invalid', message: 'Masa pendaftaran harus berakhir sebelum sesi dimulai dan tidak terbalik' },
  TEMPAT_WAJIB_DIISI: { kind: 'invalid', message: 'Tempat wajib diisi untuk sesi tatap muka' },
  SESI_DI_LUAR_PERJANJIAN: { kind: 'rule', message: 'Tanggal sesi di luar masa berlaku perjanjian kerja sama ({from} s.d. {until})' },
  KUOTA_PERJANJIAN_TERLAMPAUI: { kind: 'rule', message: 'Kuota perjanjian kerja sama tinggal {left} peserta' },
  PERJANJIAN_BUKAN_MILIK_MITRA: { kind: 'invalid', message: 'Perjanjian kerja sama tersebut bukan milik lembaga mitra yang dipilih' },
});
