import { isViolationError, parseCompetencyDevelopmentPolicy, ViolationError } from '@capaian/kinerja';
import { DEFAULT_JP_CONVERSION, maxJpForActivity, recognisedJp, yearlyJpSummary, type JpConversion } from './jp-conversion';

describe('recognisedJp (default conversion)', () => {
  it('classical training counts the certificate JP, +20% when international, rounded down', () => {
    expect(recognisedJp({ form: 'pelatihan_klasikal', scope: 'nasional', certificateJp: 40 })).toBe(40);
    expect(recognisedJp({ form: 'pelatihan_klasikal', scope: 'internasional', certificateJp: 40 })).toBe(48);
    expect(recognisedJp({ form: 'pelatihan_klasikal', scope: 'internasional', certificateJp: 17 })).toBe(20);
  });

  it('seminars count 4 JP per day nationally and 6 internationally', () => {
    expect(recognisedJp({ form: 'seminar', scope: 'nasional', days: 2 })).toBe(8);
    expect(recognisedJp({ form: 'seminar', scope: 'internasional', days: 2 })).toBe(12);
  });

  it('workshops count 5 / 7 JP per day', () => {
    expect(recognisedJp({ form: 'workshop', scope: 'nasional', days: 3 })).toBe(15);
    expect(recognisedJp({ form: 'workshop', scope: 'internasional', days: 1 })).toBe(7);
    expect(maxJpForActivity('workshop', 'nasional', 3)).toBe(15);
    expect(maxJpForActivity('pka', 'nasional', 3)).toBeNull();
  });

  it('non-classical forms take the JP of the verified evidence, with no international bonus', () => {
    expect(recognisedJp({ form: 'coaching', scope: 'internasional', certificateJp: 10 })).toBe(10);
  });

  it('refuses to guess a missing input, with a violation in Bahasa Indonesia', () => {
    expect(() => recognisedJp({ form: 'seminar', scope: 'nasional' })).toThrow(ViolationError);
    try {
      recognisedJp({ form: 'pka', scope: 'nasional', certificateJp: 1.5 });
    } catch (error) {
      expect(isViolationError(error) && error.violations[0]).toMatchObject({ kind: 'invalid', code: 'JP_SERTIFIKAT_WAJIB', field: 'certificateJp' });
    }
  });

  it('follows a different configuration without code changes', () => {
    const perwali: JpConversion = { ...DEFAULT_JP_CONVERSION, seminar: { method: 'per-day', jpPerDay: { nasional: 3, internasional: 5 } } };
    expect(recognisedJp({ form: 'seminar', scope: 'nasional', days: 2 }, perwali)).toBe(6);
    const withoutSeminar = Object.fromEntries(Object.entries(DEFAULT_JP_CONVERSION).filter(([form]) => form !== 'seminar'));
    expect(() => recognisedJp({ form: 'seminar', scope: 'nasional', days: 1 }, withoutSeminar as JpConversion)).toThrow(
      expect.objectContaining({ violations: [expect.objectContaining({ code: 'BENTUK_TANPA_ATURAN_JP', message: 'Tidak ada aturan konversi JP untuk bentuk Seminar/Konferensi/Sarasehan' })] }),
    );
  });
});

describe('yearlyJpSummary', () => {
  const entries = [
    { endDate: '2026-03-10', jp: 12, certificateVerified: true },
    { endDate: '2026-11-30', jp: 8, certificateVerified: true },
    { endDate: '2026-12-01', jp: 30, certificateVerified: false },
    { endDate: '2025-12-31', jp: 40, certificateVerified: true },
  ];

  it('counts verified JP in the year the activity ends; 20 JP makes a PNS compliant', () => {
    expect(yearlyJpSummary(entries, 2026, 'PNS')).toMatchObject({ year: 2026, totalJp: 20, meetsMinimum: true, shortfallJp: 0, compliant: true });
  });

  it('reports a PNS shortfall', () => {
    expect(yearlyJpSummary(entries.slice(0, 1), 2026, 'PNS')).toMatchObject({ totalJp: 12, compliant: false, shortfallJp: 8 });
  });

  it('never reports a PPPK below 20 JP as non-compliant: 24 JP is their ceiling', () => {
    expect(yearlyJpSummary(entries.slice(0, 1), 2026, 'PPPK')).toMatchObject({ totalJp: 12, compliant: true, shortfallJp: 0, remainingAllowanceJp: 12 });
    expect(yearlyJpSummary(entries, 2025, 'PPPK_PARUH_WAKTU')).toMatchObject({ totalJp: 40, exceedsMaximum: true, compliant: false });
  });

  it('follows a configured policy', () => {
    const policy = parseCompetencyDevelopmentPolicy('{"PNS": {"minimumJp": 24}}');
    expect(yearlyJpSummary(entries, 2026, 'PNS', policy)).toMatchObject({ totalJp: 20, compliant: false, shortfallJp: 4 });
  });
});
