import { pelatihanKepemimpinanUntuk } from './bentuk-pengembangan';
import { hitungJpDiakui, konversiJpBawaan, KonversiJpError, rekapJpTahunan, type KonfigurasiKonversiJp } from './konversi-jp';

describe('hitungJpDiakui (domain.md §4.5, default configuration)', () => {
  it('classical training counts the certificate JP, +20% when international, rounded down', () => {
    expect(hitungJpDiakui({ bentuk: 'pelatihan_klasikal', lingkup: 'nasional', jpSertifikat: 40 })).toBe(40);
    expect(hitungJpDiakui({ bentuk: 'pelatihan_klasikal', lingkup: 'internasional', jpSertifikat: 40 })).toBe(48);
    expect(hitungJpDiakui({ bentuk: 'pelatihan_klasikal', lingkup: 'internasional', jpSertifikat: 17 })).toBe(20);
  });

  it('seminars count 4 JP per day nationally and 6 internationally', () => {
    expect(hitungJpDiakui({ bentuk: 'seminar', lingkup: 'nasional', jumlahHari: 2 })).toBe(8);
    expect(hitungJpDiakui({ bentuk: 'seminar', lingkup: 'internasional', jumlahHari: 2 })).toBe(12);
  });

  it('workshops count 5 / 7 JP per day', () => {
    expect(hitungJpDiakui({ bentuk: 'workshop', lingkup: 'nasional', jumlahHari: 3 })).toBe(15);
    expect(hitungJpDiakui({ bentuk: 'workshop', lingkup: 'internasional', jumlahHari: 1 })).toBe(7);
  });

  it('non-classical formats take the JP of the verified evidence, with no international bonus', () => {
    expect(hitungJpDiakui({ bentuk: 'coaching', lingkup: 'internasional', jpSertifikat: 10 })).toBe(10);
  });

  it('refuses to guess a missing input', () => {
    expect(() => hitungJpDiakui({ bentuk: 'seminar', lingkup: 'nasional' })).toThrow(KonversiJpError);
    expect(() => hitungJpDiakui({ bentuk: 'pka', lingkup: 'nasional', jpSertifikat: 1.5 })).toThrow(/JP pada sertifikat/);
  });

  it('follows a different configuration without code changes', () => {
    const perwali: KonfigurasiKonversiJp = { ...konversiJpBawaan, seminar: { cara: 'per_hari', jpPerHari: { nasional: 3, internasional: 5 } } };
    expect(hitungJpDiakui({ bentuk: 'seminar', lingkup: 'nasional', jumlahHari: 2 }, perwali)).toBe(6);
    const tanpaSeminar = { ...konversiJpBawaan } as Partial<KonfigurasiKonversiJp>;
    delete tanpaSeminar.seminar;
    expect(() => hitungJpDiakui({ bentuk: 'seminar', lingkup: 'nasional', jumlahHari: 1 }, tanpaSeminar as KonfigurasiKonversiJp)).toThrow(
      expect.objectContaining({ code: 'BENTUK_TANPA_ATURAN_JP' }),
    );
  });
});

describe('rekapJpTahunan', () => {
  const entri = [
    { tanggalSelesai: '2026-03-10', jp: 12, sertifikatTerverifikasi: true },
    { tanggalSelesai: '2026-11-30', jp: 8, sertifikatTerverifikasi: true },
    { tanggalSelesai: '2026-12-01', jp: 30, sertifikatTerverifikasi: false },
    { tanggalSelesai: '2025-12-31', jp: 40, sertifikatTerverifikasi: true },
  ];

  it('counts verified JP in the year the activity ends; 20 JP is compliant', () => {
    expect(rekapJpTahunan(entri, 2026)).toEqual({ tahun: 2026, totalJp: 20, memenuhi: true, kekuranganJp: 0 });
  });

  it('reports the shortfall', () => {
    expect(rekapJpTahunan(entri.slice(0, 1), 2026)).toEqual({ tahun: 2026, totalJp: 12, memenuhi: false, kekuranganJp: 8 });
  });

  it('applies a configured ceiling', () => {
    expect(rekapJpTahunan(entri, 2025, { minimumJp: 20, maksimumDiakuiJp: 24 }).totalJp).toBe(24);
  });
});

describe('pelatihanKepemimpinanUntuk', () => {
  it('maps jabatan to the leadership training', () => {
    expect(pelatihanKepemimpinanUntuk('ADMINISTRATOR')).toBe('pka');
    expect(pelatihanKepemimpinanUntuk('PENGAWAS')).toBe('pkp');
    expect(pelatihanKepemimpinanUntuk('JPT_PRATAMA')).toBe('pkn_ii');
    expect(pelatihanKepemimpinanUntuk('JPT_MADYA')).toBe('pkn_i');
    expect(pelatihanKepemimpinanUntuk('PELAKSANA')).toBeNull();
  });
});
