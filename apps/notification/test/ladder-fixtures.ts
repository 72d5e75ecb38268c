import { randomUUID } from 'node:crypto';
import { EmployeeHiredV1 } from '@capaian/contracts';
import { eventually } from '@capaian/shared/testing';
import { mailsTo, type NotificationTestApp } from './notification-test-app';
import { employee, freshNip, personnelEvent, publishPersonnel } from './personnel-fixtures';

/**
 * What the time-driven suites share: this run's addresses (so only its own mails are counted), the
 * three people a reminder climbs to (atasan, penilai, admin OPD), and the waits for an event to be
 * consumed and for a mail to reach the sink. `app` is read when a wait runs (after beforeAll).
 */
export function ladderFixtures(app: () => NotificationTestApp) {
  const runId = randomUUID().slice(0, 8);
  const address = (name: string) => `${name}-${runId}@contoh.palembang.go.id`;
  const atasan = { nip: freshNip(), name: 'Ahmad Atasan', email: address('ahmad') };
  const penilai = { nip: freshNip(), name: 'Siti Penilai', email: address('siti') };
  const adminOpd = { nip: freshNip(), name: 'Rudi Admin', email: address('rudi') };

  const consumed = (...ids: string[]) =>
    eventually(async () => {
      const [{ n }] = await app().dataSource.query(`SELECT count(*)::int AS n FROM inbox WHERE event_id = ANY($1)`, [ids]);
      return n === ids.length;
      // Generous: other suites may be flooding the shared topic (a republish of 12,000 employees) ahead of us.
    }, 120_000);
  const mailWith = (to: string, subject: string) =>
    eventually(async () => {
      const found = (await mailsTo(to)).filter((m) => m.subject === subject);
      return found.length > 0 ? found : null;
    }, 120_000);
  const hire = async (p: { nip: string; name: string; email: string | null; supervisor?: { nip: string; name: string } | null }) => {
    const event = personnelEvent(EmployeeHiredV1, employee(p), p.nip);
    await publishPersonnel(event);
    await consumed(event.id);
    return event;
  };
  return { runId, address, atasan, penilai, adminOpd, consumed, mailWith, hire };
}
