import { defineMessages } from '@capaian/kinerja';

/** Reasons recorded in `dispatch_issue` and shown in the statistics (read by BKPSDM staff). */
export const DispatchIssueMessages = defineMessages('notification-dispatch', {
  PENERIMA_TIDAK_DIKENAL: { kind: 'not-found', message: 'Penerima {peran} (NIP {nip}) tidak ada di direktori pegawai' },
  PENERIMA_TIDAK_ADA: { kind: 'not-found', message: 'Pegawai ini tidak memiliki {peran} yang tercatat' },
  NILAI_TEMPLAT_KOSONG: { kind: 'invalid', message: 'Templat {templat} memerlukan nilai {nilai} yang tidak ada pada peristiwa' },
  ALAMAT_EMAIL_TIDAK_ADA: { kind: 'invalid', message: 'Pegawai NIP {nip} tidak memiliki alamat e-mail; hanya kotak masuk yang diisi' },
});
