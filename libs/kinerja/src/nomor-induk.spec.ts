import { normalizeNomorInduk, validateNiPppk, validateNip, validateNomorInduk } from './nomor-induk';

const today = { referenceDate: '2026-11-28' };

describe('NIP (PNS)', () => {
  it.each([
    ['197906012005011002', { tanggalLahir: '1979-06-01', tmtCpns: '2005-01', jenisKelamin: 'L', nomorUrut: '002' }],
    ['197512251998031001', { tanggalLahir: '1975-12-25', tmtCpns: '1998-03', jenisKelamin: 'L', nomorUrut: '001' }],
    ['198507222010012003', { tanggalLahir: '1985-07-22', tmtCpns: '2010-01', jenisKelamin: 'P', nomorUrut: '003' }],
    ['198811102012121001', { tanggalLahir: '1988-11-10', tmtCpns: '2012-12', jenisKelamin: 'L', nomorUrut: '001' }],
    ['199203152019031004', { tanggalLahir: '1992-03-15', tmtCpns: '2019-03', jenisKelamin: 'L', nomorUrut: '004' }],
    // 29 February in a leap year; the 2000 rule (divisible by 400).
    ['200002292019032999', { tanggalLahir: '2000-02-29', tmtCpns: '2019-03', jenisKelamin: 'P', nomorUrut: '999' }],
    // Exactly 18 in the month of the TMT.
    ['198001151998012001', { tanggalLahir: '1980-01-15', tmtCpns: '1998-01', jenisKelamin: 'P', nomorUrut: '001' }],
    // A NIP issued for a TMT a few months ahead is fine.
    ['200101012027011001', { tanggalLahir: '2001-01-01', tmtCpns: '2027-01', jenisKelamin: 'L', nomorUrut: '001' }],
  ])('accepts %s', (nip, parts) => {
    const result = validateNip(nip, today);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.parts).toMatchObject({ jenis: 'NIP', ...parts });
  });

  it.each([
    ['', 'NIP_FORMAT_TIDAK_VALID'],
    ['19790601200501100', 'NIP_FORMAT_TIDAK_VALID'], // 17 digits
    ['1979060120050110021', 'NIP_FORMAT_TIDAK_VALID'], // 19 digits
    ['19790601200501100A', 'NIP_FORMAT_TIDAK_VALID'],
    ['19790601 200501 1 002', 'NIP_FORMAT_TIDAK_VALID'], // spaces are normalised by callers, not accepted here
    ['197913012005011002', 'NIP_TANGGAL_LAHIR_TIDAK_VALID'], // month 13
    ['197902302005011002', 'NIP_TANGGAL_LAHIR_TIDAK_VALID'], // 30 February
    ['190002292005011002', 'NIP_TANGGAL_LAHIR_TIDAK_VALID'], // 1900 is not a leap year
    ['197906002005011002', 'NIP_TANGGAL_LAHIR_TIDAK_VALID'], // day 00
    ['197946012005011002', 'NIP_TANGGAL_LAHIR_TIDAK_VALID'], // NIK-style +40 day for women is not a NIP rule
    ['203001012049011002', 'NIP_TANGGAL_LAHIR_TIDAK_VALID'], // born in the future
    ['197906012005131002', 'NIP_TMT_TIDAK_VALID'], // TMT month 13
    ['197906012005001002', 'NIP_TMT_TIDAK_VALID'], // TMT month 00
    ['197906011990011002', 'NIP_TMT_SEBELUM_USIA_MINIMUM'], // appointed at 10
    ['198001151997111001', 'NIP_TMT_SEBELUM_USIA_MINIMUM'], // 17 years 10 months
    ['197906012030011002', 'NIP_TMT_DI_MASA_DEPAN'],
    ['197906012005013002', 'NIP_JENIS_KELAMIN_TIDAK_VALID'],
    ['197906012005010002', 'NIP_JENIS_KELAMIN_TIDAK_VALID'],
    ['197906012005011000', 'NIP_NOMOR_URUT_TIDAK_VALID'],
  ])('refuses %s with %s', (nip, code) => {
    const result = validateNip(nip, today);
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => e.code)).toContain(code);
    for (const e of result.errors) expect(e.message).toMatch(/\S/);
  });

  it('reports every problem of one number, not just the first', () => {
    const result = validateNip('197913012005133000', today);
    expect(result.errors.map((e) => e.code).sort()).toEqual(
      ['NIP_JENIS_KELAMIN_TIDAK_VALID', 'NIP_NOMOR_URUT_TIDAK_VALID', 'NIP_TANGGAL_LAHIR_TIDAK_VALID', 'NIP_TMT_TIDAK_VALID'].sort(),
    );
  });

  it.each([
    [{ jenisKelamin: 'P' as const }, 'NIP_JENIS_KELAMIN_TIDAK_SESUAI'],
    [{ tanggalLahir: '1979-06-02' }, 'NIP_TANGGAL_LAHIR_TIDAK_SESUAI'],
  ])('checks the number against the recorded %o', (fields, code) => {
    const result = validateNip('197906012005011002', { ...today, ...fields });
    expect(result.errors.map((e) => e.code)).toEqual([code]);
  });

  it('accepts consistent recorded fields', () => {
    expect(validateNip('198507222010012003', { ...today, jenisKelamin: 'P', tanggalLahir: '1985-07-22' }).valid).toBe(true);
  });

  it('has a configurable minimum age', () => {
    // Born March 1992, TMT March 2010: 18 in the month of the TMT.
    expect(validateNip('199203152010031004', today).valid).toBe(true);
    expect(validateNip('199203152010031004', { ...today, minimumAge: 18 }).valid).toBe(true);
    expect(validateNip('199203152010031004', { ...today, minimumAge: 19 }).errors.map((e) => e.code)).toEqual(['NIP_TMT_SEBELUM_USIA_MINIMUM']);
  });
});

