import { defineMessages } from '@capaian/kinerja';

export const DashboardMessages = defineMessages('dashboard', {
  AKSES_DASBOR_DITOLAK: { kind: 'forbidden', message: 'Anda tidak berhak melihat dasbor OPD ini' },
});
