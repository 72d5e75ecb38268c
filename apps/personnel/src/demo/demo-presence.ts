/** What the personnel database already holds of the demo (read before deciding to load it). */
export interface DemoPresence {
  /** How many of the six demo users exist (by NIP), whatever happened to them since. */
  demoUsers: number;
  /** A demo workforce import finished (`demo-palembang-<n>.csv`, status BERHASIL). */
  workforceImported: boolean;
  /** Employees on record (left ones included). */
  employees: number;
}

export type DemoDecision = { action: 'load'; reason: string } | { action: 'skip'; reason: string };

/**
 * Whether `npm start` loads the demo workforce. It is loaded only when missing: once imported, a
 * start leaves it alone, so changes made through the platform since (a promotion, a transfer, a
 * reporting line) are never re-imported over — re-importing them is what refused whole starts
 * (GOLONGAN_TIDAK_NAIK). A larger demo than the one on record, or `force`, loads again.
 */
export function decideDemoLoad(p: DemoPresence, options: { demoUserCount: number; employees: number; force?: boolean }): DemoDecision {
  if (options.force) return { action: 'load', reason: 'requested with --force' };
  if (!p.workforceImported) return { action: 'load', reason: 'no demo workforce imported yet' };
  if (p.demoUsers < options.demoUserCount) return { action: 'load', reason: `${options.demoUserCount - p.demoUsers} demo user(s) missing` };
  if (p.employees < options.employees) return { action: 'load', reason: `${p.employees} employees on record, ${options.employees} requested` };
  return { action: 'skip', reason: `demo workforce present (${p.employees} employees, the ${p.demoUsers} demo users)` };
}
