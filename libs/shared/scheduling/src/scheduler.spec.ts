import { dailyAt, every, slotAt } from './schedule';
import { withinCatchUpWindow } from './scheduler';
import { schedulingOptionsFromEnv } from './scheduling.module';

describe('catch-up policy', () => {
  const slot = slotAt(dailyAt('07:00'), new Date('2026-12-31T00:00:00Z'));

  it('by default a slot stays due until the next one starts', () => {
    expect(withinCatchUpWindow(slot, new Date('2026-12-31T23:59:59Z'))).toBe(true);
    expect(withinCatchUpWindow(slot, new Date('2027-01-01T00:00:00Z'))).toBe(false);
  });

  it('a configured window ends it earlier', () => {
    expect(withinCatchUpWindow(slot, new Date('2026-12-31T02:59:59Z'), { hours: 3 })).toBe(true);
    expect(withinCatchUpWindow(slot, new Date('2026-12-31T03:00:00Z'), { hours: 3 })).toBe(false);
    const interval = slotAt(every({ minutes: 10 }), new Date('2026-12-31T00:04:00Z'));
    expect(withinCatchUpWindow(interval, new Date('2026-12-31T00:04:00Z'), 60_000)).toBe(false);
  });
});

describe('scheduling options from the environment', () => {
  it('is on, every 30 s, by default', () => {
    expect(schedulingOptionsFromEnv({})).toEqual({ enabled: true, pollIntervalMs: 30_000 });
  });

  it('reads SCHEDULER_ENABLED and SCHEDULER_POLL_MS; explicit options win', () => {
    expect(schedulingOptionsFromEnv({ SCHEDULER_ENABLED: 'false', SCHEDULER_POLL_MS: '5000' })).toEqual({ enabled: false, pollIntervalMs: 5000 });
    expect(schedulingOptionsFromEnv({ SCHEDULER_ENABLED: 'false' }, { enabled: true }).enabled).toBe(true);
  });

  it('refuses values it cannot use', () => {
    expect(() => schedulingOptionsFromEnv({ SCHEDULER_POLL_MS: 'soon' })).toThrow(/SCHEDULER_POLL_MS/);
    expect(() => schedulingOptionsFromEnv({ SCHEDULER_ENABLED: 'yes' })).toThrow(/SCHEDULER_ENABLED/);
  });
});
