import { retryDelay } from './failures';

describe('retryDelay', () => {
  it('doubles from the base up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((a) => retryDelay(a, 100, 1000))).toEqual([100, 200, 400, 800, 1000]);
  });
});
