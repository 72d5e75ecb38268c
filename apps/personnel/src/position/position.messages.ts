import { defineMessages } from '@capaian/kinerja';

/** What users read when a change of positions (jabatan) is refused. Codes are stable API values. */
export const PositionMessages = defineMessages('personnel-position', {
  JABATAN_TIDAK_DITEMUKAN: { kind: 'not-found', message: 'Jabatan {ref} tidak ditemukan' },
  KODE_JABATAN_SUDAH_ADA: { kind: 'conflict', message: 'Kode jabatan {code} sudah dipakai' },
  // The kernel words the jenjang messages itself; these are their general form.
  JENJANG_WAJIB: { kind: 'invalid', message: 'Jenjang wajib diisi untuk jabatan fungsional' },
  JENJANG_TIDAK_SESUAI: { kind: 'invalid', message: 'Jenjang {jenjang} tidak berlaku untuk jenis jabatan ini' },
  JENJANG_TIDAK_BERLAKU: { kind: 'invalid', message: 'Jenjang hanya berlaku untuk jabatan fungsional' },
  KELAS_JABATAN_TIDAK_VALID: { kind: 'invalid', message: 'Kelas jabatan harus antara {min} dan {max}' },
  KEBUTUHAN_TIDAK_VALID: { kind: 'invalid', message: 'Jumlah kebutuhan (formasi) minimal 1' },
  KEPALA_UNIT_TIDAK_BOLEH_PELAKSANA: {
    kind: 'rule',
    message: 'Kepala unit harus jabatan struktural atau fungsional dengan tugas tambahan, bukan pelaksana',
  },
  KEPALA_UNIT_HANYA_SATU: { kind: 'rule', message: 'Jabatan kepala unit hanya dapat diduduki satu orang' },
  KEPALA_UNIT_SUDAH_ADA: { kind: 'conflict', message: 'Unit {code} sudah memiliki jabatan kepala; ganti kepala melalui perubahan unit' },
  JABATAN_KEPALA_TIDAK_DAPAT_DIPINDAH: { kind: 'conflict', message: 'Jabatan {code} adalah kepala unit; tunjuk kepala lain dahulu' },
  UNIT_TIDAK_AKTIF_PADA_TANGGAL: { kind: 'rule', message: 'Unit {code} tidak aktif pada {date}' },
  JABATAN_BELUM_ADA_PADA_TANGGAL: { kind: 'rule', message: 'Jabatan {code} belum ada pada {date}' },
  JABATAN_SUDAH_DITUTUP: { kind: 'conflict', message: 'Jabatan {code} sudah ditutup' },
  JABATAN_ATASAN_DIRI_SENDIRI: { kind: 'rule', message: 'Jabatan tidak dapat melapor ke dirinya sendiri' },
  JABATAN_ATASAN_DITUTUP: { kind: 'rule', message: 'Jabatan atasan {code} sudah ditutup' },
  JABATAN_ATASAN_HARUS_TUNGGAL: {
    kind: 'rule',
    message: 'Jabatan {code} menjadi atasan jabatan lain sehingga harus jabatan tunggal (kebutuhan satu orang)',
  },
  JABATAN_SIKLUS: { kind: 'rule', message: 'Jabatan {code} sudah berada di bawah jabatan ini; garis atasan akan berputar' },
  JABATAN_MASIH_DIDUDUKI: { kind: 'conflict', message: 'Jabatan {code} masih diduduki {count} pegawai' },
  JABATAN_MASIH_MENJADI_ATASAN: { kind: 'conflict', message: '{count} jabatan masih melapor ke jabatan {code}' },
  KEBUTUHAN_KURANG_DARI_PEMANGKU: {
    kind: 'conflict',
    message: 'Jabatan {code} diduduki {count} pegawai; kebutuhan tidak boleh kurang dari itu',
  },
  JABATAN_PENUH: { kind: 'conflict', message: 'Jabatan {code} sudah terisi penuh ({occupied} dari {capacity})' },
});
