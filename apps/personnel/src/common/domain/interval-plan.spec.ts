import { planIntervals } from './interval-plan';

describe('planning the intervals of several changes of one aggregate', () => {
  const open = { id: '7', validFrom: '2026-01-01' };

  it('amends the open interval for changes on its start, in order', () => {
    expect(
      planIntervals(open, [
        { date: '2026-01-01', change: 'MUTASI' },
        { date: '2026-01-01', change: 'KENAIKAN_PANGKAT' },
      ]),
    ).toEqual({ amend: { id: '7', changes: ['MUTASI', 'KENAIKAN_PANGKAT'] }, close: null, inserts: [] });
  });

  it('closes the open interval and opens one for a later date, merging changes on that date', () => {
    expect(
      planIntervals(open, [
        { date: '2026-06-01', change: 'KENAIKAN_PANGKAT' },
        { date: '2026-06-01', change: 'PENGANGKATAN_PNS' },
        { date: '2026-06-01', change: 'CUTI' },
      ]),
    ).toEqual({ amend: null, close: { id: '7', validTo: '2026-06-01' }, inserts: [{ validFrom: '2026-06-01', validTo: null, changes: ['KENAIKAN_PANGKAT', 'PENGANGKATAN_PNS', 'CUTI'] }] });
  });

  it('makes consecutive intervals for several dates, the first possibly amending the open one', () => {
    expect(
      planIntervals(open, [
        { date: '2026-01-01', change: 'MUTASI' },
        { date: '2026-03-01', change: 'KENAIKAN_PANGKAT' },
        { date: '2026-06-01', change: 'CUTI' },
      ]),
    ).toEqual({
      amend: { id: '7', changes: ['MUTASI'] },
      close: { id: '7', validTo: '2026-03-01' },
      inserts: [
        { validFrom: '2026-03-01', validTo: '2026-06-01', changes: ['KENAIKAN_PANGKAT'] },
        { validFrom: '2026-06-01', validTo: null, changes: ['CUTI'] },
      ],
    });
  });

  it('opens the first interval when there is no open one', () => {
    expect(
      planIntervals(null, [
        { date: '2025-05-01', change: 'MUTASI' },
        { date: '2026-06-01', change: 'KENAIKAN_PANGKAT' },
      ]),
    ).toEqual({
      amend: null,
      close: null,
      inserts: [
        { validFrom: '2025-05-01', validTo: '2026-06-01', changes: ['MUTASI'] },
        { validFrom: '2026-06-01', validTo: null, changes: ['KENAIKAN_PANGKAT'] },
      ],
    });
  });

  it('refuses a date before the open interval with the violation recordInterval raises', () => {
    expect(planIntervals(open, [{ date: '2025-12-31', change: 'MUTASI' }, { date: '2026-06-01', change: 'KENAIKAN_PANGKAT' }])).toEqual({
      violation: expect.objectContaining({ code: 'TANGGAL_BERLAKU_SEBELUM_PERUBAHAN_TERAKHIR', field: 'effectiveDate' }),
    });
  });

  it('plans nothing without steps', () => {
    expect(planIntervals(open, [])).toEqual({ amend: null, close: null, inserts: [] });
  });
});
