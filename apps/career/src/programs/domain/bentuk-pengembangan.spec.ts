import { BENTUK_2026_11 } from '../../migrations/1764500000000-create-program-pengembangan';
import { BENTUK_PENGEMBANGAN, bentukInfo } from './bentuk-pengembangan';
import { konversiJpBawaan } from './konversi-jp';

describe('bentuk pengembangan', () => {
  it('every bentuk is allowed by the database, has a label and a JP rule', () => {
    // A new bentuk needs a migration widening the CHECK constraint; this fails until one exists.
    expect([...BENTUK_PENGEMBANGAN].sort()).toEqual([...BENTUK_2026_11].sort());
    for (const b of BENTUK_PENGEMBANGAN) {
      expect(bentukInfo[b].label.length).toBeGreaterThan(0);
      expect(konversiJpBawaan[b]).toBeDefined();
    }
  });

  it('includes the leadership trainings and the non-classical formats named in the brief', () => {
    expect(BENTUK_PENGEMBANGAN).toEqual(expect.arrayContaining(['pka', 'pkp', 'pkn_ii', 'e_learning', 'coaching', 'mentoring', 'seminar', 'workshop']));
    expect(bentukInfo.coaching.kelompok).toBe('nonklasikal');
    expect(bentukInfo.pka.kelompok).toBe('klasikal');
  });
});
