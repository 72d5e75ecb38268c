import { defineMessages } from '@capaian/kinerja';

/**
 * Every message the appraisal-period feature can show a user. The calendar rules are `invalid`
 * (400): the request alone shows the problem; only the overlap needs stored data (a conflict, 409).
 */
export const AppraisalPeriodMessages = defineMessages('appraisal/appraisal-period', {
  TANGGAL_TIDAK_VALID: { kind: 'invalid', message: 'Tanggal {which} bukan tanggal kalender yang valid (YYYY-MM-DD)' },
  TANGGAL_SELESAI_TIDAK_SETELAH_MULAI: { kind: 'invalid', message: 'Tanggal selesai harus setelah tanggal mulai' },
  PERIODE_DI_LUAR_TAHUN: { kind: 'invalid', message: 'Tanggal {which} harus berada di tahun {year}' },
  PERIODE_BULANAN_MELEWATI_BULAN: { kind: 'invalid', message: 'Periode bulanan harus berada dalam satu bulan kalender' },
  PERIODE_TRIWULAN_MELEWATI_TRIWULAN: { kind: 'invalid', message: 'Periode triwulanan harus berada dalam satu triwulan' },
  PERIODE_TUMPANG_TINDIH: { kind: 'conflict', message: 'Periode {kind} ini tumpang tindih dengan periode {kind} yang sudah ada{clash}' },
});
