import type { JenisJabatan } from '@capaian/kinerja';
import type { UnitKind } from '../org-unit/domain/org-unit.rules';

/**
 * The organisation of the Pemerintah Kota Palembang for demo data: the OPD list (dinas, badan,
 * sekretariat, inspektorat, Satpol PP, RSUD and the 18 kecamatan) with stable codes, and a coherent
 * synthetic inner structure (sekretariat, bidang/bagian, seksi, schools and puskesmas as UPTD).
 * OPD names are the ones the city uses; bidang and positions follow the national templates
 * (Permendagri on perangkat daerah, Permenpan on jabatan) and are illustrative, not the Perwali text.
 * DISKOMINFO and BKPSDM codes are used by the demo users (docs/conventions.md).
 */
export interface UnitSpec {
  code: string;
  name: string;
  kind: UnitKind;
  parent: string | null;
}

export interface PositionSpec {
  code: string;
  name: string;
  jenisJabatan: JenisJabatan;
  jenjang?: string;
  kelasJabatan: number;
  unit: string;
  capacity: number;
  head?: boolean;
  /** Explicit superior (MANUAL); otherwise the OTOMATIS rule of the unit tree applies. */
  reportsTo?: string;
}

export interface Structure {
  units: UnitSpec[];
  positions: PositionSpec[];
}

export const ROOT_CODE = 'PEMKOT-PLG';
export const SEKDA_CODE = 'SETDA-SEKDA';

export const KECAMATAN = [
  ['ILIR-BARAT-I', 'Ilir Barat I'],
  ['ILIR-BARAT-II', 'Ilir Barat II'],
  ['ILIR-TIMUR-I', 'Ilir Timur I'],
  ['ILIR-TIMUR-II', 'Ilir Timur II'],
  ['ILIR-TIMUR-III', 'Ilir Timur III'],
  ['SEBERANG-ULU-I', 'Seberang Ulu I'],
  ['SEBERANG-ULU-II', 'Seberang Ulu II'],
  ['KERTAPATI', 'Kertapati'],
  ['PLAJU', 'Plaju'],
  ['BUKIT-KECIL', 'Bukit Kecil'],
  ['GANDUS', 'Gandus'],
  ['KEMUNING', 'Kemuning'],
  ['KALIDONI', 'Kalidoni'],
  ['SAKO', 'Sako'],
  ['SEMATANG-BORANG', 'Sematang Borang'],
  ['SUKARAMI', 'Sukarami'],
  ['ALANG-ALANG-LEBAR', 'Alang-Alang Lebar'],
  ['JAKABARING', 'Jakabaring'],
] as const;

type Jf = [name: string, jenis: JenisJabatan, jenjang: string | undefined, kelas: number, capacity: number];

const PELAKSANA: Jf[] = [
  ['Penata Layanan Operasional', 'PELAKSANA', undefined, 7, 2],
  ['Pengadministrasi Perkantoran', 'PELAKSANA', undefined, 5, 2],
];

interface OpdTemplate {
  code: string;
  name: string;
  kind: UnitKind;
  headTitle: string;
  bidang: [code: string, name: string, jf: Jf[]][];
  /** Unit kind of the bidang-level units (BIDANG, BAGIAN, INSPEKTUR_PEMBANTU). */
  bidangKind?: UnitKind;
  bidangHeadTitle?: string;
  withSekretariat?: boolean;
}

