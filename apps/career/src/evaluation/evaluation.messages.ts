import { defineMessages } from '@capaian/kinerja';

/** Every message of training evaluation and the supervisor's follow-up. */
export const EvaluationMessages = defineMessages('career/evaluation', {
  BELUM_MENGIKUTI_SESI: { kind: 'rule', message: 'Umpan balik hanya dapat diberikan oleh peserta yang telah mengikuti sesi' },
  UMPAN_BALIK_SUDAH_ADA: { kind: 'conflict', message: 'Umpan balik untuk pendaftaran ini sudah diberikan' },
  TINDAK_LANJUT_SUDAH_ADA: { kind: 'conflict', message: 'Evaluasi penerapan untuk pendaftaran ini sudah diberikan' },
  TINDAK_LANJUT_TERLALU_DINI: { kind: 'rule', message: 'Evaluasi penerapan di tempat kerja baru dapat diberikan mulai {from}' },
  BUKAN_ATASAN_PESERTA: { kind: 'forbidden', message: 'Hanya atasan langsung peserta yang dapat memberi evaluasi penerapan' },
  BUKAN_PESERTA: { kind: 'forbidden', message: 'Hanya peserta sendiri yang dapat memberi umpan balik' },
});
