import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** `?page=1&size=20`; size is capped so that one request cannot ask for the whole city. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
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

export function toPage<T>(items: T[], total: number, query: { page: number; size: number }): Page<T> {
  return { items, page: query.page, size: query.size, total };
}

/**
 * For `@Transform(queryBoolean)` on query parameters: query strings carry only text, so `true`/`1`
 * and `false`/`0` become booleans and anything else is left for `@IsBoolean()` to refuse.
 */
export const queryBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;
