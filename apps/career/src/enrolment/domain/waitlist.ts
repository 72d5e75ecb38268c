/** One place waiting for a seat. */
export interface WaitingPlace {
  id: string;
  /** When it joined the queue; earlier goes first, then the id breaks ties. */
  waitlistedAt: Date;
  /** The person meanwhile holds another place whose dates overlap this session: skipped. */
  hasOverlap: boolean;
}

/**
 * Which waiting places move up when `freeSeats` seats free: first come, first served, skipping a
 * person who could not attend anyway (an overlapping place elsewhere). Pure, so the rule is tested
 * without a database; the use case runs it under the session's row lock.
 */
export function placesToPromote(queue: readonly WaitingPlace[], freeSeats: number): string[] {
  if (freeSeats <= 0) return [];
  return [...queue]
    .sort((a, b) => a.waitlistedAt.getTime() - b.waitlistedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .filter((p) => !p.hasOverlap)
    .slice(0, freeSeats)
    .map((p) => p.id);
}
