import { chunkStarts, withReadAhead } from './read-ahead';

describe('withReadAhead', () => {
  it('yields every item in order with its read, the next read started before the current item is handled', async () => {
    const log: string[] = [];
    const read = async (n: number) => {
      log.push(`read ${n}`);
      return n * 10;
    };
    const seen: [number, number][] = [];
    for await (const [item, value] of withReadAhead([1, 2, 3], read)) {
      log.push(`handle ${item}`);
      seen.push([item, value]);
    }
    expect(seen).toEqual([
      [1, 10],
      [2, 20],
      [3, 30],
    ]);
    expect(log).toEqual(['read 1', 'read 2', 'handle 1', 'read 3', 'handle 2', 'handle 3']);
  });

  it('keeps at most one read ahead of the item being handled', async () => {
    let running = 0;
    let most = 0;
    const read = async (n: number) => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, 1));
      running--;
      return n;
    };
    for await (const _ of withReadAhead([1, 2, 3, 4, 5], read)) await new Promise((resolve) => setTimeout(resolve, 3));
    expect(most).toBeLessThanOrEqual(2);
  });

  it('reports a failed read where its item is reached, and a read ahead that fails after the caller stopped is not unhandled', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const read = async (n: number) => {
        if (n === 2) throw new Error('read 2 failed');
        return n;
      };
      const handled: number[] = [];
      await expect(
        (async () => {
          for await (const [item] of withReadAhead([1, 2, 3], read)) handled.push(item);
        })(),
      ).rejects.toThrow('read 2 failed');
      expect(handled).toEqual([1]);

      // The caller fails on item 1 while the read of item 2 (which fails too) is under way.
      await expect(
        (async () => {
          for await (const [item] of withReadAhead([1, 2], read)) throw new Error(`write ${item} failed`);
        })(),
      ).rejects.toThrow('write 1 failed');
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('reads nothing for no items', async () => {
    const read = jest.fn(async (n: number) => n);
    for await (const _ of withReadAhead([], read)) throw new Error('no item expected');
    expect(read).not.toHaveBeenCalled();
  });
});

describe('chunkStarts', () => {
  it('starts a chunk every `size` items, the last one possibly shorter', () => {
    expect(chunkStarts(0, 3)).toEqual([]);
    expect(chunkStarts(3, 3)).toEqual([0]);
    expect(chunkStarts(7, 3)).toEqual([0, 3, 6]);
  });
});
