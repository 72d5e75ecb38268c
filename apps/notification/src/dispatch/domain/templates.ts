/**
 * The texts people read, in Bahasa Indonesia: one template per kind of notice. A template takes
 * the flat values of the event (and of the recipient) and returns the inbox notice; the e-mail is
 * laid out around it (see `email-layout.ts`). A value the template needs and the event does not
 * carry is an error the dispatcher records, never a mail with a hole in it.
 */
export type TemplateValues = Readonly<Record<string, string | null | undefined>>;

export interface Notice {
  judul: string;
  /** One paragraph for the inbox; the e-mail shows it as its body. */
  isi: string;
  /** Path in the staff portal, e.g. `/skp/rencana`; the e-mail builds the full link from PORTAL_BASE_URL. */
  tautan: string;
}

export class TemplateValueMissingError extends Error {
  constructor(
    readonly template: string,
    readonly value: string,
  ) {
    super(`template ${template} needs a value for ${value}`);
    this.name = 'TemplateValueMissingError';
  }
}

type Template = (v: (key: string) => string, optional: (key: string) => string | null) => Notice;

const TEMPLATES = {
  'pegawai-diterima': (v) => ({
    judul: 'Selamat bergabung di Capaian',
    isi: `Yth. ${v('penerima')}, Anda tercatat sebagai pegawai pada ${v('unit')}, ${v('opd')}, dengan jabatan ${v('jabatan')}. Susun rencana SKP Anda paling lambat ${v('batas')}.`,
    tautan: '/skp/rencana',
  }),
  'bawahan-baru': (v) => ({
    judul: `Pegawai baru yang Anda nilai: ${v('nama')}`,
    isi: `${v('nama')} (NIP ${v('nip')}), ${v('jabatan')}, kini berada di bawah penilaian Anda. Dampingi penyusunan rencana SKP-nya.`,
    tautan: `/tim/${v('nip')}`,
  }),
  'penilai-baru': (v) => ({
    judul: `Pegawai baru yang Anda nilai: ${v('nama')}`,
    isi: `Mulai ${v('tanggal')}, ${v('nama')} (NIP ${v('nip')}) berada di bawah penilaian Anda.`,
    tautan: `/tim/${v('nip')}`,
  }),
  'pegawai-baru-opd': (v) => ({
    judul: `Pegawai baru di ${v('opd')}: ${v('nama')}`,
    isi: `${v('nama')} (NIP ${v('nip')}) tercatat sebagai pegawai ${v('unit')} dengan jabatan ${v('jabatan')}.`,
    tautan: `/admin/pegawai/${v('nip')}`,
  }),
  'pegawai-dimutasi': (v, o) => ({
    judul: 'Anda dimutasi ke jabatan baru',
    isi: `Yth. ${v('penerima')}, Anda dimutasi ke ${v('jabatan')} pada ${v('unit')}, ${v('opd')}, terhitung mulai ${v('tanggal')}${o('nomorSk') ? ` (SK ${o('nomorSk')})` : ''}.`,
    tautan: '/profil',
  }),
  'pegawai-masuk-opd': (v) => ({
    judul: `Pegawai pindahan di ${v('opd')}: ${v('nama')}`,
    isi: `${v('nama')} (NIP ${v('nip')}) pindah dari ${v('opdAsal')} ke ${v('unit')} sebagai ${v('jabatan')}, terhitung mulai ${v('tanggal')}.`,
    tautan: `/admin/pegawai/${v('nip')}`,
  }),
  'mutasi-antar-opd': (v) => ({
    judul: `Mutasi antar OPD: ${v('nama')}`,
    isi: `${v('nama')} (NIP ${v('nip')}) pindah dari ${v('opdAsal')} ke ${v('opd')}, terhitung mulai ${v('tanggal')}.`,
    tautan: `/admin/pegawai/${v('nip')}`,
  }),
  'kenaikan-pangkat': (v) => ({
    judul: `Kenaikan pangkat: ${v('pangkat')} (${v('golongan')})`,
    isi: `Yth. ${v('penerima')}, pangkat Anda kini ${v('pangkat')}, golongan ${v('golongan')}, terhitung mulai ${v('tanggal')}. Selamat!`,
    tautan: '/profil',
  }),
  'bawahan-naik-pangkat': (v) => ({
    judul: `${v('nama')} naik pangkat`,
    isi: `${v('nama')} (NIP ${v('nip')}) kini berpangkat ${v('pangkat')}, golongan ${v('golongan')}.`,
    tautan: `/tim/${v('nip')}`,
  }),
  'atasan-berubah': (v) => ({
    judul: 'Atasan langsung Anda berubah',
    isi: `Yth. ${v('penerima')}, mulai ${v('tanggal')} atasan langsung (pejabat penilai) Anda adalah ${v('atasan')}.`,
    tautan: '/profil',
  }),
  'bawahan-keluar': (v) => ({
    judul: `${v('nama')} tidak lagi aktif`,
    isi: `${v('nama')} (NIP ${v('nip')}) tidak lagi aktif sebagai pegawai terhitung mulai ${v('tanggal')}. Penilaian yang masih terbuka perlu ditutup.`,
    tautan: `/tim/${v('nip')}`,
  }),
  'pegawai-keluar-opd': (v) => ({
    judul: `Pegawai keluar dari ${v('opd')}: ${v('nama')}`,
    isi: `${v('nama')} (NIP ${v('nip')}) tidak lagi aktif terhitung mulai ${v('tanggal')}.`,
    tautan: `/admin/pegawai/${v('nip')}`,
  }),
  'skp-diajukan': (v) => ({
    judul: `SKP ${v('tahun')} ${v('nama')} menunggu persetujuan Anda`,
    isi: `${v('nama')} (NIP ${v('nip')}) mengajukan SKP tahun ${v('tahun')} untuk periode ${v('periode')}. Periksa dan tetapkan paling lambat ${v('batas')}, atau kembalikan dengan catatan.`,
    tautan: `/tim/${v('nip')}/skp`,
  }),
  'skp-ditetapkan': (v) => ({
    judul: `SKP ${v('tahun')} Anda telah ditetapkan`,
    isi: `Yth. ${v('penerima')}, SKP tahun ${v('tahun')} Anda (periode ${v('periode')}) telah ditetapkan oleh pejabat penilai.`,
    tautan: '/skp',
  }),
  'skp-dikembalikan': (v) => ({
    judul: `SKP ${v('tahun')} Anda dikembalikan untuk diperbaiki`,
    isi: `Yth. ${v('penerima')}, pejabat penilai mengembalikan SKP tahun ${v('tahun')} Anda dengan catatan: ${v('alasan')}. Perbaiki dan ajukan kembali paling lambat ${v('batas')}.`,
    tautan: '/skp/rencana',
  }),
  'umpan-balik': (v) => ({
    judul: `Umpan balik kinerja periode ${v('periodeKe')} tahun ${v('tahun')}`,
    isi: `Yth. ${v('penerima')}, pejabat penilai telah memberikan umpan balik atas realisasi kinerja Anda periode ${v('periodeKe')} tahun ${v('tahun')}.`,
    tautan: '/skp/evaluasi',
  }),
  'realisasi-menunggu-umpan-balik': (v) => ({
    judul: `Realisasi kinerja ${v('nama')} periode ${v('periodeKe')} tahun ${v('tahun')} menunggu umpan balik Anda`,
    isi: `${v('nama')} (NIP ${v('nip')}) telah melaporkan realisasi kinerja periode ${v('periodeKe')} tahun ${v('tahun')}. Periksa realisasi beserta bukti dukungnya dan berikan umpan balik paling lambat ${v('batas')}.`,
    tautan: `/tim/${v('nip')}/skp`,
  }),
  'laporan-realisasi': (v) => ({
    judul: `Laporan realisasi kinerja ${v('namaPeriode')} jatuh tempo ${v('batasLaporan')}`,
    isi: `Yth. ${v('penerima')}, realisasi kinerja Anda untuk ${v('namaPeriode')} (${v('periode')}) belum dilaporkan. Laporkan realisasi beserta bukti dukungnya paling lambat ${v('batasLaporan')}; setelah tanggal itu laporan tidak dapat diterima lagi.`,
    tautan: '/skp/realisasi',
  }),
  'skp-perencanaan': (v) => ({
    judul: `SKP tahun ${v('tahun')} Anda belum diajukan: batas perencanaan ${v('batasPerencanaan')}`,
    isi: `Yth. ${v('penerima')}, Anda belum mengajukan SKP tahun ${v('tahun')} kepada pejabat penilai. Susun rencana kinerja Anda dan ajukan paling lambat ${v('batasPerencanaan')}, batas perencanaan SKP di OPD Anda.`,
    tautan: '/skp',
  }),
  'penilaian-menunggu': (v) => ({
    judul: `Penilaian kinerja ${v('nama')} tahun ${v('tahun')} menunggu Anda`,
    isi: `Yth. ${v('penerima')}, SKP ${v('nama')} (NIP ${v('nip')}) periode ${v('periode')} siap dinilai. Berikan penilaian hasil kerja dan perilaku kerja paling lambat ${v('batasPenilaian')}; setelah tanggal itu penilaian tidak dapat diberikan lagi.`,
    tautan: `/skp/${v('skpId')}`,
  }),
  'penilaian-ditetapkan': (v) => ({
    judul: `Hasil penilaian kinerja tahun ${v('tahun')}: ${v('predikat')}`,
    isi: `Yth. ${v('penerima')}, predikat kinerja Anda tahun ${v('tahun')} adalah ${v('predikat')}. Jika tidak sependapat, Anda dapat mengajukan keberatan dalam batas waktu yang berlaku.`,
    tautan: '/skp/evaluasi',
  }),
  'keberatan-diajukan': (v) => ({
    judul: `Keberatan atas penilaian ${v('nama')} menunggu keputusan Anda`,
    isi: `${v('nama')} (NIP ${v('nip')}) mengajukan keberatan atas hasil penilaian kinerja tahun ${v('tahun')}. Putuskan paling lambat ${v('batas')}.`,
    tautan: `/tim/${v('nip')}/keberatan`,
  }),
  'keberatan-diputus': (v) => ({
    judul: `Keberatan Anda ${v('keputusan')}`,
    isi: `Yth. ${v('penerima')}, keberatan Anda atas hasil penilaian kinerja tahun ${v('tahun')} ${v('keputusan')} oleh atasan pejabat penilai.`,
    tautan: '/skp/evaluasi',
  }),
  'pelatihan-disetujui': (v) => ({
    judul: `Pendaftaran pelatihan disetujui: ${v('program')}`,
    isi: `Yth. ${v('penerima')}, pendaftaran Anda pada ${v('program')} disetujui. Pelatihan berlangsung ${v('mulai')} sampai ${v('selesai')}.`,
    tautan: '/pengembangan/pendaftaran',
  }),
  'pelatihan-besok': (v) => ({
    judul: `Besok: ${v('judulAsal')}`,
    isi: `Yth. ${v('penerima')}, jangan lupa: ${v('isiAsal')}`,
    tautan: v('tautanAsal'),
  }),
  'pelatihan-ditolak': (v, o) => ({
    judul: `Pendaftaran pelatihan tidak disetujui: ${v('program')}`,
    isi: `Yth. ${v('penerima')}, pendaftaran Anda pada ${v('program')} tidak disetujui${o('alasan') ? `. Alasan: ${o('alasan')}` : ''}.`,
    tautan: '/pengembangan/pendaftaran',
  }),
  'jp-kurang': (v) => ({
    judul: `JP pengembangan kompetensi tahun ${v('tahun')} masih kurang ${v('kekurangan')} JP`,
    isi: `Yth. ${v('penerima')}, tahun ${v('tahun')} Anda baru memiliki ${v('jpDiakui')} JP yang diakui dan ${v('jpRencana')} JP yang direncanakan, dari minimal ${v('jpMinimal')} JP. Daftarlah pada pelatihan sebelum akhir tahun.`,
    tautan: '/pengembangan',
  }),
  'jp-kurang-bawahan': (v) => ({
    judul: `JP ${v('nama')} tahun ${v('tahun')} masih kurang ${v('kekurangan')} JP`,
    isi: `${v('nama')} (NIP ${v('nip')}) baru memiliki ${v('jpDiakui')} JP dari minimal ${v('jpMinimal')} JP tahun ${v('tahun')}.`,
    tautan: `/tim/${v('nip')}/pengembangan`,
  }),
  pengingat: (v) => ({
    judul: `Pengingat: ${v('judulAsal')}`,
    isi: `Yth. ${v('penerima')}, tugas ini belum ditindaklanjuti dan tenggatnya ${v('batas')}: ${v('isiAsal')}`,
    tautan: v('tautanAsal'),
  }),
  'eskalasi-atasan': (v) => ({
    judul: `Eskalasi: ${v('nama')} belum menindaklanjuti tugas`,
    isi: `${v('nama')} (NIP ${v('nip')}) belum menindaklanjuti "${v('judulAsal')}" yang bertenggat ${v('batas')}. Mohon bantu agar segera diselesaikan.`,
    tautan: `/tim/${v('nip')}`,
  }),
  'eskalasi-admin-opd': (v) => ({
    judul: `Eskalasi ke admin OPD: ${v('nama')}`,
    isi: `"${v('judulAsal')}" untuk ${v('nama')} (NIP ${v('nip')}) belum ditindaklanjuti sejak ${v('batas')}, juga setelah atasannya diingatkan.`,
    tautan: `/admin/pegawai/${v('nip')}`,
  }),
} as const satisfies Record<string, Template>;

export type TemplateKey = keyof typeof TEMPLATES;

export const TEMPLATE_KEYS = Object.keys(TEMPLATES) as TemplateKey[];

export function renderNotice(key: TemplateKey, values: TemplateValues): Notice {
  const template: Template = TEMPLATES[key];
  const need = (name: string): string => {
    const value = values[name];
    if (value === undefined || value === null || value.trim() === '') throw new TemplateValueMissingError(key, name);
    return value;
  };
  const optional = (name: string): string | null => {
    const value = values[name];
    return value === undefined || value === null || value.trim() === '' ? null : value;
  };
  return template(need, optional);
}
