import 'reflect-metadata';
import { Test } from '@nestjs/testing';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Controller, Get, Module } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { PageOf, PageQuery, queryBoolean, queryInteger, toPage } from './pagination';

describe('query helpers', () => {
  it.each([
    ['true', true],
    ['1', true],
    ['false', false],
    ['0', false],
    ['ya', 'ya'],
    [undefined, undefined],
  ])('queryBoolean(%p) = %p', (input, expected) => expect(queryBoolean({ value: input })).toBe(expected));

  it.each([
    ['2026', 2026],
    ['-1', -1],
    ['0', 0],
    ['', ''],
    ['0x10', '0x10'],
    ['1e3', '1e3'],
    [' 5', ' 5'],
    ['2.5', '2.5'],
    ['9999999999999999', '9999999999999999'],
    [undefined, undefined],
  ])('queryInteger(%p) = %p', (input, expected) => expect(queryInteger({ value: input })).toBe(expected));

  it('refuses a page size that only Number() would read as one (hex, empty, twice)', () => {
    const errors = (query: object) => validateSync(plainToInstance(PageQuery, query)).map((e) => e.property);
    expect(errors({ page: '2', size: '50' })).toEqual([]);
    expect(errors({ size: '0x10' })).toEqual(['size']);
    expect(errors({ page: '' })).toEqual(['page']);
    expect(errors({ size: ['10', '20'] })).toEqual(['size']);
  });

  it('builds a page', () => expect(toPage([1, 2], 7, { page: 2, size: 2 })).toEqual({ items: [1, 2], page: 2, size: 2, total: 7 }));
});

class Row {
  @ApiProperty({ type: String })
  id: string;
}
class RowPage extends PageOf(Row) {}
class RowListPage extends PageOf(Row, { cursor: true }) {}

@Controller('rows')
class RowsController {
  @Get()
  @ApiOkResponse({ type: RowPage })
  list(): RowPage {
    return toPage([{ id: 'a' }], 1, { page: 1, size: 20 });
  }
  @Get('keyed')
  @ApiOkResponse({ type: RowListPage })
  keyed(): RowListPage {
    return { items: [], page: 1, size: 20, next: null };
  }
}

@Module({ controllers: [RowsController] })
class RowsModule {}

describe('PageOf', () => {
  let schemas: Record<string, { required?: string[]; properties?: Record<string, unknown> }>;
  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [RowsModule] }).compile();
    const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    await app.init();
    schemas = SwaggerModule.createDocument(app, new DocumentBuilder().build()).components!.schemas as typeof schemas;
    await app.close();
  });

  it('names the schema after the subclass and describes a counted page', () => {
    expect(schemas.RowPage).toEqual({
      type: 'object',
      properties: {
        items: { type: 'array', items: { $ref: '#/components/schemas/Row' } },
        page: { type: 'number' },
        size: { type: 'number' },
        total: { type: 'number' },
      },
      required: ['items', 'page', 'size', 'total'],
    });
  });

  it('describes a keyed page: total on request, next cursor', () => {
    expect(schemas.RowListPage.required).toEqual(['items', 'page', 'size']);
    expect(schemas.RowListPage.properties).toMatchObject({ total: { type: 'number' }, next: { type: 'string', nullable: true } });
  });

  it('leaves no schema named after the helper', () => {
    expect(Object.keys(schemas).sort()).toEqual(['Row', 'RowListPage', 'RowPage']);
  });
});
