import { randomUUID } from 'node:crypto';
import { Topics } from '@capaian/contracts';
import { eventually, kill } from '@capaian/shared/testing';
import { closedUnitEvent, effects, expectHandledOnce, pingEvent, publish, startConsumerService, startServices, stopServices, type RunningService } from './support/services';

/**
 * The real consumers of personnel's events (issue 12): appraisal and career (the personnel
 * projection) and notification (in-app notices), each the BUILT service in a child process on a
 * database of its own, SIGKILLed and started again while events flow on the shared topics. Nothing
 * is lost, nothing is applied twice, and each consumer group's lag goes back to zero. The consumer
 * groups are the run's own (moved to the topics' end first), so a running platform is not disturbed.
 * The events are harmless where a running platform consumes them as well: closed sections of an
 * OPD code no one uses, and pings for a NIP nobody has.
 */
const runTag = randomUUID().slice(0, 8);

describe('appraisal, career and notification consumers killed with SIGKILL while events flow (built services)', () => {
  let services: RunningService[] = [];

  beforeAll(async () => {
    services = await startServices('consumers', runTag, { proxied: false });
  }, 600_000);

  afterAll(() => stopServices(services, 'consumers'), 120_000);

  it('each, killed and restarted while events flow, applies every event once and catches up (lag 0)', async () => {
    const units: string[] = [];
    const pings: string[] = [];
    let stop = false;
    let batches = 0;
    // Ten events a batch (five for the projections, five pings), until every service is back.
    const producing = (async () => {
      while (!stop || batches < 12) {
        const u = Array.from({ length: 5 }, (_, k) => closedUnitEvent(runTag, batches * 5 + k));
        const p = Array.from({ length: 5 }, (_, k) => pingEvent(runTag, batches * 5 + k));
        await Promise.all([publish(Topics.personnelOrgUnit, u), publish(Topics.platformPing, p)]);
        units.push(...u.map((e) => e.id));
        pings.push(...p.map((e) => e.id));
        batches++;
        await new Promise((r) => setTimeout(r, 150));
      }
    })();
    const idsOf = (s: RunningService) => (s.svc === 'notification' ? pings : units);

    try {
      // All three at once (a restart waits for the killed member's session to expire), each at its
      // own point of the flow and once it has applied some of it: the kill lands mid-stream.
      await Promise.all(
        services.map(async (s, i) => {
          await eventually(async () => batches >= 2 + 2 * i, 120_000, 50);
          const seen = idsOf(s).length;
          await eventually(async () => (await effects(s, idsOf(s))).inbox > seen, 120_000, 100);
          await kill(s.process);
          expect(s.process.child.signalCode).toBe('SIGKILL');
          s.process = await startConsumerService(s.svc, { database: s.database, dbPort: 5432, groupId: s.groupId, moveToEnd: false });
        }),
      );
    } finally {
      stop = true;
      await producing;
    }

    await expectHandledOnce(services, pings, units);
  }, 600_000);
});
