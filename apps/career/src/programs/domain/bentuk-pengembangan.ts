/**
 * Bentuk (format) of a competency-development program. Classical formats follow the LAN rules for
 * pelatihan klasikal, including the leadership trainings (PKA, PKP, PKN I/II) and Latsar CPNS;
 * non-classical ones are those of LAN's Pedoman Non Klasikal (domain.md §4.5). Values are stable
 * API codes; labels are what users read.
 */
export const BENTUK_PENGEMBANGAN = [
  'pelatihan_klasikal',
  'seminar',
  'workshop',
  'pelatihan_dasar',
  'pka',
  'pkp',
  'pkn_i',
  'pkn_ii',
  'e_learning',
  'coaching',
  'mentoring',
  'detasering',
  'benchmarking',
  'magang',
  'belajar_mandiri',
  'komunitas_belajar',
] as const;
export type BentukPengembangan = (typeof BENTUK_PENGEMBANGAN)[number];

export type KelompokBentuk = 'klasikal' | 'nonklasikal';

export const bentukInfo: Record<BentukPengembangan, { label: string; kelompok: KelompokBentuk }> = {
  pelatihan_klasikal: { label: 'Pelatihan Klasikal', kelompok: 'klasikal' },
  seminar: { label: 'Seminar/Konferensi/Sarasehan', kelompok: 'klasikal' },
  workshop: { label: 'Workshop/Lokakarya', kelompok: 'klasikal' },
  pelatihan_dasar: { label: 'Pelatihan Dasar CPNS', kelompok: 'klasikal' },
  pka: { label: 'Pelatihan Kepemimpinan Administrator (PKA)', kelompok: 'klasikal' },
  pkp: { label: 'Pelatihan Kepemimpinan Pengawas (PKP)', kelompok: 'klasikal' },
  pkn_i: { label: 'Pelatihan Kepemimpinan Nasional Tingkat I (PKN I)', kelompok: 'klasikal' },
  pkn_ii: { label: 'Pelatihan Kepemimpinan Nasional Tingkat II (PKN II)', kelompok: 'klasikal' },
  e_learning: { label: 'E-Learning', kelompok: 'nonklasikal' },
  coaching: { label: 'Coaching', kelompok: 'nonklasikal' },
  mentoring: { label: 'Mentoring', kelompok: 'nonklasikal' },
  detasering: { label: 'Detasering (Secondment)', kelompok: 'nonklasikal' },
  benchmarking: { label: 'Benchmarking', kelompok: 'nonklasikal' },
  magang: { label: 'Magang/Praktik Kerja', kelompok: 'nonklasikal' },
  belajar_mandiri: { label: 'Belajar Mandiri (Self Development)', kelompok: 'nonklasikal' },
  komunitas_belajar: { label: 'Komunitas Belajar (Community of Practice)', kelompok: 'nonklasikal' },
};

export const LINGKUP = ['nasional', 'internasional'] as const;
export type Lingkup = (typeof LINGKUP)[number];

/** Jenis jabatan as domain.md §2 lists them, with JPT split by level because the training follows it. */
export type JenisJabatan =
  | 'JPT_UTAMA'
  | 'JPT_MADYA'
  | 'JPT_PRATAMA'
  | 'ADMINISTRATOR'
  | 'PENGAWAS'
  | 'PELAKSANA'
  | 'JF_KEAHLIAN'
  | 'JF_KETERAMPILAN';

/**
 * Leadership training per jabatan (domain.md §5.11: PKN I for JPT Madya, PKN II for JPT Pratama,
 * PKA for Administrator, PKP for Pengawas). The mapping is [R] in the research, so it is a parameter.
 */
export const pelatihanKepemimpinanBawaan: Partial<Record<JenisJabatan, BentukPengembangan>> = {
  JPT_MADYA: 'pkn_i',
  JPT_PRATAMA: 'pkn_ii',
  ADMINISTRATOR: 'pka',
  PENGAWAS: 'pkp',
};

export function pelatihanKepemimpinanUntuk(
  jabatan: JenisJabatan,
  pemetaan: Partial<Record<JenisJabatan, BentukPengembangan>> = pelatihanKepemimpinanBawaan,
): BentukPengembangan | null {
  return Object.hasOwn(pemetaan, jabatan) ? (pemetaan[jabatan] ?? null) : null;
}
