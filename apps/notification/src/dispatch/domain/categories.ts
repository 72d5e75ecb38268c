/**
 * Notification categories. A mandatory category always reaches the inbox and e-mail (where an
 * address is known); an optional one can be switched off for e-mail per person, and its mails carry
 * an unsubscribe link. The inbox always receives every notice: it is where the portal shows them.
 */
export interface Category {
  code: string;
  label: string;
  mandatory: boolean;
}

export const CATEGORIES = {
  kepegawaian: { code: 'kepegawaian', label: 'Perubahan data kepegawaian Anda', mandatory: true },
  skp: { code: 'skp', label: 'Tenggat SKP dan penilaian kinerja', mandatory: true },
  kompetensi: { code: 'kompetensi', label: 'Pelatihan dan jam pelajaran (JP) pengembangan kompetensi', mandatory: true },
  pengingat: { code: 'pengingat', label: 'Pengingat dan eskalasi tugas yang belum ditindaklanjuti', mandatory: true },
  tim: { code: 'tim', label: 'Kabar tentang pegawai yang Anda nilai', mandatory: false },
  'administrasi-opd': { code: 'administrasi-opd', label: 'Perubahan pegawai di OPD (admin OPD)', mandatory: false },
  'administrasi-bkpsdm': { code: 'administrasi-bkpsdm', label: 'Mutasi antar OPD (admin BKPSDM)', mandatory: false },
  ringkasan: { code: 'ringkasan', label: 'Ringkasan harian', mandatory: true },
  'platform.ping': { code: 'platform.ping', label: 'Pesan uji sistem', mandatory: true },
} as const satisfies Record<string, Category>;

export type CategoryCode = keyof typeof CATEGORIES;

export function categoryOf(code: string): Category | undefined {
  return (CATEGORIES as Record<string, Category>)[code];
}
