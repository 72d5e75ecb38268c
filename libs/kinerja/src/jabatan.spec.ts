import { dapatMenjadiPejabatPenilai, isStruktural, validateJabatanForJenisAsn, validateJenjang } from './jabatan';

describe('jenis jabatan', () => {
  it.each([
    ['JPT_UTAMA', true],
    ['JPT_PRATAMA', true],
    ['ADMINISTRATOR', true],
    ['PENGAWAS', true],
    ['PELAKSANA', false],
    ['FUNGSIONAL_KEAHLIAN', false],
    ['FUNGSIONAL_KETERAMPILAN', false],
  ] as const)('%s may be pejabat penilai: %s', (jenis, expected) => {
    expect(dapatMenjadiPejabatPenilai(jenis)).toBe(expected);
    expect(isStruktural(jenis)).toBe(expected);
  });

  it.each([
    ['FUNGSIONAL_KEAHLIAN', 'AHLI_MUDA', []],
    ['FUNGSIONAL_KETERAMPILAN', 'PENYELIA', []],
    ['PELAKSANA', null, []],
    ['FUNGSIONAL_KEAHLIAN', null, ['JENJANG_WAJIB']],
    ['FUNGSIONAL_KEAHLIAN', 'MAHIR', ['JENJANG_TIDAK_SESUAI']],
    ['FUNGSIONAL_KETERAMPILAN', 'AHLI_UTAMA', ['JENJANG_TIDAK_SESUAI']],
    ['ADMINISTRATOR', 'AHLI_MUDA', ['JENJANG_TIDAK_BERLAKU']],
  ] as const)('%s with jenjang %s → %j', (jenis, jenjang, codes) => {
    expect(validateJenjang(jenis, jenjang).map((e) => e.code)).toEqual(codes);
  });

  it.each([
    ['PNS', 'ADMINISTRATOR', null],
    ['CPNS', 'FUNGSIONAL_KEAHLIAN', null],
    ['CPNS', 'PENGAWAS', 'JABATAN_TIDAK_UNTUK_CPNS'],
    ['PPPK', 'FUNGSIONAL_KEAHLIAN', null],
    ['PPPK', 'JPT_PRATAMA', null],
    ['PPPK', 'PENGAWAS', 'JABATAN_TIDAK_UNTUK_PPPK'],
    ['PPPK_PARUH_WAKTU', 'PELAKSANA', null],
    ['PPPK_PARUH_WAKTU', 'JPT_PRATAMA', 'JABATAN_TIDAK_UNTUK_PPPK'],
  ] as const)('%s in %s → %s', (asn, jenis, code) => {
    expect(validateJabatanForJenisAsn(asn, jenis)?.code ?? null).toBe(code);
  });
});
