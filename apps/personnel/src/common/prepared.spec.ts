import type { DataSource } from 'typeorm';
import { MAX_PREPARED_STATEMENTS, observePreparedQueries, preparedQuery } from './prepared';

/** A data source whose pool records what it is asked to run. */
function recordingDataSource() {
  const sent: { name?: string; text: string; values: unknown[] }[] = [];
  const dataSource = { driver: { master: { query: async (config: (typeof sent)[number]) => (sent.push(config), { rows: [{ ok: 1 }] }) } } } as unknown as DataSource;
  return { dataSource, sent };
}

describe('preparedQuery', () => {
  it('names a text once and sends it with the same name every time, with its values', async () => {
    const { dataSource, sent } = recordingDataSource();
    expect(await preparedQuery(dataSource, 'SELECT $1::int AS ok', [1])).toEqual([{ ok: 1 }]);
    await preparedQuery(dataSource, 'SELECT $1::int AS ok', [2]);
    await preparedQuery(dataSource, 'SELECT $1::int AS other', [3]);
    expect(sent[0].name).toMatch(/^capaian_[0-9a-f]{20}$/);
    expect(sent[1]).toEqual({ name: sent[0].name, text: 'SELECT $1::int AS ok', values: [2] });
    expect(sent[2].name).not.toBe(sent[0].name);
  });

  it('sends texts beyond the bound unnamed, so a connection does not keep statements without end', async () => {
    const { dataSource, sent } = recordingDataSource();
    for (let i = 0; i <= MAX_PREPARED_STATEMENTS; i++) await preparedQuery(dataSource, `SELECT ${i} AS n`, []);
    expect(sent[sent.length - 1]).toEqual({ text: `SELECT ${MAX_PREPARED_STATEMENTS} AS n`, values: [] });
    // A text named before the bound was reached keeps its name.
    await preparedQuery(dataSource, 'SELECT 0 AS n', []);
    expect(sent[sent.length - 1].name).toBe(sent[0].name);
  });

  it('shows each statement to an observer until it stops observing', async () => {
    const { dataSource } = recordingDataSource();
    const seen: string[] = [];
    const stop = observePreparedQueries((text) => seen.push(text));
    await preparedQuery(dataSource, 'SELECT 1 AS seen', []);
    stop();
    await preparedQuery(dataSource, 'SELECT 2 AS unseen', []);
    expect(seen).toEqual(['SELECT 1 AS seen']);
  });

  it('prepares a statement anew under another name when a schema change made its cached plan stale', async () => {
    // A text named by the first test: the bound test filled the process's names since.
    const sent: { name?: string; text: string; values: unknown[] }[] = [];
    const stale = Object.assign(new Error('cached plan must not change result type'), { code: '0A000' });
    let failures = 1;
    const dataSource = {
      driver: {
        master: {
          query: async (config: (typeof sent)[number]) => {
            sent.push(config);
            if (sent.length > 1 && failures-- > 0) throw stale;
            return { rows: [{ ok: sent.length }] };
          },
        },
      },
    } as unknown as DataSource;
    await preparedQuery(dataSource, 'SELECT $1::int AS ok', [1]);
    expect(await preparedQuery(dataSource, 'SELECT $1::int AS ok', [2])).toEqual([{ ok: 3 }]);
    await preparedQuery(dataSource, 'SELECT $1::int AS ok', [3]);
    expect(sent[2].name).toMatch(new RegExp(`^${sent[0].name}_g\\d+$`));
    expect(sent[3].name).toBe(sent[2].name);
  });

  it('does not retry other errors', async () => {
    const dataSource = { driver: { master: { query: async () => Promise.reject(Object.assign(new Error('boom'), { code: '57P01' })) } } } as unknown as DataSource;
    await expect(preparedQuery(dataSource, 'SELECT 1 AS boom', [])).rejects.toThrow('boom');
  });
});
