import { escalationStep, FINAL_STEP, nextStepAt } from './escalation';

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
});
