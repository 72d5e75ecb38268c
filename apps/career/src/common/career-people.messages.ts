import { defineMessages } from '@capaian/kinerja';

/** Messages about who the caller is (shared by every feature of the service). */
export const CareerPeopleMessages = defineMessages('career/people', {
  PEGAWAI_BELUM_DIKENAL: { kind: 'forbidden', message: 'Data kepegawaian Anda belum tersedia di layanan pengembangan karier' },
  PEGAWAI_NIP_TIDAK_DIKENAL: { kind: 'not-found', message: 'Pegawai dengan NIP {nip} tidak dikenal' },
  HANYA_ADMIN: { kind: 'forbidden', message: 'Hanya admin BKPSDM atau admin OPD yang dapat melakukan ini' },
});
