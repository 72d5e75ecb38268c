import { ViolationError } from '@capaian/kinerja';
import { decodeCursor, encodeCursor } from './paging';

describe('list cursors', () => {
  it('carry the sort key of the last row, URL-safe', () => {
    const cursor = encodeCursor(['Siti Rahmawati', '198507222010012003']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, 2)).toEqual(['Siti Rahmawati', '198507222010012003']);
  });

  it.each([
    ['not base64url', 'a b'],
    ['not JSON', Buffer.from('{"a":', 'utf8').toString('base64url')],
    ['not an array', encodeCursorOf({ name: 'x' })],
    ['wrong arity', encodeCursor(['only one'])],
    ['a number inside', encodeCursorOf(['x', 1])],
    ['too long', 'A'.repeat(2001)],
  ])('refuse %s as 400 KURSOR_TIDAK_VALID on the after field', (_what, cursor) => {
    let error: unknown;
    try {
      decodeCursor(cursor, 2);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ViolationError);
    expect((error as ViolationError).violations[0]).toMatchObject({ kind: 'invalid', code: 'KURSOR_TIDAK_VALID', field: 'after' });
  });
});

function encodeCursorOf(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}
