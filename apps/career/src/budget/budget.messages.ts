import { defineMessages } from '@capaian/kinerja';

/** Every message of the budget ledger. */
export const BudgetMessages = defineMessages('career/budget', {
  ANGGARAN_TIDAK_DITEMUKAN: { kind: 'not-found', message: 'Anggaran tidak ditemukan' },
  ANGGARAN_BELUM_DIALOKASIKAN: { kind: 'rule', message: 'Belum ada anggaran {owner} untuk tahun anggaran {year}' },
  ANGGARAN_TIDAK_MENCUKUPI: { kind: 'rule', message: 'Sisa anggaran {owner} tahun {year} ({balance}) tidak mencukupi biaya {amount}' },
  PENGURANGAN_MELEBIHI_SISA: { kind: 'rule', message: 'Pengurangan {amount} melebihi sisa anggaran yang belum terpakai ({balance})' },
  JUMLAH_NOL: { kind: 'invalid', message: 'Jumlah perubahan alokasi tidak boleh nol' },
  AKSES_ANGGARAN_DITOLAK: { kind: 'forbidden', message: 'Anda hanya dapat mengelola anggaran OPD Anda sendiri' },
});
