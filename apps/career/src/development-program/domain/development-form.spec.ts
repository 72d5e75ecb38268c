import { JENIS_JABATAN, isJenisJabatan } from '@capaian/kinerja';
import { BENTUK_2026_11 } from '../../migrations/1764500000000-create-program-pengembangan';
import { DEFAULT_LEADERSHIP_TRAINING, DEVELOPMENT_FORM_INFO, DEVELOPMENT_FORMS, leadershipTrainingFor } from './development-form';
import { DEFAULT_JP_CONVERSION } from './jp-conversion';

describe('development forms', () => {
  it('every form is allowed by the database, has a label and a JP rule', () => {
    // A new form needs a migration widening the CHECK constraint; this fails until one exists.
    expect([...DEVELOPMENT_FORMS].sort()).toEqual([...BENTUK_2026_11].sort());
    for (const f of DEVELOPMENT_FORMS) {
      expect(DEVELOPMENT_FORM_INFO[f].label.length).toBeGreaterThan(0);
      expect(DEFAULT_JP_CONVERSION[f]).toBeDefined();
    }
  });

  it('includes the leadership trainings and the non-classical forms', () => {
    expect(DEVELOPMENT_FORMS).toEqual(expect.arrayContaining(['pka', 'pkp', 'pkn_ii', 'e_learning', 'coaching', 'mentoring', 'seminar', 'workshop']));
    expect(DEVELOPMENT_FORM_INFO.coaching.group).toBe('nonklasikal');
    expect(DEVELOPMENT_FORM_INFO.pka.group).toBe('klasikal');
  });
});

describe('leadershipTrainingFor', () => {
  it('maps the kind of position to the leadership training', () => {
    expect(leadershipTrainingFor('ADMINISTRATOR')).toBe('pka');
    expect(leadershipTrainingFor('PENGAWAS')).toBe('pkp');
    expect(leadershipTrainingFor('JPT_PRATAMA')).toBe('pkn_ii');
    expect(leadershipTrainingFor('JPT_MADYA')).toBe('pkn_i');
    expect(leadershipTrainingFor('PELAKSANA')).toBeNull();
  });

  it('uses the position-kind codes personnel publishes, so no real employee is missed', () => {
    for (const kind of Object.keys(DEFAULT_LEADERSHIP_TRAINING)) expect(isJenisJabatan(kind)).toBe(true);
    // Every code personnel can send is a valid input (fungsional positions have no leadership training).
    for (const kind of JENIS_JABATAN) expect(() => leadershipTrainingFor(kind)).not.toThrow();
    expect(leadershipTrainingFor('FUNGSIONAL_KEAHLIAN')).toBeNull();
  });

  it('follows a configured mapping', () => {
    expect(leadershipTrainingFor('JPT_UTAMA', { ...DEFAULT_LEADERSHIP_TRAINING, JPT_UTAMA: 'pkn_i' })).toBe('pkn_i');
  });
});
