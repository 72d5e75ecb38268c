import { defaultCadence } from '../../cadence/domain/cadence';
import { completion, type SkpFacts } from './completion';

const people = [
  { nip: 'A', name: 'Ani', unitId: 'u1' },
  { nip: 'B', name: 'Budi', unitId: 'u1' },
  { nip: 'C', name: 'Citra', unitId: 'u2' },
  { nip: 'P', name: 'Penilai', unitId: 'u2' },
];
const year = (over: Partial<SkpFacts>): SkpFacts => ({ nip: 'A', status: 'DITETAPKAN', wasSet: true, start: '2026-01-01', end: '2026-12-31', penilaiNip: 'P', reported: [], awaitingFeedback: 0, rated: false, ...over });

describe('completion of an OPD', () => {
  it('finds who has not planned, not reported and not been rated, and who holds them up', () => {
    const c = completion(
      people,
      [
        year({ nip: 'A', reported: [1, 2], awaitingFeedback: 1 }),
        year({ nip: 'B', status: 'DIAJUKAN', wasSet: false }),
        year({ nip: 'C', reported: [1] }),
      ],
      defaultCadence(2026),
      '2026-03-31',
    );
    expect(c.notPlanned.map((p) => p.nip)).toEqual(['B', 'P']);
    // February's report is due 5 March: C missed it; A reported both months.
    expect(c.notReported).toEqual([{ nip: 'C', name: 'Citra', unitId: 'u2', missingPeriods: [2] }]);
    expect(c.notRated).toEqual([]);
    expect(c.penilai).toEqual([{ nip: 'P', name: 'Penilai', skpToSet: 1, reportsToAnswer: 1, toRate: 0, peopleWaiting: 2 }]);
  });

  it('counts a closed SKP that was set as planned and wants its rating after it ended', () => {
    const moved = [year({ nip: 'A', status: 'DITUTUP', end: '2026-06-30', reported: [1, 2, 3, 4, 5, 6] }), year({ nip: 'A', start: '2026-07-01', penilaiNip: 'Q', reported: [7, 8, 9, 10, 11, 12] })];
    const c = completion([people[0]], moved, defaultCadence(2026), '2027-01-12');
    expect(c.notPlanned).toEqual([]);
    expect(c.notReported).toEqual([]);
    expect(c.notRated.map((p) => p.nip)).toEqual(['A']);
    // Each penilai is asked for the SKP that was theirs.
    expect(c.penilai.map((b) => [b.nip, b.toRate])).toEqual([
      ['P', 1],
      ['Q', 1],
    ]);
  });

  it('does not count a closed SKP that was never set', () => {
    const c = completion([people[0]], [year({ status: 'DITUTUP', wasSet: false })], defaultCadence(2026), '2026-05-01');
    expect(c.notPlanned.map((p) => p.nip)).toEqual(['A']);
  });
});
