import { defineMessages, type MessageCatalogue, type MessageSpec, type Violation } from '@capaian/kinerja';

/** Messages every personnel feature shares: dates of changes and access. Codes are stable API values. */
export const PersonnelMessages = defineMessages('personnel', {
  TANGGAL_TIDAK_VALID: { kind: 'invalid', message: 'Tanggal harus berformat YYYY-MM-DD dan ada di kalender' },
  TANGGAL_BERLAKU_DI_MASA_DEPAN: { kind: 'rule', message: 'Tanggal berlaku {date} melewati hari ini ({today})' },
  TANGGAL_BERLAKU_SEBELUM_PERUBAHAN_TERAKHIR: {
    kind: 'rule',
    message: 'Perubahan terakhir berlaku sejak {since}; tanggal berlaku tidak boleh lebih awal',
  },
  AKSES_DITOLAK: { kind: 'forbidden', message: 'Akses ditolak: {reason}' },
  KURSOR_TIDAK_VALID: { kind: 'invalid', message: 'Kursor halaman tidak valid; gunakan nilai next dari halaman sebelumnya' },
});

/** Access refusals say who may do what; the reasons are fixed texts, never built from input. */
export const ACCESS_REASONS = {
  default: 'Anda tidak berhak mengakses data ini',
  employeeList: 'Daftar pegawai hanya untuk admin; gunakan daftar bawahan langsung Anda',
  employeeListOtherOpd: 'Anda hanya dapat melihat pegawai di OPD Anda',
  readEmployee: 'Anda hanya dapat melihat data Anda sendiri dan bawahan Anda',
  manageEmployee: 'Anda hanya dapat mengubah data pegawai di OPD Anda',
  createOpdUnit: 'Hanya admin BKPSDM yang dapat membuat unit setingkat OPD',
  createUnitOtherOpd: 'Anda hanya dapat membuat unit di OPD Anda',
  manageOpdUnit: 'Hanya admin BKPSDM yang dapat mengubah unit setingkat OPD',
  manageUnit: 'Anda hanya dapat mengubah unit di OPD Anda',
  moveUnitAcrossOpd: 'Memindahkan unit antar OPD hanya dapat dilakukan admin BKPSDM',
  manageOpdHead: 'Hanya admin BKPSDM yang dapat mengatur jabatan kepala OPD',
  managePosition: 'Anda hanya dapat mengubah jabatan di OPD Anda',
  movePositionAcrossOpd: 'Memindahkan jabatan antar OPD hanya dapat dilakukan admin BKPSDM',
  importScope: 'Impor pegawai hanya untuk admin BKPSDM atau admin OPD',
  importJob: 'Anda tidak berhak melihat impor ini',
} as const;

export function forbidden(reason: keyof typeof ACCESS_REASONS = 'default') {
  return PersonnelMessages.error('AKSES_DITOLAK', { reason: ACCESS_REASONS[reason] });
}

/**
 * The kernel (`@capaian/kinerja`) checks NIP, golongan and jabatan and says what is wrong in its own
 * words; the feature's catalogue decides the kind of each code, so a code keeps one status.
 */
export function kernelViolation<T extends Record<string, MessageSpec>>(
  catalogue: MessageCatalogue<T>,
  error: { code: string; message: string; field?: string },
  field = error.field,
): Violation {
  // A code the kernel adds later is about the input's content until a catalogue says otherwise.
  const kind = (catalogue.specs as Record<string, MessageSpec>)[error.code]?.kind ?? 'invalid';
  return { kind, code: error.code, message: error.message, ...(field ? { field } : {}) };
}
