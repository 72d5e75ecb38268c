import type { JenisJabatan } from '@capaian/kinerja';

/**
 * Form (bentuk) of a competency-development activity (PP 11/2017 as amended by PP 17/2020,
 * Pasal 210: classical and non-classical training; Perlan LAN 10/2018 for the procedure).
 * Classical forms include the leadership trainings (PKA, PKP, PKN I/II) and Latsar CPNS;
 * non-classical ones are those of LAN's guideline on non-classical training (e-learning, coaching,
 * mentoring, detasering, benchmarking, magang, self-study, communities of practice).
 * Values are stable API codes; labels are what users read.
 */
export const DEVELOPMENT_FORMS = [
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
export type DevelopmentForm = (typeof DEVELOPMENT_FORMS)[number];

export type FormGroup = 'klasikal' | 'nonklasikal';

export const DEVELOPMENT_FORM_INFO: Readonly<Record<DevelopmentForm, { label: string; group: FormGroup }>> = {
  pelatihan_klasikal: { label: 'Pelatihan Klasikal', group: 'klasikal' },
  seminar: { label: 'Seminar/Konferensi/Sarasehan', group: 'klasikal' },
  workshop: { label: 'Workshop/Lokakarya', group: 'klasikal' },
  pelatihan_dasar: { label: 'Pelatihan Dasar CPNS', group: 'klasikal' },
  pka: { label: 'Pelatihan Kepemimpinan Administrator (PKA)', group: 'klasikal' },
  pkp: { label: 'Pelatihan Kepemimpinan Pengawas (PKP)', group: 'klasikal' },
  pkn_i: { label: 'Pelatihan Kepemimpinan Nasional Tingkat I (PKN I)', group: 'klasikal' },
  pkn_ii: { label: 'Pelatihan Kepemimpinan Nasional Tingkat II (PKN II)', group: 'klasikal' },
  e_learning: { label: 'E-Learning', group: 'nonklasikal' },
  coaching: { label: 'Coaching', group: 'nonklasikal' },
  mentoring: { label: 'Mentoring', group: 'nonklasikal' },
  detasering: { label: 'Detasering (Secondment)', group: 'nonklasikal' },
  benchmarking: { label: 'Benchmarking', group: 'nonklasikal' },
  magang: { label: 'Magang/Praktik Kerja', group: 'nonklasikal' },
  belajar_mandiri: { label: 'Belajar Mandiri (Self Development)', group: 'nonklasikal' },
  komunitas_belajar: { label: 'Komunitas Belajar (Community of Practice)', group: 'nonklasikal' },
};

/** Whether the activity is held with national or international scope; it changes the JP conversion. */
export const SCOPES = ['nasional', 'internasional'] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * Leadership training per kind of position (Perlan LAN 5/2022 jo 6/2022 on leadership training:
 * PKN I for JPT madya, PKN II for JPT pratama, PKA for administrator, PKP for pengawas). Keyed by
 * the platform's one position-kind code (`JenisJabatan` of the shared kernel, the codes personnel
 * publishes), so an employee's position from personnel's events finds its training directly.
 * The mapping is configuration: a deployment may pass its own.
 */
export type LeadershipTrainingMapping = Readonly<Partial<Record<JenisJabatan, DevelopmentForm>>>;

export const DEFAULT_LEADERSHIP_TRAINING: LeadershipTrainingMapping = {
  JPT_MADYA: 'pkn_i',
  JPT_PRATAMA: 'pkn_ii',
  ADMINISTRATOR: 'pka',
  PENGAWAS: 'pkp',
};

export function leadershipTrainingFor(jenisJabatan: JenisJabatan, mapping: LeadershipTrainingMapping = DEFAULT_LEADERSHIP_TRAINING): DevelopmentForm | null {
  return Object.hasOwn(mapping, jenisJabatan) ? (mapping[jenisJabatan] ?? null) : null;
}
