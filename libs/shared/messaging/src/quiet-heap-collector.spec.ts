import { exposedGc, QuietHeapCollector, quietCollectionDue } from './quiet-heap-collector';

describe('quiet heap collection', () => {
  const policy = { minEvents: 1_000, quietMs: 10_000 };

  it('is due only after enough events and a quiet spell', () => {
    expect(quietCollectionDue({ now: 20_000, lastWorkAt: 10_000, eventsSinceCollection: 1_000 }, policy)).toBe(true);
    expect(quietCollectionDue({ now: 19_999, lastWorkAt: 10_000, eventsSinceCollection: 1_000 }, policy)).toBe(false);
    expect(quietCollectionDue({ now: 60_000, lastWorkAt: 10_000, eventsSinceCollection: 999 }, policy)).toBe(false);
  });

  it('collects once per burst, when the burst has been quiet long enough', () => {
    let now = 0;
    let collections = 0;
    const collector = new QuietHeapCollector(() => collections++, policy, () => now);
    collector.noteEvents(600);
    now = 1_000;
    collector.noteEvents(600);
    now = 5_000;
    expect(collector.tick()).toBe(false); // busy a moment ago
    now = 11_000;
    expect(collector.tick()).toBe(true);
    now = 60_000;
    expect(collector.tick()).toBe(false); // nothing new since
    collector.noteEvents(10);
    now = 120_000;
    expect(collector.tick()).toBe(false); // a trickle is not a burst
    expect(collections).toBe(1);
  });

  it('does nothing when the engine gives no gc function', () => {
    const collector = new QuietHeapCollector(null, policy, () => 1e9);
    collector.noteEvents(5_000);
    expect(collector.tick()).toBe(false);
  });

  it('finds the engine’s gc without a command-line flag', () => {
    const gc = exposedGc();
    expect(typeof gc).toBe('function');
    gc!();
  });
});
