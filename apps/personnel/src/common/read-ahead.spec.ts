import { chunkStarts, withReadAhead } from './read-ahead';

describe('withReadAhead', () => {
  it('yields every item\'s read in order, the next read started before the current item is handled', async () => {
    const log: string[] = [];
    const read = async (n: number) => {
      log.push(`read ${n}`);
      return n * 10;
    };
    const seen: number[] = [];
    for await (const value of withReadAhead([1, 2, 3], read)) {
      log.push(`handle ${value}`);
      seen.push(value);
    }
    expect(seen).toEqual([10, 20, 30]);
    expect(log).toEqual(['read 1', 'read 2', 'handle 10', 'read 3', 'handle 20', 'handle 30']);
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
          for await (const value of withReadAhead([1, 2, 3], read)) handled.push(value);
        })(),
      ).rejects.toThrow('read 2 failed');
      expect(handled).toEqual([1]);

      // The caller fails on item 1 while the read of item 2 (which fails too) is under way.
      await expect(
        (async () => {
          for await (const value of withReadAhead([1, 2], read)) throw new Error(`write ${value} failed`);
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
