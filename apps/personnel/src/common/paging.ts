import type { CursorPage } from '@capaian/shared/http';
import { PersonnelMessages } from './personnel.messages';

/** A page of a personnel list: `total` only when asked for (`?total=true`), `next` on lists that page by key. */
export type ListPage<T> = CursorPage<T>;

/**
 * A page already written as JSON from its items' JSON texts (the employees' as PostgreSQL keeps
 * them): the controller sends it as it is, with a JSON content type. `T` names what the JSON is.
 */
export type PageJson<T> = string & { readonly __page?: ListPage<T> };

export function pageJson<T>(itemsJson: readonly string[], page: Omit<ListPage<T>, 'items'>): PageJson<T> {
  // The same keys, in the same order, as JSON.stringify of a ListPage (an undefined total is left out).
  const rest = JSON.stringify({ page: page.page, size: page.size, total: page.total, next: page.next });
  return `{"items":[${itemsJson.join(',')}],${rest.slice(1)}` as PageJson<T>;
}

/** The sort key of the last row of a page, as an opaque URL-safe cursor. */
export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The sort key a cursor carries; anything that is not a cursor of this list is a 400. */
export function decodeCursor(cursor: string, arity: number): string[] {
  let key: unknown;
  try {
    key = /^[A-Za-z0-9_-]{1,2000}$/.test(cursor) ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) : undefined;
  } catch {
    key = undefined;
  }
  if (!Array.isArray(key) || key.length !== arity || !key.every((k) => typeof k === 'string' && k.length <= 500)) {
    throw PersonnelMessages.error('KURSOR_TIDAK_VALID', {}, 'after');
  }
  return key as string[];
}