const ANALIS_KEBIJAKAN: Jf = ['Analis Kebijakan Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 2];
const PERENCANA: Jf = ['Perencana Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 1];

function generic(...jf: Jf[]): Jf[] {
  return [...jf, ...PELAKSANA];
}

const OPD: OpdTemplate[] = [
  {
    code: 'INSPEKTORAT',
    name: 'Inspektorat Daerah Kota Palembang',
    kind: 'INSPEKTORAT',
    headTitle: 'Inspektur',
    bidangKind: 'INSPEKTUR_PEMBANTU',
    bidangHeadTitle: '',
    withSekretariat: true,
    bidang: [1, 2, 3, 4].map((i) => [
      `IRBAN-${i}`,
      `Inspektur Pembantu ${['I', 'II', 'III', 'IV'][i - 1]}`,
      generic(['Auditor Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 3], ['Auditor Ahli Muda', 'FUNGSIONAL_KEAHLIAN', 'AHLI_MUDA', 9, 2], [
        'Pengawas Penyelenggaraan Urusan Pemerintahan Daerah Ahli Pertama',
        'FUNGSIONAL_KEAHLIAN',
        'AHLI_PERTAMA',
        8,
        2,
      ]),
    ]),
  },
  {
    code: 'SETWAN',
    name: 'Sekretariat DPRD Kota Palembang',
    kind: 'SEKRETARIAT_DPRD',
    headTitle: 'Sekretaris DPRD',
    bidangKind: 'BAGIAN',
    bidang: [
      ['UMUM', 'Bagian Umum', generic()],
      ['PERSIDANGAN', 'Bagian Persidangan dan Perundang-undangan', generic(['Analis Hukum Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 2])],
      ['KEUANGAN', 'Bagian Keuangan', generic(['Analis Keuangan Pusat dan Daerah Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 2])],
    ],
  },
  {
    code: 'DISDIK',
    name: 'Dinas Pendidikan Kota Palembang',
    kind: 'DINAS',
    headTitle: 'Kepala Dinas Pendidikan',
    withSekretariat: true,
    bidang: [
      ['SD', 'Bidang Pembinaan Sekolah Dasar', generic(['Pengawas Sekolah Ahli Muda', 'FUNGSIONAL_KEAHLIAN', 'AHLI_MUDA', 10, 3])],
      ['SMP', 'Bidang Pembinaan Sekolah Menengah Pertama', generic(['Pengawas Sekolah Ahli Muda', 'FUNGSIONAL_KEAHLIAN', 'AHLI_MUDA', 10, 2])],
      ['PAUD', 'Bidang Pembinaan PAUD dan Pendidikan Nonformal', generic(['Pamong Belajar Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 2])],
      ['GTK', 'Bidang Guru dan Tenaga Kependidikan', generic(['Analis SDM Aparatur Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 2])],
    ],
  },
  {
    code: 'DINKES',
    name: 'Dinas Kesehatan Kota Palembang',
    kind: 'DINAS',
    headTitle: 'Kepala Dinas Kesehatan',
    withSekretariat: true,
    bidang: [
      ['KESMAS', 'Bidang Kesehatan Masyarakat', generic(['Penyuluh Kesehatan Masyarakat Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 2])],
      ['P2P', 'Bidang Pencegahan dan Pengendalian Penyakit', generic(['Epidemiolog Kesehatan Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 2])],
      ['YANKES', 'Bidang Pelayanan Kesehatan', generic(['Administrator Kesehatan Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 2])],
      ['SDK', 'Bidang Sumber Daya Kesehatan', generic(['Apoteker Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 2])],
    ],
  },
  {
    code: 'PUPR',
    name: 'Dinas Pekerjaan Umum dan Penataan Ruang Kota Palembang',
    kind: 'DINAS',
    headTitle: 'Kepala Dinas Pekerjaan Umum dan Penataan Ruang',
    withSekretariat: true,
    bidang: [
      ['BINAMARGA', 'Bidang Bina Marga', generic(['Teknik Jalan dan Jembatan Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 3])],
      ['SDA', 'Bidang Sumber Daya Air', generic(['Teknik Pengairan Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 3])],
      ['TATARUANG', 'Bidang Penataan Ruang', generic(['Penata Ruang Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 2])],
    ],
  },
  {
    code: 'PERKIM',
    name: 'Dinas Perumahan Rakyat dan Kawasan Permukiman Kota Palembang',
    kind: 'DINAS',
    headTitle: 'Kepala Dinas Perumahan Rakyat dan Kawasan Permukiman',
    withSekretariat: true,
    bidang: [
      ['PERUMAHAN', 'Bidang Perumahan', generic(ANALIS_KEBIJAKAN)],
      ['PERMUKIMAN', 'Bidang Kawasan Permukiman', generic(ANALIS_KEBIJAKAN)],
    ],
  },
  {
    code: 'SATPOLPP',
    name: 'Satuan Polisi Pamong Praja Kota Palembang',
    kind: 'SATUAN_POLISI_PAMONG_PRAJA',
    headTitle: 'Kepala Satuan Polisi Pamong Praja',
    withSekretariat: true,
    bidang: [
      ['GAKPERDA', 'Bidang Penegakan Peraturan Daerah', generic(['Polisi Pamong Praja Terampil', 'FUNGSIONAL_KETERAMPILAN', 'TERAMPIL', 6, 8])],
      ['TRANTIBUM', 'Bidang Ketertiban Umum dan Ketenteraman Masyarakat', generic(['Polisi Pamong Praja Terampil', 'FUNGSIONAL_KETERAMPILAN', 'TERAMPIL', 6, 10])],
      ['LINMAS', 'Bidang Perlindungan Masyarakat', generic(['Polisi Pamong Praja Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 3])],
    ],
  },
  {
    code: 'DAMKAR',
    name: 'Dinas Pemadam Kebakaran dan Penyelamatan Kota Palembang',
    kind: 'DINAS',
    headTitle: 'Kepala Dinas Pemadam Kebakaran dan Penyelamatan',
    withSekretariat: true,
    bidang: [
      ['OPERASI', 'Bidang Operasi Pemadaman dan Penyelamatan', generic(['Analis Kebakaran Terampil', 'FUNGSIONAL_KETERAMPILAN', 'TERAMPIL', 6, 10])],
      ['PENCEGAHAN', 'Bidang Pencegahan Kebakaran', generic(['Analis Kebakaran Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 3])],
    ],
  },
  {
    code: 'DINSOS',
    name: 'Dinas Sosial Kota Palembang',
    kind: 'DINAS',
    headTitle: 'Kepala Dinas Sosial',
    withSekretariat: true,
    bidang: [
      ['REHSOS', 'Bidang Rehabilitasi Sosial', generic(['Pekerja Sosial Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 3])],
      ['LINJAMSOS', 'Bidang Perlindungan dan Jaminan Sosial', generic(['Penyuluh Sosial Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 2])],
      ['PFM', 'Bidang Penanganan Fakir Miskin', generic(ANALIS_KEBIJAKAN)],
    ],
  },
  {
    code: 'DISNAKER',
    name: 'Dinas Tenaga Kerja Kota Palembang',
    kind: 'DINAS',
    headTitle: 'Kepala Dinas Tenaga Kerja',
    withSekretariat: true,
    bidang: [
      ['PENEMPATAN', 'Bidang Penempatan dan Perluasan Kesempatan Kerja', generic(['Pengantar Kerja Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 2])],
      ['HI', 'Bidang Hubungan Industrial', generic(['Mediator Hubungan Industrial Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 2])],
    ],
  },
  {
    code: 'DLHK',
    name: 'Dinas Lingkungan Hidup dan Kebersihan Kota Palembang',
    kind: 'DINAS',
    headTitle: 'Kepala Dinas Lingkungan Hidup dan Kebersihan',
    withSekretariat: true,
    bidang: [
      ['KEBERSIHAN', 'Bidang Kebersihan dan Pengelolaan Sampah', generic(['Pengendali Dampak Lingkungan Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 2], ['Operator Layanan Operasional', 'PELAKSANA', undefined, 5, 12])],
      ['PPLH', 'Bidang Pengendalian Pencemaran dan Kerusakan Lingkungan Hidup', generic(['Pengawas Lingkungan Hidup Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 2])],
      ['RTH', 'Bidang Pertamanan dan Ruang Terbuka Hijau', generic(['Operator Layanan Operasional', 'PELAKSANA', undefined, 5, 8])],
    ],
  },
  {
    code: 'DISDUKCAPIL',
    name: 'Dinas Kependudukan dan Pencatatan Sipil Kota Palembang',
    kind: 'DINAS',
    headTitle: 'Kepala Dinas Kependudukan dan Pencatatan Sipil',
    withSekretariat: true,
    bidang: [
      ['DAFDUK', 'Bidang Pelayanan Pendaftaran Penduduk', generic(['Administrator Database Kependudukan Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 2])],
      ['CAPIL', 'Bidang Pelayanan Pencatatan Sipil', generic(['Penata Layanan Operasional', 'PELAKSANA', undefined, 7, 4])],
      ['PIAK', 'Bidang Pengelolaan Informasi Administrasi Kependudukan', generic(['Pranata Komputer Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 2])],
      ['PDIP', 'Bidang Pemanfaatan Data dan Inovasi Pelayanan', generic(ANALIS_KEBIJAKAN)],
    ],
  },
  {
    code: 'DISHUB',
    name: 'Dinas Perhubungan Kota Palembang',
    kind: 'DINAS',
    headTitle: 'Kepala Dinas Perhubungan',
    withSekretariat: true,
    bidang: [
      ['LLAJ', 'Bidang Lalu Lintas dan Angkutan Jalan', generic(['Penguji Kendaraan Bermotor Terampil', 'FUNGSIONAL_KETERAMPILAN', 'TERAMPIL', 6, 3], ['Operator Layanan Operasional', 'PELAKSANA', undefined, 5, 10])],
      ['SARPRAS', 'Bidang Sarana dan Prasarana Perhubungan', generic(['Asisten Inspektur Angkutan Udara Terampil', 'FUNGSIONAL_KETERAMPILAN', 'TERAMPIL', 6, 1])],
      ['PARKIR', 'Bidang Perparkiran', generic(['Operator Layanan Operasional', 'PELAKSANA', undefined, 5, 8])],
    ],
  },
  {
    code: 'DISKOMINFO',
    name: 'Dinas Komunikasi dan Informatika Kota Palembang',
    kind: 'DINAS',
    headTitle: 'Kepala Dinas Komunikasi dan Informatika',
    withSekretariat: true,
    bidang: [
      [
        'APTIKA',
        'Bidang Aplikasi Informatika',
        generic(['Pranata Komputer Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 4], ['Pranata Komputer Ahli Muda', 'FUNGSIONAL_KEAHLIAN', 'AHLI_MUDA', 9, 2]),
      ],
      ['IKP', 'Bidang Informasi dan Komunikasi Publik', generic(['Pranata Hubungan Masyarakat Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 3])],
      ['TIK', 'Bidang Infrastruktur Teknologi Informasi dan Komunikasi', generic(['Pranata Komputer Terampil', 'FUNGSIONAL_KETERAMPILAN', 'TERAMPIL', 6, 3])],
      ['SANDISTIK', 'Bidang Persandian dan Statistik', generic(['Sandiman Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 2], ['Statistisi Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 2])],
    ],
  },
  {
    code: 'DINKOPUKM',
    name: 'Dinas Koperasi dan Usaha Kecil Menengah Kota Palembang',
    kind: 'DINAS',
    headTitle: 'Kepala Dinas Koperasi dan Usaha Kecil Menengah',
    withSekretariat: true,
    bidang: [
      ['KOPERASI', 'Bidang Koperasi', generic(['Pengawas Koperasi Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 2])],
      ['UKM', 'Bidang Usaha Kecil Menengah', generic(ANALIS_KEBIJAKAN)],
    ],
  },
  {
    code: 'DPMPTSP',
    name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Palembang',
    kind: 'DINAS',
    headTitle: 'Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
    withSekretariat: true,
    bidang: [
      ['PM', 'Bidang Penanaman Modal', generic(['Analis Kebijakan Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 2])],
      ['PELAYANAN', 'Bidang Pelayanan Perizinan', generic(['Penata Perizinan Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 4])],
    ],
  },
  {
    code: 'DISPORA',
    name: 'Dinas Kepemudaan dan Olahraga Kota Palembang',
    kind: 'DINAS',
    headTitle: 'Kepala Dinas Kepemudaan dan Olahraga',
    withSekretariat: true,
    bidang: [
      ['PEMUDA', 'Bidang Kepemudaan', generic(['Analis Kepemudaan Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 1])],
      ['OLAHRAGA', 'Bidang Keolahragaan', generic(['Pelatih Olahraga Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 2])],
    ],
  },
  {
    code: 'DISPUSARSIP',
    name: 'Dinas Perpustakaan dan Kearsipan Kota Palembang',
    kind: 'DINAS',
    headTitle: 'Kepala Dinas Perpustakaan dan Kearsipan',
    withSekretariat: true,
    bidang: [
      ['PERPUSTAKAAN', 'Bidang Perpustakaan', generic(['Pustakawan Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 3])],
      ['KEARSIPAN', 'Bidang Kearsipan', generic(['Arsiparis Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 3])],
    ],
  },
  {
    code: 'DISBUD',
    name: 'Dinas Kebudayaan Kota Palembang',
    kind: 'DINAS',
    headTitle: 'Kepala Dinas Kebudayaan',
    withSekretariat: true,
    bidang: [
      ['CAGARBUDAYA', 'Bidang Cagar Budaya dan Permuseuman', generic(['Pamong Budaya Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 2])],
      ['KESENIAN', 'Bidang Kesenian dan Tradisi', generic(['Pamong Budaya Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 2])],
    ],
  },
  {
    code: 'DISPAR',
    name: 'Dinas Pariwisata Kota Palembang',
    kind: 'DINAS',
    headTitle: 'Kepala Dinas Pariwisata',
    withSekretariat: true,
    bidang: [
      ['DESTINASI', 'Bidang Destinasi Pariwisata', generic(['Adyatama Kepariwisataan dan Ekonomi Kreatif Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 2])],
      ['PEMASARAN', 'Bidang Pemasaran Pariwisata', generic(ANALIS_KEBIJAKAN)],
    ],
  },
  {
    code: 'DISDAG',
    name: 'Dinas Perdagangan Kota Palembang',
    kind: 'DINAS',
    headTitle: 'Kepala Dinas Perdagangan',
    withSekretariat: true,
    bidang: [
      ['PERDAGANGAN', 'Bidang Perdagangan Dalam Negeri', generic(['Pengawas Perdagangan Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 2])],
      ['METROLOGI', 'Bidang Metrologi Legal', generic(['Penera Terampil', 'FUNGSIONAL_KETERAMPILAN', 'TERAMPIL', 6, 3])],
      ['PASAR', 'Bidang Pengelolaan Pasar', generic()],
    ],
  },
  {
    code: 'DISPERIN',
    name: 'Dinas Perindustrian Kota Palembang',
    kind: 'DINAS',
    headTitle: 'Kepala Dinas Perindustrian',
    withSekretariat: true,
    bidang: [
      ['IKM', 'Bidang Industri Kecil dan Menengah', generic(['Pembina Industri Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 2])],
      ['SDI', 'Bidang Sumber Daya Industri', generic(ANALIS_KEBIJAKAN)],
    ],
  },
  {
    code: 'BAPPEDA',
    name: 'Badan Perencanaan Pembangunan Daerah Kota Palembang',
    kind: 'BADAN',
    headTitle: 'Kepala Badan Perencanaan Pembangunan Daerah',
    withSekretariat: true,
    bidang: [
      ['PEREKONOMIAN', 'Bidang Perekonomian dan Sumber Daya Alam', generic(['Perencana Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 3], ['Perencana Ahli Muda', 'FUNGSIONAL_KEAHLIAN', 'AHLI_MUDA', 9, 1])],
      ['PPM', 'Bidang Pemerintahan dan Pembangunan Manusia', generic(['Perencana Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 3])],
      ['INFRASTRUKTUR', 'Bidang Infrastruktur dan Kewilayahan', generic(['Perencana Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 3])],
      ['LITBANG', 'Bidang Penelitian dan Pengembangan', generic(['Peneliti Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 2])],
    ],
  },
  {
    code: 'BPKAD',
    name: 'Badan Pengelola Keuangan dan Aset Daerah Kota Palembang',
    kind: 'BADAN',
    headTitle: 'Kepala Badan Pengelola Keuangan dan Aset Daerah',
    withSekretariat: true,
    bidang: [
      ['ANGGARAN', 'Bidang Anggaran', generic(['Analis Keuangan Pusat dan Daerah Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 3])],
      ['PERBENDAHARAAN', 'Bidang Perbendaharaan', generic(['Analis Keuangan Pusat dan Daerah Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 3])],
      ['AKUNTANSI', 'Bidang Akuntansi', generic(['Analis Keuangan Pusat dan Daerah Ahli Muda', 'FUNGSIONAL_KEAHLIAN', 'AHLI_MUDA', 9, 2])],
      ['ASET', 'Bidang Aset', generic(['Penata Kelola Barang Milik Negara Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 2])],
    ],
  },
  {
    code: 'BPPD',
    name: 'Badan Pengelola Pajak Daerah Kota Palembang',
    kind: 'BADAN',
    headTitle: 'Kepala Badan Pengelola Pajak Daerah',
    withSekretariat: true,
    bidang: [
      ['PENDATAAN', 'Bidang Pendataan dan Penetapan', generic(['Penilai Pajak Bumi dan Bangunan Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 3])],
      ['PENAGIHAN', 'Bidang Penagihan dan Keberatan', generic(['Penata Layanan Operasional', 'PELAKSANA', undefined, 7, 6])],
      ['PBB', 'Bidang Pajak Bumi dan Bangunan', generic(['Penilai Pajak Bumi dan Bangunan Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 3])],
    ],
  },
  {
    code: 'BKPSDM',
    name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kota Palembang',
    kind: 'BADAN',
    headTitle: 'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
    withSekretariat: true,
    bidang: [
      ['PPI', 'Bidang Pengadaan, Pemberhentian dan Informasi', generic(['Analis SDM Aparatur Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 3], ['Pranata SDM Aparatur Terampil', 'FUNGSIONAL_KETERAMPILAN', 'TERAMPIL', 6, 2])],
      ['MUTASI', 'Bidang Mutasi dan Promosi', generic(['Analis SDM Aparatur Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 3])],
      ['BANGKOM', 'Bidang Pengembangan Kompetensi Aparatur', generic(['Widyaiswara Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 1], ['Analis SDM Aparatur Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 2])],
      ['PKAP', 'Bidang Penilaian Kinerja Aparatur dan Penghargaan', generic(['Analis SDM Aparatur Ahli Muda', 'FUNGSIONAL_KEAHLIAN', 'AHLI_MUDA', 9, 2], ['Analis SDM Aparatur Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 3])],
    ],
  },
  {
    code: 'BPBD',
    name: 'Badan Penanggulangan Bencana Daerah Kota Palembang',
    kind: 'BADAN',
    headTitle: 'Kepala Pelaksana Badan Penanggulangan Bencana Daerah',
    withSekretariat: true,
    bidang: [
      ['PENCEGAHAN', 'Bidang Pencegahan dan Kesiapsiagaan', generic(['Analis Bencana Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 2])],
      ['DARURAT', 'Bidang Kedaruratan dan Logistik', generic(['Operator Layanan Operasional', 'PELAKSANA', undefined, 5, 6])],
      ['REHAB', 'Bidang Rehabilitasi dan Rekonstruksi', generic(ANALIS_KEBIJAKAN)],
    ],
  },
  {
    code: 'KESBANGPOL',
    name: 'Badan Kesatuan Bangsa dan Politik Kota Palembang',
    kind: 'BADAN',
    headTitle: 'Kepala Badan Kesatuan Bangsa dan Politik',
    withSekretariat: true,
    bidang: [
      ['IDEOLOGI', 'Bidang Ideologi, Wawasan Kebangsaan dan Karakter Bangsa', generic(ANALIS_KEBIJAKAN)],
      ['POLDAGRI', 'Bidang Politik Dalam Negeri dan Organisasi Kemasyarakatan', generic(ANALIS_KEBIJAKAN)],
    ],
  },
  {
    code: 'RSUD-BARI',
    name: 'RSUD Palembang BARI',
    kind: 'RUMAH_SAKIT_DAERAH',
    headTitle: 'Direktur RSUD Palembang BARI',
    bidang: [
      ['UMUM', 'Bagian Umum dan Keuangan', generic(['Perencana Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 1])],
      [
        'YANMED',
        'Bidang Pelayanan Medik',
        generic(['Dokter Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 9, 20], ['Dokter Ahli Muda', 'FUNGSIONAL_KEAHLIAN', 'AHLI_MUDA', 11, 12], ['Dokter Gigi Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 9, 4]),
      ],
      [
        'KEPERAWATAN',
        'Bidang Keperawatan',
        generic(['Perawat Terampil', 'FUNGSIONAL_KETERAMPILAN', 'TERAMPIL', 7, 90], ['Perawat Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 40], ['Bidan Terampil', 'FUNGSIONAL_KETERAMPILAN', 'TERAMPIL', 7, 20]),
      ],
      [
        'PENUNJANG',
        'Bidang Penunjang Medik',
        generic(['Apoteker Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 6], ['Pranata Laboratorium Kesehatan Terampil', 'FUNGSIONAL_KETERAMPILAN', 'TERAMPIL', 6, 12], ['Radiografer Terampil', 'FUNGSIONAL_KETERAMPILAN', 'TERAMPIL', 6, 6]),
      ],
    ],
  },
];

const SETDA_ASISTEN: [code: string, name: string, bagian: [string, string, Jf[]][]][] = [
  [
    'ASISTEN-I',
    'Asisten Pemerintahan dan Kesejahteraan Rakyat',
    [
      ['PEMERINTAHAN', 'Bagian Pemerintahan', generic(ANALIS_KEBIJAKAN)],
      ['HUKUM', 'Bagian Hukum', generic(['Analis Hukum Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 3], ['Perancang Peraturan Perundang-undangan Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 2])],
      ['KESRA', 'Bagian Kesejahteraan Rakyat', generic(ANALIS_KEBIJAKAN)],
    ],
  ],
  [
    'ASISTEN-II',
    'Asisten Perekonomian dan Pembangunan',
    [
      ['PEREKONOMIAN', 'Bagian Perekonomian dan Sumber Daya Alam', generic(ANALIS_KEBIJAKAN)],
      ['ADPEM', 'Bagian Administrasi Pembangunan', generic(PERENCANA)],
      ['PBJ', 'Bagian Pengadaan Barang dan Jasa', generic(['Pengelola Pengadaan Barang/Jasa Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 4])],
    ],
  ],
  [
    'ASISTEN-III',
    'Asisten Administrasi Umum',
    [
      ['UMUM', 'Bagian Umum', generic(['Operator Layanan Operasional', 'PELAKSANA', undefined, 5, 6])],
      ['ORGANISASI', 'Bagian Organisasi', generic(['Analis Kebijakan Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 2], ['Analis Jabatan Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 1])],
      ['PROKOPIM', 'Bagian Protokol dan Komunikasi Pimpinan', generic(['Pranata Hubungan Masyarakat Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 3])],
    ],
  ],
];

const KECAMATAN_SEKSI: [string, string][] = [
  ['PEM', 'Seksi Pemerintahan'],
  ['TRANTIB', 'Seksi Ketenteraman dan Ketertiban Umum'],
  ['PMK', 'Seksi Pemberdayaan Masyarakat dan Kelurahan'],
  ['KESOS', 'Seksi Kesejahteraan Sosial'],
];

/** Demo positions that the six demo users hold (docs/conventions.md). */
export const DEMO_POSITIONS = {
  ahmad: 'DISKOMINFO-KEPALA',
  siti: 'DISKOMINFO-APTIKA-KEPALA',
  rudi: 'DISKOMINFO-SEKRETARIAT-UMPEG-KEPALA',
  dimas: 'DISKOMINFO-APTIKA-JF1',
  putri: 'DISKOMINFO-APTIKA-JF1',
  hendra: 'BKPSDM-PKAP-KEPALA',
} as const;

/**
 * Builds the structure. `factor` scales the number of schools and puskesmas and the capacity of
 * fungsional and pelaksana positions, so that a larger workforce (benchmarks) still fits.
 */
export function buildPalembangStructure(factor = 1): Structure {
  const units: UnitSpec[] = [];
  const positions: PositionSpec[] = [];
  // Small scales (tests) keep at least two places where there were two: the demo users share posts.
  const cap = (n: number) => Math.max(Math.min(n, 2), Math.round(n * factor));
  const unit = (code: string, name: string, kind: UnitKind, parent: string | null) => units.push({ code, name, kind, parent });
  const head = (unitCode: string, name: string, jenis: JenisJabatan, kelas: number, extra: Partial<PositionSpec> = {}) =>
    positions.push({ code: `${unitCode}-KEPALA`, name, jenisJabatan: jenis, kelasJabatan: kelas, unit: unitCode, capacity: 1, head: true, ...extra });
  const staff = (unitCode: string, list: Jf[]) =>
    list.forEach(([name, jenis, jenjang, kelas, capacity], i) =>
      positions.push({ code: `${unitCode}-${jenis === 'PELAKSANA' ? 'PL' : 'JF'}${i + 1}`, name, jenisJabatan: jenis, jenjang, kelasJabatan: kelas, unit: unitCode, capacity: cap(capacity) }),
    );
  const sekretariat = (opd: string, headTitle = 'Sekretaris') => {
    const code = `${opd}-SEKRETARIAT`;
    unit(code, 'Sekretariat', 'SEKRETARIAT', opd);
    head(code, headTitle, 'ADMINISTRATOR', 12);
    for (const [sub, name, jf] of [
      ['UMPEG', 'Subbagian Umum dan Kepegawaian', generic(['Analis SDM Aparatur Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 8, 1])],
      ['KEUANGAN', 'Subbagian Perencanaan dan Keuangan', generic(PERENCANA)],
    ] as [string, string, Jf[]][]) {
      const subCode = `${code}-${sub}`;
      unit(subCode, name, 'SUBBAGIAN', code);
      head(subCode, `Kepala ${name}`, 'PENGAWAS', 9);
      staff(subCode, jf);
    }
  };

  unit(ROOT_CODE, 'Pemerintah Kota Palembang', 'PEMERINTAH_KOTA', null);

  // Sekretariat Daerah: the Sekda is the top of the ASN hierarchy (appraised by the Wali Kota).
  unit('SETDA', 'Sekretariat Daerah Kota Palembang', 'SEKRETARIAT_DAERAH', ROOT_CODE);
  positions.push({ code: SEKDA_CODE, name: 'Sekretaris Daerah', jenisJabatan: 'JPT_PRATAMA', kelasJabatan: 15, unit: 'SETDA', capacity: 1, head: true });
  for (const [code, name, bagian] of SETDA_ASISTEN) {
    const asisten = `SETDA-${code}`;
    unit(asisten, name, 'ASISTEN', 'SETDA');
    head(asisten, name, 'JPT_PRATAMA', 14);
    for (const [b, bName, jf] of bagian) {
      const bc = `${asisten}-${b}`;
      unit(bc, bName, 'BAGIAN', asisten);
      head(bc, `Kepala ${bName}`, 'ADMINISTRATOR', 12);
      staff(bc, jf);
    }
  }

  for (const t of OPD) {
    unit(t.code, t.name, t.kind, ROOT_CODE);
    head(t.code, t.headTitle, 'JPT_PRATAMA', 14, { reportsTo: SEKDA_CODE });
    if (t.withSekretariat) sekretariat(t.code);
    for (const [b, bName, jf] of t.bidang) {
      const bc = `${t.code}-${b}`;
      const kind = t.bidangKind ?? 'BIDANG';
      unit(bc, bName, kind, t.code);
      head(bc, t.bidangHeadTitle === '' ? bName : `Kepala ${bName}`, 'ADMINISTRATOR', kind === 'BAGIAN' ? 12 : 11);
      staff(bc, jf);
    }
  }

  // Schools (UPTD satuan pendidikan) under Disdik, headed by a teacher with the added duty of
  // kepala sekolah, who reports to the kepala bidang of that level.
  const schools: [prefix: string, label: string, bidang: string, count: number, teachers: number][] = [
    ['SDN', 'SD Negeri', 'DISDIK-SD', Math.round(120 * factor), 22],
    ['SMPN', 'SMP Negeri', 'DISDIK-SMP', Math.round(40 * factor), 38],
  ];
  for (const [prefix, label, bidang, count, teachers] of schools) {
    for (let n = 1; n <= count; n++) {
      const code = `DISDIK-${prefix}-${n}`;
      unit(code, `${label} ${n} Palembang`, 'UPTD', 'DISDIK');
      head(code, `Kepala ${label} ${n} Palembang`, 'FUNGSIONAL_KEAHLIAN', 10, { jenjang: 'AHLI_MADYA', reportsTo: `${bidang}-KEPALA` });
      positions.push({ code: `${code}-GURU1`, name: 'Guru Ahli Pertama', jenisJabatan: 'FUNGSIONAL_KEAHLIAN', jenjang: 'AHLI_PERTAMA', kelasJabatan: 8, unit: code, capacity: Math.round(teachers * 0.55) });
      positions.push({ code: `${code}-GURU2`, name: 'Guru Ahli Muda', jenisJabatan: 'FUNGSIONAL_KEAHLIAN', jenjang: 'AHLI_MUDA', kelasJabatan: 9, unit: code, capacity: Math.round(teachers * 0.45) });
      positions.push({ code: `${code}-TU`, name: 'Pengadministrasi Perkantoran', jenisJabatan: 'PELAKSANA', kelasJabatan: 5, unit: code, capacity: 2 });
    }
  }

  // Puskesmas (UPTD) under Dinkes, one or more per kecamatan, headed by a doctor.
  const perKecamatan = Math.max(1, Math.round(factor * 2));
  KECAMATAN.forEach(([kc, kn]) => {
    for (let n = 1; n <= perKecamatan; n++) {
      const code = `DINKES-PKM-${kc}${perKecamatan > 1 ? `-${n}` : ''}`;
      const name = `UPTD Puskesmas ${kn}${perKecamatan > 1 ? ` ${n}` : ''}`;
      unit(code, name, 'UPTD', 'DINKES');
      head(code, `Kepala ${name}`, 'FUNGSIONAL_KEAHLIAN', 11, { jenjang: 'AHLI_MADYA', reportsTo: 'DINKES-YANKES-KEPALA' });
      staff(code, [
        ['Dokter Ahli Pertama', 'FUNGSIONAL_KEAHLIAN', 'AHLI_PERTAMA', 9, 3],
        ['Perawat Terampil', 'FUNGSIONAL_KETERAMPILAN', 'TERAMPIL', 7, 8],
        ['Bidan Terampil', 'FUNGSIONAL_KETERAMPILAN', 'TERAMPIL', 7, 7],
        ['Sanitarian Terampil', 'FUNGSIONAL_KETERAMPILAN', 'TERAMPIL', 6, 2],
        ['Pengadministrasi Perkantoran', 'PELAKSANA', undefined, 5, 3],
      ]);
    }
  });

  // The 18 kecamatan: camat, sekretariat kecamatan, seksi.
  for (const [kc, kn] of KECAMATAN) {
    const code = `KEC-${kc}`;
    unit(code, `Kecamatan ${kn}`, 'KECAMATAN', ROOT_CODE);
    head(code, `Camat ${kn}`, 'ADMINISTRATOR', 12, { reportsTo: SEKDA_CODE });
    sekretariat(code, 'Sekretaris Kecamatan');
    for (const [s, sName] of KECAMATAN_SEKSI) {
      const sc = `${code}-${s}`;
      unit(sc, sName, 'SEKSI', code);
      head(sc, `Kepala ${sName}`, 'PENGAWAS', 9);
      staff(sc, [['Penata Layanan Operasional', 'PELAKSANA', undefined, 7, 3], ['Operator Layanan Operasional', 'PELAKSANA', undefined, 5, 3]]);
    }
  }
  return { units, positions };
}
