import { defineMessages } from '@capaian/kinerja';

/** Messages of SSO accounts and roles. */
export const AccountMessages = defineMessages('personnel-accounts', {
  AKUN_TIDAK_ADA: { kind: 'conflict', message: 'Pegawai belum memiliki akun' },
  PEGAWAI_TIDAK_AKTIF: { kind: 'rule', message: 'Akun dan peran hanya untuk pegawai yang masih aktif' },
  ADMIN_OPD_DI_LUAR_OPD_PEGAWAI: {
    kind: 'rule',
    message: 'Pegawai bekerja di {opd}; admin-opd hanya dapat diberikan untuk OPD tempat pegawai bekerja',
  },
  PERAN_TIDAK_DIKENAL: { kind: 'invalid', message: 'Peran {role} tidak dikenal; yang dapat diberikan: admin-opd, admin-bkpsdm, pimpinan' },
});
