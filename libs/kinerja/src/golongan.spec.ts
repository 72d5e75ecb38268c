import { golonganRank, normalizeGolongan, pangkatOf, validateGolongan } from './golongan';

describe('golongan and pangkat', () => {
  it.each([
    ['I/a', 'Juru Muda'],
    ['II/d', 'Pengatur Tingkat I'],
    ['III/a', 'Penata Muda'],
    ['III/d', 'Penata Tingkat I'],
    ['IV/c', 'Pembina Utama Muda'],
    ['IV/e', 'Pembina Utama'],
    ['IX', null],
  ])('pangkat of %s is %s', (g, p) => expect(pangkatOf(g)).toBe(p));

  it.each([
    ['III/a', undefined, 'III/a'],
    ['iii/A', undefined, 'III/a'],
    ['III a', undefined, 'III/a'],
    ['IIIa', undefined, 'III/a'],
    ['3/a', undefined, 'III/a'],
    ['4e', undefined, 'IV/e'],
    [' IX ', 'PPPK', 'IX'],
    ['ix', 'PPPK', 'IX'],
    ['9', 'PPPK', 'IX'],
    ['17', 'PPPK', 'XVII'],
    ['V/a', undefined, 'V/a'], // not a golongan: returned as typed so validation reports it
  ] as const)('normalises %s (%s) to %s', (raw, jenis, expected) => expect(normalizeGolongan(raw, jenis)).toBe(expected));

  it.each([
    ['PNS', 'III/a', undefined, []],
    ['PNS', 'III/a', 'Penata Muda', []],
    ['PNS', 'IV/b', 'Pembina Tk. I', []],
    ['CPNS', 'II/a', undefined, []],
    ['PPPK', 'IX', undefined, []],
    ['PPPK_PARUH_WAKTU', null, undefined, []],
    ['PPPK_PARUH_WAKTU', 'V', undefined, []],
    ['PNS', null, undefined, ['GOLONGAN_WAJIB']],
    ['PPPK', '', undefined, ['GOLONGAN_WAJIB']],
    ['PNS', 'IX', undefined, ['GOLONGAN_TIDAK_SESUAI_JENIS_ASN']],
    ['CPNS', 'XVII', undefined, ['GOLONGAN_TIDAK_SESUAI_JENIS_ASN']],
    ['PPPK', 'III/a', undefined, ['GOLONGAN_TIDAK_SESUAI_JENIS_ASN']],
    ['PNS', 'III/f', undefined, ['GOLONGAN_TIDAK_DIKENAL']],
    ['PPPK', 'XVIII', undefined, ['GOLONGAN_TIDAK_DIKENAL']],
    ['PNS', 'III/a', 'Penata', ['PANGKAT_TIDAK_SESUAI_GOLONGAN']],
    ['PPPK', 'IX', 'Penata', ['PANGKAT_TIDAK_BERLAKU_PPPK']],
  ] as const)('%s golongan %s pangkat %s → %j', (jenis, g, p, codes) => {
    expect(validateGolongan(jenis, g, p).map((e) => e.code)).toEqual(codes);
  });

  it('orders golongan within a scale', () => {
    expect(golonganRank('III/b')).toBeGreaterThan(golonganRank('III/a'));
    expect(golonganRank('IV/a')).toBeGreaterThan(golonganRank('III/d'));
    expect(golonganRank('X')).toBeGreaterThan(golonganRank('IX'));
    expect(golonganRank('nope')).toBe(-1);
  });
});
