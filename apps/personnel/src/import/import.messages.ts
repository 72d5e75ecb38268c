import { defineMessages } from '@capaian/kinerja';

/**
 * What users read about a bulk import: the upload itself, the file, and every row. A row's
 * violation carries the row number and the column as written in the file.
 */
export const ImportMessages = defineMessages('personnel-import', {
  IMPOR_TIDAK_DITEMUKAN: { kind: 'not-found', message: 'Impor {ref} tidak ditemukan' },
  BERKAS_TERLALU_BESAR: { kind: 'too-large', message: 'Berkas lebih besar dari batas {batas}' },
  BERKAS_KOSONG: { kind: 'invalid', message: 'Berkas yang dikirim kosong' },
  UNGGAHAN_TERPUTUS: { kind: 'invalid', message: 'Berkas tidak diterima utuh; ulangi unggahan' },
  BERKAS_BUKAN_TEKS: {
    kind: 'invalid',
    message: 'Berkas yang dikirim sebagai CSV bukan teks (berisi data biner); simpan lembar kerja sebagai CSV lalu unggah kembali',
  },
  BERKAS_XLSX_RUSAK: {
    kind: 'invalid',
    message: 'Berkas bukan XLSX yang utuh (arsip rusak, terpotong atau bukan lembar kerja); simpan ulang dari aplikasi lembar kerja lalu unggah kembali',
  },
  BERKAS_CSV_RUSAK: { kind: 'invalid', message: 'Berkas CSV tidak dapat dibaca mulai baris {line}: {problem}' },
  BERKAS_TANPA_DATA: { kind: 'invalid', message: 'Berkas tidak memiliki {what}' },
  KOLOM_GANDA: { kind: 'invalid', message: 'Kolom {label} muncul lebih dari sekali' },
  KOLOM_WAJIB_TIDAK_ADA: { kind: 'invalid', message: 'Kolom {label} wajib ada di baris judul' },
  WAJIB_DIISI: { kind: 'invalid', message: '{label} wajib diisi' },
  NIP_TERSIMPAN_SEBAGAI_ANGKA: {
    kind: 'invalid',
    message: 'NIP tersimpan sebagai angka sehingga digit terakhirnya hilang; format kolom NIP sebagai teks lalu isi ulang',
  },
  JENIS_ASN_TIDAK_DIKENAL: { kind: 'invalid', message: 'Jenis ASN "{value}" tidak dikenal (PNS, CPNS, PPPK, PPPK paruh waktu)' },
  TANGGAL_TIDAK_VALID: { kind: 'invalid', message: '{label} "{value}" tidak dikenali (YYYY-MM-DD atau DD-MM-YYYY)' },
  JENIS_KELAMIN_TIDAK_DIKENAL: { kind: 'invalid', message: 'Jenis kelamin "{value}" tidak dikenal (L atau P)' },
  EMAIL_TIDAK_VALID: { kind: 'invalid', message: 'E-mail "{value}" tidak valid' },
  STATUS_TIDAK_DIDUKUNG_IMPOR: {
    kind: 'invalid',
    message: 'Status pada impor hanya AKTIF atau CUTI; pensiun dan berhenti dicatat lewat perubahan status',
  },
  NAMA_TERLALU_PANJANG: { kind: 'invalid', message: 'Nama paling banyak 200 karakter' },
  NIP_GANDA_DALAM_BERKAS: { kind: 'invalid', message: 'NIP {nip} sudah ada di baris {first}' },
  IMPOR_DI_LUAR_OPD: { kind: 'forbidden', message: '{what} bukan di OPD {opd}' },
  JABATAN_BERUBAH_SELAMA_IMPOR: {
    kind: 'conflict',
    message: 'Jabatan {codes} terisi oleh perubahan lain selama impor; tidak ada data yang disimpan, ulangi impor',
  },
  DATA_BERUBAH_SELAMA_IMPOR: {
    kind: 'conflict',
    message: 'Data pegawai dalam berkas diubah oleh perubahan lain selama impor; tidak ada data yang disimpan, ulangi impor',
  },
  NIP_BERUBAH_SELAMA_IMPOR: {
    kind: 'conflict',
    message: 'NIP yang sama didaftarkan oleh perubahan lain selama impor; tidak ada data yang disimpan, ulangi impor',
  },
});

/**
 * What a job that failed on our side (database down, a bug) tells the user, instead of the
 * technical cause, which goes to the log. Not a violation: nothing is wrong with the file.
 */
export const IMPORT_FAILED_TEXT = 'Impor gagal karena gangguan pada sistem; tidak ada data yang disimpan. Ulangi impor; jika terulang, hubungi admin BKPSDM';

/**
 * What a job tells the user when the service stopped (a restart, a crash) before the job ended.
 * The import saves in one transaction, so an interrupted job saved nothing.
 */
export const IMPORT_INTERRUPTED_TEXT =
  'Impor terhenti karena layanan dimulai ulang sebelum impor selesai; tidak ada data yang disimpan. Unggah berkasnya lagi untuk mengulang impor';
