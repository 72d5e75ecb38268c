import { defineMessages } from '@capaian/kinerja';

/** Every message of the enrolment workflow (nomination or self-registration up to recognised JP). */
export const EnrolmentMessages = defineMessages('career/enrolment', {
  PENDAFTARAN_TIDAK_DITEMUKAN: { kind: 'not-found', message: 'Pendaftaran tidak ditemukan' },
  PEGAWAI_TIDAK_DIKENAL: { kind: 'not-found', message: 'Pegawai dengan NIP {nip} tidak dikenal' },
  TRANSISI_PENDAFTARAN_TIDAK_DIIZINKAN: { kind: 'rule', message: 'Pendaftaran berstatus {status} tidak dapat {action}' },
  TIDAK_MEMENUHI_SYARAT_JABATAN: { kind: 'rule', message: 'Program ini hanya untuk jenis jabatan {allowed}; jabatan pegawai adalah {actual}' },
  PEGAWAI_TIDAK_AKTIF: { kind: 'rule', message: 'Pegawai tidak berstatus aktif sehingga tidak dapat didaftarkan' },
  BATAS_JP_PPPK_TERLAMPAUI: { kind: 'rule', message: 'JP tahun ini akan melampaui batas {max} JP untuk jenis ASN pegawai' },
  SESI_PENUH: { kind: 'conflict', message: 'Kuota sesi sudah penuh; ajukan kembali dengan pilihan masuk daftar tunggu' },
  JADWAL_BENTROK: { kind: 'conflict', message: 'Pegawai sudah terdaftar pada sesi lain yang jadwalnya bertumpuk ({dates})' },
  SUDAH_TERDAFTAR: { kind: 'conflict', message: 'Pegawai sudah terdaftar pada sesi ini' },
  PENDAFTARAN_DITUTUP: { kind: 'rule', message: 'Masa pendaftaran sesi ini {from} s.d. {until}' },
  BUKAN_ATASAN: { kind: 'forbidden', message: 'Hanya atasan langsung atau admin OPD pegawai yang dapat mengusulkan' },
  AKSES_PENDAFTARAN_DITOLAK: { kind: 'forbidden', message: 'Anda tidak berhak melihat atau mengubah pendaftaran ini' },
  TANGGAL_DI_LUAR_SESI: { kind: 'invalid', message: 'Tanggal kehadiran harus di antara {from} dan {until}' },
  BELUM_PERNAH_HADIR: { kind: 'rule', message: 'Peserta belum tercatat hadir satu hari pun' },
  SERTIFIKAT_BELUM_DIUNGGAH: { kind: 'rule', message: 'Sertifikat belum diunggah sehingga JP belum dapat diakui' },
  JP_SERTIFIKAT_MELEBIHI_PROGRAM: { kind: 'invalid', message: 'JP pada sertifikat ({jp}) melebihi JP program ({max})' },
  PENDAFTARAN_BERUBAH: { kind: 'conflict', message: 'Pendaftaran baru saja diubah oleh pengguna lain; muat ulang lalu coba lagi' },
  ALASAN_WAJIB_DIISI: { kind: 'invalid', message: 'Alasan wajib diisi' },
});
