import { defineMessages } from '@capaian/kinerja';

/**
 * Every message the development-program feature can show a user. Rules the request alone shows
 * (dates, the pagu, JP per day) are `invalid` (400); a form without a configured JP rule is `rule`.
 */
export const DevelopmentProgramMessages = defineMessages('career/development-program', {
  TANGGAL_TIDAK_VALID: { kind: 'invalid', message: 'Tanggal {which} bukan tanggal kalender yang valid (YYYY-MM-DD)' },
  TANGGAL_SELESAI_SEBELUM_MULAI: { kind: 'invalid', message: 'Tanggal selesai tidak boleh sebelum tanggal mulai' },
  JP_MELEBIHI_KONVERSI: { kind: 'invalid', message: 'JP melebihi batas konversi untuk bentuk dan lama kegiatan ini (paling banyak {max} JP)' },
  PAGU_TIDAK_MENCUKUPI: { kind: 'invalid', message: 'Pagu {ceiling} tidak mencukupi untuk kuota × biaya per peserta ({allocation})' },
  BENTUK_TANPA_ATURAN_JP: { kind: 'rule', message: 'Tidak ada aturan konversi JP untuk bentuk {form}' },
  JP_SERTIFIKAT_WAJIB: { kind: 'invalid', message: 'JP pada sertifikat wajib diisi dengan bilangan bulat ≥ 0' },
  JUMLAH_HARI_WAJIB: { kind: 'invalid', message: 'Jumlah hari wajib diisi dengan bilangan bulat ≥ 0' },
});
