import { actionClosedAt, endsWhenRead, escalationStep, FINAL_STEP, nextStepAt } from './escalation';

describe('escalation ladder', () => {
  it('reminds the person, then their penilai, then the admin OPD, then stops', () => {
    expect([0, 1, 2, 3].map((s) => escalationStep(s)?.target ?? null)).toEqual(['recipient', 'supervisor', 'opd-admin', null]);
    expect(FINAL_STEP).toBe(3);
  });
  it('spaces the steps by the configured delay and has no step after the last', () => {
    const at = new Date('2026-12-17T03:00:00Z');
    expect(nextStepAt(at, 0, 48 * 3_600_000)?.toISOString()).toBe('2026-12-19T03:00:00.000Z');
    expect(nextStepAt(at, 2, 48 * 3_600_000)).toBeNull();
  });

  it('has a single, non-escalating step for a training session tomorrow, which reading the approval does not cancel', () => {
    expect(escalationStep(0, 'pelatihan-disetujui')).toEqual({ target: 'recipient', template: 'pelatihan-besok' });
    expect(escalationStep(1, 'pelatihan-disetujui')).toBeNull();
    expect(nextStepAt(new Date('2026-12-09T00:00:00Z'), 0, 3_600_000, 'pelatihan-disetujui')).toBeNull();
    expect(endsWhenRead('pelatihan-disetujui')).toBe(false);
    expect(endsWhenRead('skp-diajukan')).toBe(true);
  });

  it('closes a rating reminder at the end of the rating deadline day, and no other', () => {
    const due = new Date('2028-01-26T00:00:00Z'); // 07.00 WIB five days before 31 January
    expect(actionClosedAt('penilaian-menunggu', due)?.toISOString()).toBe('2028-01-31T17:00:00.000Z'); // 24.00 WIB on the deadline day
    expect(actionClosedAt('laporan-realisasi', due)).toBeNull();
    expect(actionClosedAt(null, due)).toBeNull();
  });
});
