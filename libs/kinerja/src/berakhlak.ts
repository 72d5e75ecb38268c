/**
 * BerAKHLAK: the seven core values of ASN (UU 20/2023 Pasal 4; their panduan perilaku, three per
 * value, from SE MenPANRB 20/2021 on the implementation of the core values and the employer
 * branding of ASN). Perilaku kerja in an SKP is rated against these seven values (PermenPANRB
 * 6/2022), each with the manager's own expectation (ekspektasi khusus pimpinan).
 *
 * Codes are stable API values; names and guides are what users read.
 */
export const BERAKHLAK_VALUES = [
  {
    code: 'BERORIENTASI_PELAYANAN',
    name: 'Berorientasi Pelayanan',
    guides: ['Memahami dan memenuhi kebutuhan masyarakat', 'Ramah, cekatan, solutif, dan dapat diandalkan', 'Melakukan perbaikan tiada henti'],
  },
  {
    code: 'AKUNTABEL',
    name: 'Akuntabel',
    guides: [
      'Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas tinggi',
      'Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien',
      'Tidak menyalahgunakan kewenangan jabatan',
    ],
  },
  {
    code: 'KOMPETEN',
    name: 'Kompeten',
    guides: ['Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah', 'Membantu orang lain belajar', 'Melaksanakan tugas dengan kualitas terbaik'],
  },
  {
    code: 'HARMONIS',
    name: 'Harmonis',
    guides: ['Menghargai setiap orang apa pun latar belakangnya', 'Suka menolong orang lain', 'Membangun lingkungan kerja yang kondusif'],
  },
  {
    code: 'LOYAL',
    name: 'Loyal',
    guides: [
      'Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, setia kepada Negara Kesatuan Republik Indonesia serta pemerintahan yang sah',
      'Menjaga nama baik sesama ASN, pimpinan, instansi, dan negara',
      'Menjaga rahasia jabatan dan negara',
    ],
  },
  {
    code: 'ADAPTIF',
    name: 'Adaptif',
    guides: ['Cepat menyesuaikan diri menghadapi perubahan', 'Terus berinovasi dan mengembangkan kreativitas', 'Bertindak proaktif'],
  },
  {
    code: 'KOLABORATIF',
    name: 'Kolaboratif',
    guides: [
      'Memberi kesempatan kepada berbagai pihak untuk berkontribusi',
      'Terbuka dalam bekerja sama untuk menghasilkan nilai tambah',
      'Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama',
    ],
  },
] as const satisfies readonly { code: string; name: string; guides: readonly [string, string, string] }[];

export type BerakhlakValue = (typeof BERAKHLAK_VALUES)[number]['code'];

/** The seven codes in the official order (B-e-r-A-K-H-L-A-K). */
export const BERAKHLAK_CODES: readonly BerakhlakValue[] = BERAKHLAK_VALUES.map((v) => v.code);

export function isBerakhlakValue(value: unknown): value is BerakhlakValue {
  return typeof value === 'string' && (BERAKHLAK_CODES as readonly string[]).includes(value);
}

export function berakhlakValue(code: BerakhlakValue): (typeof BERAKHLAK_VALUES)[number] {
  return BERAKHLAK_VALUES.find((v) => v.code === code)!;
}

/**
 * The values an SKP's behaviour part lacks: every SKP carries an expectation for all seven
 * (PermenPANRB 6/2022), so a non-empty answer means the SKP is incomplete.
 */
export function missingBerakhlakValues(present: Iterable<string>): BerakhlakValue[] {
  const seen = new Set(present);
  return BERAKHLAK_CODES.filter((code) => !seen.has(code));
}
