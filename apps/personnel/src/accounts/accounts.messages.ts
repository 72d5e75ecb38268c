import { defineMessages } from '@capaian/kinerja';

/** Messages of SSO accounts and roles. */
export const AccountMessages = defineMessages('personnel-accounts', {
  AKUN_TIDAK_ADA: { kind: 'conflict', message: 'Pegawai belum memiliki akun' },
  PERAN_TIDAK_DIKENAL: { kind: 'invalid', message: 'Peran {role} tidak dikenal; yang dapat diberikan: admin-opd, admin-bkpsdm, pimpinan' },
});
