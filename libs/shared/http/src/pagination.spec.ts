import { queryBoolean, toPage } from './pagination';

describe('query helpers', () => {
  it.each([
    ['true', true],
    ['1', true],
    ['false', false],
    ['0', false],
    ['ya', 'ya'],
    [undefined, undefined],
  ])('queryBoolean(%p) = %p', (input, expected) => expect(queryBoolean({ value: input })).toBe(expected));

  it('builds a page', () => expect(toPage([1, 2], 7, { page: 2, size: 2 })).toEqual({ items: [1, 2], page: 2, size: 2, total: 7 }));
});
