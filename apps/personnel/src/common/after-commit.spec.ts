import { readAfterCommit } from './after-commit';

const terminated = () => Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
const noSleep = async () => undefined;

describe('readAfterCommit', () => {
  it('reads again while the database is out of reach and answers with the view once it is back', async () => {
    let calls = 0;
    const view = await readAfterCommit(
      'e-1',
      async () => {
        calls++;
        if (calls < 3) throw terminated();
        return { id: 'e-1', name: 'Dimas' };
      },
      noSleep,
    );
    expect(view).toEqual({ id: 'e-1', name: 'Dimas' });
    expect(calls).toBe(3);
  });

  it('answers that the change is saved when the database stays out of reach', async () => {
    const answer = await readAfterCommit('e-1', () => Promise.reject(terminated()), noSleep);
    expect(answer).toMatchObject({ id: 'e-1', tersimpan: true });
  });

  it('lets any other error through at once', async () => {
    let calls = 0;
    await expect(
      readAfterCommit(
        'e-1',
        () => {
          calls++;
          return Promise.reject(new TypeError('bug'));
        },
        noSleep,
      ),
    ).rejects.toThrow('bug');
    expect(calls).toBe(1);
  });
});
