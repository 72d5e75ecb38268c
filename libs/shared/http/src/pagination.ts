import type { Type as ClassOf } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/**
 * For `@Transform(queryInteger)` on integer query parameters: only plain decimal digits become a
 * number. `Number()` would also take `''` (0), `0x10`, `1e3` or ` 5`; those, arrays (the parameter
 * given twice) and numbers beyond 15 digits are left as they are for `@IsInt()` to refuse.
 */
export const queryInteger = ({ value }: { value: unknown }): unknown => (typeof value === 'string' && /^-?[0-9]{1,15}$/.test(value) ? Number(value) : value);

/** `?page=1&size=20`; size is capped so that one request cannot ask for the whole city. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Transform(queryInteger)
  @IsInt()
  @Min(1)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Transform(queryInteger)
  @IsInt()
  @Min(1)
  @Max(100)
  size: number = 20;

  get offset(): number {
    return (this.page - 1) * this.size;
  }
}

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  total: number;
}

/**
 * A page of a list that counts only on request (`?total=true`) and may page by key: `next` is the
 * cursor of the following page (`?after=`), null on the last.
 */
export interface CursorPage<T> {
  items: T[];
  page: number;
  size: number;
  total?: number;
  next?: string | null;
}

/**
 * The OpenAPI-described class of a page of `item`, for a response schema. Extend it so that the
 * schema keeps the subclass's name (clients are generated from the names):
 * `export class UnitListPage extends PageOf(Unit, { cursor: true }) {}`. With `cursor`, the page is a
 * `CursorPage` (optional `total`, and `next`); otherwise a `Page` (`total` always there).
 */
export function PageOf<T>(item: ClassOf<T>): ClassOf<Page<T>>;
export function PageOf<T>(item: ClassOf<T>, options: { cursor: true }): ClassOf<CursorPage<T>>;
export function PageOf<T>(item: ClassOf<T>, options: { cursor?: boolean } = {}): ClassOf<Page<T> | CursorPage<T>> {
  class PageOfItems {
    @ApiProperty({ type: () => item, isArray: true })
    items: T[];
    @ApiProperty({ type: Number })
    page: number;
    @ApiProperty({ type: Number })
    size: number;
  }
  class CountedPage extends PageOfItems {
    @ApiProperty({ type: Number })
    total: number;
  }
  class KeyedPage extends PageOfItems {
    @ApiPropertyOptional({ type: Number })
    total?: number;
    @ApiPropertyOptional({ type: String, nullable: true })
    next?: string | null;
  }
  const page = options.cursor ? KeyedPage : CountedPage;
  // Used without a subclass, the schema is still named after its items rather than the helper.
  Object.defineProperty(page, 'name', { value: `${item.name}Page` });
  return page;
}

export function toPage<T>(items: T[], total: number, query: { page: number; size: number }): Page<T> {
  return { items, page: query.page, size: query.size, total };
}

/**
 * For `@Transform(queryBoolean)` on query parameters: query strings carry only text, so `true`/`1`
 * and `false`/`0` become booleans and anything else is left for `@IsBoolean()` to refuse.
 */
export const queryBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;
