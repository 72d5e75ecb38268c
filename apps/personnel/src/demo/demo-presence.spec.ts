import { decideDemoLoad } from './demo-presence';

describe('decideDemoLoad', () => {
  const options = { demoUserCount: 6, employees: 12_000 };
  const loaded = { demoUsers: 6, workforceImported: true, employees: 12_000 };

  it('loads on a first start', () => {
    expect(decideDemoLoad({ demoUsers: 0, workforceImported: false, employees: 0 }, options).action).toBe('load');
  });

  it('skips once the demo workforce is there, however its people changed since', () => {
    // A promotion or a transfer through the API changes rows, not their presence.
    expect(decideDemoLoad(loaded, options)).toEqual({ action: 'skip', reason: 'demo workforce present (12000 employees, the 6 demo users)' });
    expect(decideDemoLoad({ ...loaded, employees: 12_050 }, options).action).toBe('skip');
  });

  it('loads again what is missing: an interrupted import, a demo user, a larger demo, or on request', () => {
    expect(decideDemoLoad({ ...loaded, workforceImported: false }, options).action).toBe('load');
    expect(decideDemoLoad({ ...loaded, demoUsers: 5 }, options)).toEqual({ action: 'load', reason: '1 demo user(s) missing' });
    expect(decideDemoLoad(loaded, { ...options, employees: 20_000 }).action).toBe('load');
    expect(decideDemoLoad(loaded, { ...options, force: true }).action).toBe('load');
  });
});
