import { checkEffectiveDate } from './effective-date.rules';

describe('effective date of a change', () => {
  const today = '2026-06-15';
  it('accepts today and the past, back to the last recorded change', () => {
    expect(checkEffectiveDate(today, { today })).toBeNull();
    expect(checkEffectiveDate('2026-01-01', { today, lastChange: '2026-01-01' })).toBeNull();
  });

  it('refuses the future and a date before the last change, on the given field', () => {
    expect(checkEffectiveDate('2026-06-16', { today }, 'tmtJabatan')).toMatchObject({ kind: 'rule', code: 'TANGGAL_BERLAKU_DI_MASA_DEPAN', field: 'tmtJabatan' });
    expect(checkEffectiveDate('2025-12-31', { today, lastChange: '2026-01-01' })).toMatchObject({
      kind: 'rule',
      code: 'TANGGAL_BERLAKU_SEBELUM_PERUBAHAN_TERAKHIR',
      field: 'effectiveDate',
      message: 'Perubahan terakhir berlaku sejak 2026-01-01; tanggal berlaku tidak boleh lebih awal',
    });
  });
});