describe('NI PPPK', () => {
  it.each([
    ['199505052023212005', { tanggalLahir: '1995-05-05', tahunPengangkatan: 2023, kodePppk: '21', jenisKelamin: 'P', nomorUrut: '005' }],
    ['198012312021211001', { tanggalLahir: '1980-12-31', tahunPengangkatan: 2021, kodePppk: '21', jenisKelamin: 'L', nomorUrut: '001' }],
    // Codes other than 21 exist and are not hard-coded.
    ['199001012024221123', { tanggalLahir: '1990-01-01', tahunPengangkatan: 2024, kodePppk: '22', jenisKelamin: 'L', nomorUrut: '123' }],
    ['199001012025312123', { tanggalLahir: '1990-01-01', tahunPengangkatan: 2025, kodePppk: '31', jenisKelamin: 'P', nomorUrut: '123' }],
  ])('accepts %s', (ni, parts) => {
    const result = validateNiPppk(ni, today);
    expect(result.errors).toEqual([]);
    expect(result.parts).toMatchObject({ jenis: 'NI_PPPK', ...parts });
  });

  it.each([
    ['19950505202321200', 'NI_PPPK_FORMAT_TIDAK_VALID'],
    ['199502302023212005', 'NI_PPPK_TANGGAL_LAHIR_TIDAK_VALID'],
    ['199505052015212005', 'NI_PPPK_TAHUN_TIDAK_VALID'], // before the first PPPK intake
    ['199505052031212005', 'NI_PPPK_TAHUN_TIDAK_VALID'], // far future
    ['200901012023212005', 'NI_PPPK_TAHUN_SEBELUM_USIA_MINIMUM'],
    ['199505052023002005', 'NI_PPPK_KODE_TIDAK_VALID'],
    ['199505052023213005', 'NI_PPPK_JENIS_KELAMIN_TIDAK_VALID'],
    ['199505052023212000', 'NI_PPPK_NOMOR_URUT_TIDAK_VALID'],
  ])('refuses %s with %s', (ni, code) => {
    const result = validateNiPppk(ni, today);
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => e.code)).toContain(code);
  });

  it('takes the accepted codes from configuration', () => {
    expect(validateNiPppk('199505052023212005', { ...today, kodePppkDiizinkan: ['21'] }).valid).toBe(true);
    expect(validateNiPppk('199505052023222005', { ...today, kodePppkDiizinkan: ['21'] }).errors.map((e) => e.code)).toEqual(['NI_PPPK_KODE_TIDAK_VALID']);
  });

  it('checks sex against the recorded sex', () => {
    expect(validateNiPppk('199505052023212005', { ...today, jenisKelamin: 'L' }).errors.map((e) => e.code)).toEqual(['NI_PPPK_JENIS_KELAMIN_TIDAK_SESUAI']);
  });
});

describe('validateNomorInduk', () => {
  it.each([
    ['PNS', '197906012005011002', true],
    ['CPNS', '200101012027011001', true],
    ['PPPK', '199505052023212005', true],
    ['PPPK_PARUH_WAKTU', '199505052025212005', true],
    // A PPPK number read as a NIP has TMT month 21; a NIP read as NI PPPK has code 01 and year 2005.
    ['PNS', '199505052023212005', false],
    ['PPPK', '197906012005011002', false],
  ] as const)('%s %s valid=%s', (jenis, value, valid) => {
    expect(validateNomorInduk(value, jenis, today).valid).toBe(valid);
  });

  it('normalises the separators people type', () => {
    expect(normalizeNomorInduk(' 19790601 200501 1 002 ')).toBe('197906012005011002');
    expect(normalizeNomorInduk('19790601.200501.1.002')).toBe('197906012005011002');
    expect(normalizeNomorInduk('19790601-200501-1-002')).toBe('197906012005011002');
  });
});
