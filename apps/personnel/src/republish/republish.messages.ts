import { defineMessages } from '@capaian/kinerja';

/** Messages of the republish command. */
export const RepublishMessages = defineMessages('personnel-republish', {
  REPUBLIKASI_SEDANG_BERJALAN: { kind: 'conflict', message: 'Publikasi ulang data kepegawaian sedang berjalan; tunggu sampai selesai' },
});
