import { Controller, Get, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { ViolationError, defineMessages } from '@capaian/kinerja';
import request from 'supertest';
import { configureHttpApp, JsonLogger, PlatformHttpModule } from './index';

const Shelf = defineMessages('test-shelf', {
  RAK_TIDAK_DITEMUKAN: { kind: 'not-found', message: 'Rak {ref} tidak ditemukan' },
  RAK_PENUH: { kind: 'rule', message: 'Rak sudah penuh' },
  RAK_SUDAH_ADA: { kind: 'conflict', message: 'Rak dengan kode itu sudah ada' },
  BUKAN_PENGELOLA_RAK: { kind: 'forbidden', message: 'Anda bukan pengelola rak ini' },
  KODE_RAK_TIDAK_VALID: { kind: 'invalid', message: 'Kode rak harus tiga huruf' },
});

@Controller('shelves')
class ShelfController {
  @Get('missing')
  missing() {
    throw Shelf.error('RAK_TIDAK_DITEMUKAN', { ref: 'A1' });
  }
  @Get('full')
  full() {
    throw Shelf.error('RAK_PENUH', {}, 'isi');
  }
  @Get('duplicate')
  duplicate() {
    throw Shelf.error('RAK_SUDAH_ADA');
  }
  @Get('not-yours')
  notYours() {
    throw Shelf.error('BUKAN_PENGELOLA_RAK');
  }
  @Get('bad-codes')
  badCodes() {
    throw new ViolationError([Shelf.violation('KODE_RAK_TIDAK_VALID', {}, 'kode.0'), Shelf.violation('KODE_RAK_TIDAK_VALID', {}, 'kode.1')]);
  }
  @Get('mixed')
  mixed() {
    throw new ViolationError([Shelf.violation('KODE_RAK_TIDAK_VALID', {}, 'kode'), Shelf.violation('RAK_PENUH')]);
  }
}

@Module({ imports: [PlatformHttpModule], controllers: [ShelfController] })
class TestModule {}

describe('violations as problem+json', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [TestModule] }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: new JsonLogger('test', 'error') });
    configureHttpApp(app, 'demo', { title: 'demo' });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(() => app.close());

  it.each([
    ['missing', 404, 'RAK_TIDAK_DITEMUKAN', 'Rak A1 tidak ditemukan'],
    ['full', 422, 'RAK_PENUH', 'Rak sudah penuh'],
    ['duplicate', 409, 'RAK_SUDAH_ADA', 'Rak dengan kode itu sudah ada'],
    ['not-yours', 403, 'BUKAN_PENGELOLA_RAK', 'Anda bukan pengelola rak ini'],
    ['bad-codes', 400, 'VALIDASI_GAGAL', 'Data yang dikirim tidak valid'],
    ['mixed', 422, 'ATURAN_DILANGGAR', 'Data tidak memenuhi aturan yang berlaku'],
  ])('GET %s → %i %s', async (path, status, code, title) => {
    const res = await request(app.getHttpServer()).get(`/api/v1/demo/shelves/${path}`).expect(status);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status, code, title });
  });

  it('lists the field of a single violation and every violation of several', async () => {
    const full = await request(app.getHttpServer()).get('/api/v1/demo/shelves/full');
    expect(full.body.errors).toEqual([{ field: 'isi', code: 'RAK_PENUH', message: 'Rak sudah penuh' }]);
    const missing = await request(app.getHttpServer()).get('/api/v1/demo/shelves/missing');
    expect(missing.body.errors).toBeUndefined();
    const mixed = await request(app.getHttpServer()).get('/api/v1/demo/shelves/mixed');
    expect(mixed.body.errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`)).toEqual(['kode:KODE_RAK_TIDAK_VALID', ':RAK_PENUH']);
  });
});
