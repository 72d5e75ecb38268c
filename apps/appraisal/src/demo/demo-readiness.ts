/** A demo person of the SKP cascade as appraisal's projection holds them (null: not there yet). */
export interface ProjectedDemoPerson {
  nip: string;
  penilaiNip: string | null;
}

export interface CascadeMember {
  nip: string;
  name: string;
  /** The pejabat penilai personnel names for them, who sets their SKP; null for the OPD head (BKPSDM sets it). */
  penilaiNip: string | null;
}

export interface Readiness {
  ready: boolean;
  /** Members present with the right penilai, of all. */
  readyCount: number;
  total: number;
  /** What is still awaited, for the progress line: `Siti Rahmawati (penilai)`, `Dimas Pratama`. */
  waitingFor: string[];
}

/**
 * Whether the projection holds the demo cascade as the seed needs it: each member present, and each
 * with the penilai who will set their SKP (appraisers arrive in their own event, after the
 * employee's). Creating an SKP before that records no penilai, and setting it then fails
 * (BUKAN_PEJABAT_PENILAI) — the first-start failure this wait prevents.
 */
export function cascadeReadiness(cascade: readonly CascadeMember[], projected: readonly ProjectedDemoPerson[]): Readiness {
  const byNip = new Map(projected.map((p) => [p.nip, p]));
  const waitingFor: string[] = [];
  for (const member of cascade) {
    const p = byNip.get(member.nip);
    if (!p) waitingFor.push(member.name);
    else if (member.penilaiNip && p.penilaiNip !== member.penilaiNip) waitingFor.push(`${member.name} (penilai)`);
  }
  return { ready: waitingFor.length === 0, readyCount: cascade.length - waitingFor.length, total: cascade.length, waitingFor };
}
