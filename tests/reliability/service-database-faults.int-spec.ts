import { randomUUID } from 'node:crypto';
import { Topics } from '@capaian/contracts';
import { alive, eventually } from '@capaian/shared/testing';
import { adminConnection, closedUnitEvent, expectHandledOnce, pingEvent, publish, requestsFor, startServices, stopServices, type Answer, type RunningService, type ServiceRequests } from './support/services';

/**
 * Database faults of appraisal, career and notification (issue 12), as personnel's
 * apps/personnel/test/faults.int-spec.ts does for personnel: each BUILT service in a child process,
 * on a database of its own (capaian_<svc>_faults_test) reached through a TCP proxy that refuses and
 * then drops connections, and with its sessions terminated (57P01) while requests flow. Every answer
 * is 2xx or 503 problem+json with Retry-After, never 500; no process exits; each recovers by itself.
 * The consumers get events while their databases are away or their sessions are being terminated
 * (notification pings; appraisal and career units for their personnel projection): each is handled
 * once after recovery, and each group's lag goes back to zero. The three services go through each case together.
 */
const runTag = randomUUID().slice(0, 8);

type Running = RunningService & { proxy: NonNullable<RunningService['proxy']>; requests: ServiceRequests };

const ok = (status: number) => status >= 200 && status < 300;

/** An answer during an outage: 503 problem+json with Retry-After, never a 500. */
function expectUnavailable(res: Answer, what: string): void {
  expect({ what, status: res.status, code: res.body?.code }).toEqual({ what, status: 503, code: 'LAYANAN_TIDAK_TERSEDIA' });
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
}

describe('appraisal, career and notification under database faults (built services in child processes)', () => {
  const services: Running[] = [];
  const each = <T>(f: (s: Running) => Promise<T>) => Promise.all(services.map(f));

  beforeAll(async () => {
    for (const s of await startServices('faults', runTag, { proxied: true })) services.push({ ...s, proxy: s.proxy!, requests: await requestsFor(s.svc, s.process.url) });
  }, 600_000);

  afterAll(() => stopServices(services, 'faults'), 120_000);

  it('answer 503 with Retry-After while PostgreSQL refuses and then drops connections, stay up, recover by themselves; events sent meanwhile are handled once', async () => {
    await each(async (s) => {
      expect({ svc: s.svc, read: (await s.requests.read()).status }).toEqual({ svc: s.svc, read: 200 });
      const write = await s.requests.write();
      expect({ svc: s.svc, write: ok(write.status) }).toEqual({ svc: s.svc, write: true });
    });

    await each((s) => s.proxy.refuse());
    const pings = Array.from({ length: 20 }, (_, i) => pingEvent(runTag, i));
    const units = Array.from({ length: 20 }, (_, i) => closedUnitEvent(runTag, i));
    await Promise.all([publish(Topics.platformPing, pings), publish(Topics.personnelOrgUnit, units)]);
    for (let round = 0; round < 4; round++) {
      await each(async (s) => {
        expectUnavailable(await s.requests.read(), `${s.svc} refused, read ${round}`);
        expectUnavailable(await s.requests.write(), `${s.svc} refused, write ${round}`);
      });
      await new Promise((r) => setTimeout(r, 500));
    }
    await each(async (s) => expect({ svc: s.svc, ready: (await fetch(`${s.process.url}/health/ready`)).status }).toEqual({ svc: s.svc, ready: 503 }));

    // Accepting and dropping at once: what a server that is going down does.
    for (const s of services) s.proxy.mode = 'drop';
    await each((s) => s.proxy.listen());
    for (let round = 0; round < 3; round++) {
      await each(async (s) => {
        expectUnavailable(await s.requests.read(), `${s.svc} dropped, read ${round}`);
        expectUnavailable(await s.requests.write(), `${s.svc} dropped, write ${round}`);
      });
      await new Promise((r) => setTimeout(r, 500));
    }
    for (const s of services) expect({ svc: s.svc, alive: alive(s.process) }).toEqual({ svc: s.svc, alive: true });

    for (const s of services) s.proxy.mode = 'pass';
    await each(async (s) => {
      await eventually(async () => (await s.requests.read()).status === 200, 60_000, 250);
      const write = await s.requests.write();
      expect({ svc: s.svc, write: write.status, ok: ok(write.status) }).toEqual({ svc: s.svc, write: write.status, ok: true });
      await eventually(async () => (await fetch(`${s.process.url}/health/ready`)).ok, 60_000, 250);
    });

    // The consumers: nothing lost, nothing twice, their groups caught up.
    await expectHandledOnce(services, pings.map((p) => p.id), units.map((u) => u.id));
    for (const s of services) expect({ svc: s.svc, alive: alive(s.process) }).toEqual({ svc: s.svc, alive: true });
  }, 300_000);

  it('survive their sessions being terminated (57P01) while requests and events flow: 2xx or 503, never 500, each event once', async () => {
    const statuses = new Map<string, number>();
    let stop = false;
    const failures: unknown[] = [];
    const traffic = each(async (s) => {
      try {
        while (!stop) {
          const answers = await Promise.all([s.requests.read(), s.requests.write()]);
          for (const a of answers) {
            statuses.set(`${s.svc} ${a.status}`, (statuses.get(`${s.svc} ${a.status}`) ?? 0) + 1);
            if (!ok(a.status)) expectUnavailable(a, `${s.svc} terminated`);
          }
        }
      } catch (e) {
        failures.push(e);
      }
    });
    const pings = Array.from({ length: 40 }, (_, i) => pingEvent(runTag, 100 + i));
    const units = Array.from({ length: 40 }, (_, i) => closedUnitEvent(runTag, 100 + i));
    const admin = await adminConnection();
    let terminated = 0;
    try {
      for (let round = 0; round < 8; round++) {
        await Promise.all([publish(Topics.platformPing, pings.slice(round * 5, round * 5 + 5)), publish(Topics.personnelOrgUnit, units.slice(round * 5, round * 5 + 5))]);
        const rows: { n: number }[] = await admin.query(
          `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = ANY($1) AND pid <> pg_backend_pid()`,
          [services.map((s) => s.database)],
        );
        terminated += rows[0].n;
        await new Promise((r) => setTimeout(r, 400));
      }
    } finally {
      stop = true;
      await traffic;
      await admin.destroy();
    }
    for (const s of services) expect({ svc: s.svc, alive: alive(s.process) }).toEqual({ svc: s.svc, alive: true });
    if (failures.length > 0) throw failures[0];
    expect(terminated).toBeGreaterThan(0);
    expect([...statuses.keys()].filter((k) => !/ (2\d\d|503)$/.test(k))).toEqual([]);

    await each(async (s) => {
      await eventually(async () => (await s.requests.read()).status === 200, 60_000, 250);
      expect(ok((await s.requests.write()).status)).toBe(true);
      await eventually(async () => (await fetch(`${s.process.url}/health/ready`)).ok, 60_000, 250);
    });
    await expectHandledOnce(services, pings.map((p) => p.id), units.map((u) => u.id));
    for (const s of services) expect({ svc: s.svc, alive: alive(s.process) }).toEqual({ svc: s.svc, alive: true });
  }, 300_000);
});
