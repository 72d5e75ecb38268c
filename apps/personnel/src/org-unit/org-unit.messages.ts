import { defineMessages } from '@capaian/kinerja';

/** What users read when a change of the organisation tree is refused. Codes are stable API values. */
export const OrgUnitMessages = defineMessages('personnel-org-unit', {
  UNIT_TIDAK_DITEMUKAN: { kind: 'not-found', message: 'Unit organisasi {ref} tidak ditemukan' },
  UNIT_AKAR_TIDAK_BERINDUK: { kind: 'rule', message: 'Pemerintah Kota adalah akar pohon organisasi dan tidak memiliki induk' },
  UNIT_AKAR_SUDAH_ADA: { kind: 'conflict', message: 'Pohon organisasi sudah memiliki akar (Pemerintah Kota)' },
  UNIT_INDUK_WAJIB: { kind: 'rule', message: 'Unit selain Pemerintah Kota wajib memiliki induk' },
  UNIT_INDUK_DITUTUP: { kind: 'rule', message: 'Unit induk {code} sudah ditutup' },
  UNIT_INDUK_BELUM_ADA_PADA_TANGGAL: { kind: 'rule', message: 'Unit induk {code} belum ada atau sudah ditutup pada {date}' },
  JENIS_UNIT_TIDAK_SESUAI_INDUK: {
    kind: 'rule',
    message: 'Unit berjenis {kind} tidak dapat berada di bawah {parentKind}; induk yang diizinkan: {allowed}',
  },
  UNIT_SIKLUS: { kind: 'rule', message: 'Unit tidak dapat dipindahkan ke bawah dirinya sendiri atau ke bawah sub-unitnya' },
  UNIT_SUDAH_DITUTUP: { kind: 'conflict', message: 'Unit {code} sudah ditutup' },
  UNIT_AKAR_TIDAK_DAPAT_DITUTUP: { kind: 'rule', message: 'Pemerintah Kota tidak dapat ditutup' },
  UNIT_AKAR_TIDAK_DAPAT_DIPINDAH: { kind: 'rule', message: 'Pemerintah Kota tidak dapat dipindahkan' },
  UNIT_MASIH_MEMILIKI_SUBUNIT: { kind: 'conflict', message: 'Unit {code} masih memiliki {count} sub-unit aktif; tutup atau pindahkan dahulu' },
  UNIT_MASIH_MEMILIKI_PEGAWAI: { kind: 'conflict', message: 'Unit {code} masih memiliki {count} pegawai aktif; mutasikan dahulu' },
  UNIT_MASIH_MENJADI_ATASAN: {
    kind: 'conflict',
    message: '{count} jabatan di luar unit {code} masih melapor ke jabatan di unit ini; ubah atasannya dahulu',
  },
  KODE_UNIT_SUDAH_ADA: { kind: 'conflict', message: 'Kode unit {code} sudah dipakai' },
  KEPALA_UNIT_DI_LUAR_UNIT: { kind: 'rule', message: 'Jabatan {position} bukan jabatan di unit {unit}' },
});
