import { capaian, classify, classifyRhk, MAX_CAPAIAN, ratingPerilaku, suggestedRating, type RhkClass } from './achievement';

describe('capaian', () => {
  it.each([
    ['KUANTITAS', 'NAIK', 120, 132, 110],
    ['KUANTITAS', 'NAIK', 120, 60, 50],
    ['KUALITAS', 'NAIK', 80, 88, 110],
    ['KUALITAS', 'NAIK', 100, 100, 100],
    ['WAKTU', 'TURUN', 10, 8, 125],
    ['WAKTU', 'TURUN', 10, 20, 50],
    ['BIAYA', 'TURUN', 1000, 1250, 80],
    ['BIAYA', 'TURUN', 1000, 500, 200],
    ['WAKTU', 'NAIK', 40, 44, 110],
  ] as const)('%s %s target %d realisasi %d → %d %%', (aspek, direction, target, realisasi, expected) => {
    expect(capaian(aspek, direction, target, realisasi)).toBe(expected);
  });

  it('caps a runaway result and never goes below zero', () => {
    expect(capaian('KUANTITAS', 'NAIK', 1, 50)).toBe(MAX_CAPAIAN);
    expect(capaian('BIAYA', 'TURUN', 100, -5)).toBe(MAX_CAPAIAN);
    expect(capaian('KUANTITAS', 'NAIK', 10, 0)).toBe(0);
  });

  it('handles a target of zero in both directions', () => {
    expect(capaian('KUANTITAS', 'NAIK', 0, 0)).toBe(100);
    expect(capaian('KUANTITAS', 'NAIK', 0, 3)).toBe(MAX_CAPAIAN);
    expect(capaian('WAKTU', 'TURUN', 0, 0)).toBe(100);
    expect(capaian('WAKTU', 'TURUN', 0, 2)).toBe(0);
  });

  it('is null without a numeric target or realization', () => {
    expect(capaian('KUALITAS', 'NAIK', null, 10)).toBeNull();
    expect(capaian('KUALITAS', 'NAIK', 10, null)).toBeNull();
    expect(capaian('KUALITAS', 'NAIK', Number.NaN, 10)).toBeNull();
  });
});

describe('classify at its limits', () => {
  it.each([
    [110, 'DI_ATAS'],
    [109.99, 'SESUAI'],
    [90, 'SESUAI'],
    [89.99, 'DI_BAWAH'],
    [0, 'DI_BAWAH'],
    [200, 'DI_ATAS'],
  ] as const)('%d %% → %s', (percent, rating) => expect(classify(percent)).toBe(rating));

  it('averages the indicators of an RHK', () => {
    expect(classifyRhk({ rhkId: 'r', kind: 'UTAMA', capaian: [100, 120] })).toEqual({ rhkId: 'r', kind: 'UTAMA', capaian: 110, rating: 'DI_ATAS' });
    expect(classifyRhk({ rhkId: 'r', kind: 'UTAMA', capaian: [] }).rating).toBeNull();
  });
});

describe('suggested rating hasil kerja at its limits', () => {
  const c = (kind: 'UTAMA' | 'TAMBAHAN', rating: RhkClass['rating']): RhkClass => ({ rhkId: Math.random().toString(), kind, capaian: null, rating });

  it('is di atas when more than half are above and no utama is below', () => {
    expect(suggestedRating([c('UTAMA', 'DI_ATAS'), c('UTAMA', 'DI_ATAS'), c('UTAMA', 'SESUAI')])).toBe('DI_ATAS');
    expect(suggestedRating([c('UTAMA', 'DI_ATAS'), c('UTAMA', 'SESUAI')])).toBe('SESUAI'); // exactly half is not "most"
    expect(suggestedRating([c('UTAMA', 'DI_ATAS'), c('UTAMA', 'DI_ATAS'), c('UTAMA', 'DI_BAWAH')])).toBe('SESUAI'); // an utama below
    expect(suggestedRating([c('UTAMA', 'DI_ATAS'), c('UTAMA', 'DI_ATAS'), c('TAMBAHAN', 'DI_BAWAH')])).toBe('DI_ATAS'); // a tambahan below is tolerated
  });

  it('is di bawah when more than half are below', () => {
    expect(suggestedRating([c('UTAMA', 'DI_BAWAH'), c('UTAMA', 'DI_BAWAH'), c('UTAMA', 'DI_ATAS')])).toBe('DI_BAWAH');
    expect(suggestedRating([c('UTAMA', 'DI_BAWAH'), c('UTAMA', 'DI_ATAS')])).toBe('SESUAI');
  });

  it('ignores unclassified RHK and is null when none is classified', () => {
    expect(suggestedRating([c('UTAMA', null), c('UTAMA', 'DI_ATAS')])).toBe('DI_ATAS');
    expect(suggestedRating([c('UTAMA', null)])).toBeNull();
    expect(suggestedRating([])).toBeNull();
  });
});

describe('rating perilaku from the seven values', () => {
  const seven = (above: number, below: number) => [...Array(above).fill('DI_ATAS'), ...Array(below).fill('DI_BAWAH'), ...Array(7 - above - below).fill('SESUAI')];
  it.each([
    [4, 0, 'DI_ATAS'],
    [3, 0, 'SESUAI'],
    [4, 1, 'SESUAI'],
    [0, 4, 'DI_BAWAH'],
    [0, 3, 'SESUAI'],
    [0, 0, 'SESUAI'],
  ] as const)('%d above, %d below → %s', (a, b, r) => expect(ratingPerilaku(seven(a, b))).toBe(r));
});
