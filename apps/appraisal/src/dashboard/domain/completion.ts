import { periodsOfSkp, type Cadence } from '../../cadence/domain/cadence';

/**
 * The completion of one OPD's year, as plain arithmetic over what the queries loaded: who has not
 * planned (no SKP set), not reported (a period past its report deadline without a report), not been
 * rated (an ended set SKP without a rating), and which penilai holds how many people up — the
 * penilai of the SKP the item belongs to, who is the one that has to act.
 */
export interface Person {
  nip: string;
  name: string;
  unitId: string | null;
}

export interface SkpFacts {
  nip: string;
  status: string;
  /** Whether it was ever set (a closed SKP after a transfer still counts as planned). */
  wasSet: boolean;
  start: string;
  end: string;
  penilaiNip: string | null;
  /** Period numbers with a report (DILAPORKAN or later). */
  reported: number[];
  awaitingFeedback: number;
  rated: boolean;
}

export interface PenilaiBacklog {
  nip: string;
  name: string;
  skpToSet: number;
  reportsToAnswer: number;
  toRate: number;
  peopleWaiting: number;
}

export interface Completion {
  notPlanned: Person[];
  notReported: (Person & { missingPeriods: number[] })[];
  notRated: Person[];
  penilai: PenilaiBacklog[];
}

export function completion(people: readonly Person[], skps: readonly SkpFacts[], cadence: Cadence, today: string): Completion {
  const names = new Map(people.map((p) => [p.nip, p.name]));
  const byNip = new Map<string, SkpFacts[]>();
  for (const s of skps) byNip.set(s.nip, [...(byNip.get(s.nip) ?? []), s]);
  const backlog = new Map<string, PenilaiBacklog & { waiting: Set<string> }>();
  const hold = (penilaiNip: string | null, nip: string, field: 'skpToSet' | 'reportsToAnswer' | 'toRate', n = 1) => {
    if (!penilaiNip || n === 0) return;
    const b = backlog.get(penilaiNip) ?? { nip: penilaiNip, name: names.get(penilaiNip) ?? penilaiNip, skpToSet: 0, reportsToAnswer: 0, toRate: 0, peopleWaiting: 0, waiting: new Set<string>() };
    b[field] += n;
    b.waiting.add(nip);
    backlog.set(penilaiNip, b);
  };
  const out: Completion = { notPlanned: [], notReported: [], notRated: [], penilai: [] };
  for (const p of people) {
    const mine = byNip.get(p.nip) ?? [];
    for (const s of mine) if (s.status === 'DIAJUKAN') hold(s.penilaiNip, p.nip, 'skpToSet');
    const set = mine.filter((s) => s.status === 'DITETAPKAN' || (s.status === 'DITUTUP' && s.wasSet));
    if (set.length === 0) {
      out.notPlanned.push(p);
      continue;
    }
    const missing = new Set<number>();
    let unrated = false;
    for (const s of set) {
      const done = new Set(s.reported);
      for (const period of periodsOfSkp(cadence, s.start, s.end)) if (period.reportDue < today && !done.has(period.number)) missing.add(period.number);
      hold(s.penilaiNip, p.nip, 'reportsToAnswer', s.awaitingFeedback);
      if (s.end < today && !s.rated) {
        unrated = true;
        hold(s.penilaiNip, p.nip, 'toRate');
      }
    }
    if (missing.size > 0) out.notReported.push({ ...p, missingPeriods: [...missing].sort((a, b) => a - b) });
    if (unrated) out.notRated.push(p);
  }
  out.penilai = [...backlog.values()].map(({ waiting, ...b }) => ({ ...b, peopleWaiting: waiting.size })).sort((a, b) => b.peopleWaiting - a.peopleWaiting || a.nip.localeCompare(b.nip));
  return out;
}
