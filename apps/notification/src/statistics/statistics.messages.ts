import { defineMessages } from '@capaian/kinerja';

export const StatisticsMessages = defineMessages('notification-statistics', {
  RENTANG_TANGGAL_TIDAK_VALID: { kind: 'invalid', message: 'Tanggal awal harus sebelum tanggal akhir' },
});
