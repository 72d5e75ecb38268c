import { defineMessages } from '@capaian/kinerja';

export const ObjectionMessages = defineMessages('objection', {
  KEBERATAN_TIDAK_DITEMUKAN: { kind: 'not-found', message: 'Keberatan tidak ditemukan' },
  TRANSISI_KEBERATAN_TIDAK_DIIZINKAN: { kind: 'rule', message: 'Keberatan berstatus {status} tidak dapat {aksi}' },
  MASA_KEBERATAN_BERAKHIR: { kind: 'rule', message: 'Masa pengajuan keberatan sudah berakhir pada {batas}' },
  KEBERATAN_SUDAH_ADA: { kind: 'conflict', message: 'Keberatan atas evaluasi ini sudah pernah diajukan' },
  BUKAN_ATASAN_PEJABAT_PENILAI: { kind: 'forbidden', message: 'Hanya atasan pejabat penilai yang dapat memutus keberatan ini' },
  HANYA_PEGAWAI_YANG_DINILAI: { kind: 'forbidden', message: 'Keberatan hanya dapat diajukan oleh pegawai yang dinilai' },
  RATING_BARU_WAJIB: { kind: 'invalid', message: 'Keberatan yang diterima wajib disertai rating baru' },
  ALASAN_WAJIB: { kind: 'invalid', message: 'Alasan wajib diisi' },
});
