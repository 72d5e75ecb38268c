import { Body, Controller, Get, Module, Post, Query } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { IsInt, IsString, Min } from 'class-validator';
import request from 'supertest';
import { configureHttpApp, HealthService, JsonLogger, PageQuery, PlatformHttpModule, Problems, toPage, currentCorrelationId } from './index';

class CreateThing {
  @IsString()
  nama: string;

  @IsInt()
  @Min(1)
  jumlah: number;
}

@Controller('things')
class ThingController {
  @Post()
  create(@Body() body: CreateThing) {
    return { ...body, correlationId: currentCorrelationId() };
  }

  @Get()
  list(@Query() q: PageQuery) {
    return toPage([], 0, q);
  }

  @Get('missing')
  missing() {
    throw Problems.notFound('BARANG_TIDAK_DITEMUKAN', 'Barang tidak ditemukan');
  }

  @Get('boom')
  boom() {
    throw new Error('secret internal detail');
  }
}

@Module({ imports: [PlatformHttpModule], controllers: [ThingController] })
class TestModule {}

describe('shared http platform', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [TestModule] }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: new JsonLogger('test', 'error') });
    configureHttpApp(app, 'demo', { title: 'demo' });
    app.get(HealthService).register('always-down', async () => {
      throw new Error('database unreachable');
    });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(() => app.close());

  it('serves routes under /api/v1/<service> and returns the correlation id', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/v1/demo/things')
      .set('x-correlation-id', 'test-correlation-1')
      .send({ nama: 'meja', jumlah: 2 })
      .expect(201);
    expect(res.body).toEqual({ nama: 'meja', jumlah: 2, correlationId: 'test-correlation-1' });
    expect(res.headers['x-correlation-id']).toBe('test-correlation-1');
  });

  it('answers invalid input with problem+json listing each field, and refuses unknown fields', async () => {
    const res = await request(app.getHttpServer()).post('/api/v1/demo/things').send({ nama: 5, jumlah: 0, hack: true }).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, code: 'VALIDASI_GAGAL', title: 'Data yang dikirim tidak valid' });
    const fields = res.body.errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`);
    expect(fields).toEqual(expect.arrayContaining(['nama:IS_STRING', 'jumlah:MIN', 'hack:WHITELIST_VALIDATION']));
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await request(app.getHttpServer()).post('/api/v1/demo/things').set('content-type', 'application/json').send('{"nama":').expect(400);
    expect(res.body.code).toBe('JSON_TIDAK_VALID');
  });

  it('validates pagination', async () => {
    expect((await request(app.getHttpServer()).get('/api/v1/demo/things?page=2&size=5').expect(200)).body).toEqual({ items: [], page: 2, size: 5, total: 0 });
    const res = await request(app.getHttpServer()).get('/api/v1/demo/things?size=1000').expect(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'size', code: 'MAX' });
  });

  it('keeps expected failures and hides unexpected ones', async () => {
    const nf = await request(app.getHttpServer()).get('/api/v1/demo/things/missing').expect(404);
    expect(nf.body).toMatchObject({ code: 'BARANG_TIDAK_DITEMUKAN', title: 'Barang tidak ditemukan', instance: '/api/v1/demo/things/missing' });
    const boom = await request(app.getHttpServer()).get('/api/v1/demo/things/boom').expect(500);
    expect(boom.body.code).toBe('KESALAHAN_INTERNAL');
    expect(JSON.stringify(boom.body)).not.toContain('secret');
    const unknown = await request(app.getHttpServer()).get('/api/v1/demo/nothing-here').expect(404);
    expect(unknown.body.code).toBe('TIDAK_DITEMUKAN');
  });

  it('exposes liveness, readiness with failing checks, and metrics outside the prefix', async () => {
    await request(app.getHttpServer()).get('/health/live').expect(200);
    const ready = await request(app.getHttpServer()).get('/health/ready').expect(503);
    expect(ready.body.checks['always-down']).toEqual({ status: 'down', error: 'database unreachable' });
    const metrics = await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(metrics.text).toContain('http_server_request_duration_seconds_count');
  });
});
