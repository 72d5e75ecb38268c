import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface QuietCollectionPolicy {
  /** Events handled since the last collection before one is worth its pause. */
  minEvents: number;
  /** How long the consumer must have handled nothing. */
  quietMs: number;
}

/** After a burst of a thousand events and ten quiet seconds (see docs/benchmarks.md, idle memory). */
export const DEFAULT_QUIET_COLLECTION: QuietCollectionPolicy = { minEvents: 1_000, quietMs: 10_000 };

/** Whether a full collection is due now: enough work since the last one, and none lately. */
export function quietCollectionDue(state: { now: number; lastWorkAt: number; eventsSinceCollection: number }, policy: QuietCollectionPolicy = DEFAULT_QUIET_COLLECTION): boolean {
  return state.eventsSinceCollection >= policy.minEvents && state.now - state.lastWorkAt >= policy.quietMs;
}

/**
 * V8 collects the old generation when it fills up, never because a process went quiet (Node runs
 * no idle-time GC). A consumer that has just handled a burst therefore keeps the burst's garbage —
 * its heap near the `--max-old-space-size` bound — for as long as no new event arrives, which for
 * most of the day is hours. One full collection once the consumer has been quiet for a while
 * gives it back (measured 60 s after a catch-up: 153–165 MB of RSS without it, 143–150 MB with it).
 */
export class QuietHeapCollector {
  private lastWorkAt = 0;
  private eventsSinceCollection = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly collect: (() => void) | null = exposedGc(),
    private readonly policy: QuietCollectionPolicy = DEFAULT_QUIET_COLLECTION,
    private readonly now: () => number = Date.now,
  ) {}

  noteEvents(count: number): void {
    this.eventsSinceCollection += count;
    this.lastWorkAt = this.now();
  }

  /** Collects if due; true when it did. Called by the timer, and by tests. */
  tick(): boolean {
    if (!this.collect || !quietCollectionDue({ now: this.now(), lastWorkAt: this.lastWorkAt, eventsSinceCollection: this.eventsSinceCollection }, this.policy)) return false;
    this.eventsSinceCollection = 0;
    this.collect();
    return true;
  }

  start(everyMs = 5_000): void {
    if (this.timer || !this.collect) return;
    this.timer = setInterval(() => this.tick(), everyMs);
    // Never the reason a process stays alive.
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}

/**
 * The `gc` function, without a command-line flag: `--expose-gc` set at run time and read from a
 * fresh context (the running one was created before the flag). Null if the engine refuses.
 */
export function exposedGc(): (() => void) | null {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === 'function') return existing;
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  }
}
