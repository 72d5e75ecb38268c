import { Body, Controller, Get, HttpCode, Module, Param, Patch, Post, Query } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { Agent, request as httpRequest } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import request from 'supertest';
import { configureHttpApp, createHttpAdapter, isUnstorableText, JsonLogger, jsonDepth, MAX_JSON_DEPTH, PlatformHttpModule } from './index';

class Alamat {
  @IsOptional()
  @IsString()
  @MaxLength(50)
  kota?: string;
}

class CreateThing {
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  nama: string;

  @IsInt()
  @Min(1)
  jumlah: number;
}

class UpdateThing {
  @IsOptional()
  @IsString()
  @MaxLength(20)
  nama?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  catatan?: string | null;

  @IsOptional()
  @ValidateNested()
  @Type(() => Alamat)
  alamat?: Alamat;
}

@Controller('things')
class ThingController {
  @Post()
  create(@Body() body: CreateThing) {
    return body;
  }

  @Patch(':ref')
  @HttpCode(200)
  update(@Param('ref') ref: string, @Body() body: UpdateThing) {
    // What a handler does with a body it trusts: reads its properties.
    return { ref, nama: body.nama ?? null, kota: body.alamat?.kota ?? null, catatan: body.catatan };
  }

  @Get(':ref')
  find(@Param('ref') ref: string, @Query('q') q?: string) {
    return { ref, q: q ?? null };
  }
}

@Module({ imports: [PlatformHttpModule], controllers: [ThingController] })
class TestModule {}

const PROBLEM = /^application\/problem\+json/;

describe('the platform edge against hostile input', () => {
  let app: NestFastifyApplication;
  let url: string;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [TestModule] }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(), { logger: new JsonLogger('test', 'error') });
    configureHttpApp(app, 'demo', { title: 'demo' });
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(() => app.close());

  const post = (body: string, contentType = 'application/json') => request(url).post('/api/v1/demo/things').set('content-type', contentType).send(body);
  const patch = (body: string, ref = 'a') => request(url).patch(`/api/v1/demo/things/${ref}`).set('content-type', 'application/json').send(body);

  describe('nesting', () => {
    it('measures depth on the bytes, skipping strings and escapes', () => {
      expect(jsonDepth(Buffer.from('{"a":[1,{"b":"[[[{{{\\"]]"}]}'))).toBe(3);
      expect(jsonDepth(Buffer.from('"{\\\\"'))).toBe(0);
      expect(jsonDepth(Buffer.from('['.repeat(1000)), 10)).toBe(11);
    });

    it.each([
      ['an array nested 100,000 levels', '['.repeat(100_000) + ']'.repeat(100_000)],
      ['an object nested 50,000 levels', '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000)],
      ['a field holding deeply nested objects', `{"nama":"x","jumlah":1,"extra":${'{"b":'.repeat(10_000)}1${'}'.repeat(10_000)}}`],
      ['unclosed nesting', '['.repeat(40)],
    ])('%s → 400 JSON_TERLALU_DALAM, never a stack overflow', async (_name, body) => {
      const res = await post(body).expect(400);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body).toMatchObject({ status: 400, code: 'JSON_TERLALU_DALAM' });
    });

    it(`accepts nesting up to ${MAX_JSON_DEPTH} levels and leaves it to validation`, async () => {
      const body = `{"nama":"x","jumlah":1,"alamat":${'{"a":'.repeat(MAX_JSON_DEPTH - 2)}1${'}'.repeat(MAX_JSON_DEPTH - 2)}}`;
      const res = await post(body).expect(400);
      expect(res.body.code).toBe('VALIDASI_GAGAL');
    });
  });

  describe('only JSON bodies', () => {
    it.each([
      ['application/x-www-form-urlencoded', 'nama=meja&jumlah=2'],
      ['text/plain', '{"nama":"meja","jumlah":2}'],
      ['application/xml', '<a/>'],
      ['multipart/form-data; boundary=x', '--x\r\n\r\n--x--'],
    ])('%s → 415 problem+json in Bahasa Indonesia', async (contentType, body) => {
      const res = await post(body, contentType).expect(415);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body).toMatchObject({ status: 415, code: 'JENIS_KONTEN_TIDAK_DIDUKUNG' });
      expect(res.body.title).toMatch(/JSON/);
      expect(JSON.stringify(res.body)).not.toMatch(/Validation failed|object is expected|Unsupported/);
    });

    it('a body without a content type → 415', async () => {
      const res = await request(url).post('/api/v1/demo/things').unset('content-type').send(Buffer.from('{"nama":"meja","jumlah":2}'));
      expect([400, 415]).toContain(res.status);
      expect(res.headers['content-type']).toMatch(PROBLEM);
    });

    it('still accepts JSON with a charset', async () => {
      await post('{"nama":"meja","jumlah":2}', 'application/json; charset=utf-8').expect(201);
    });
  });

  describe('text PostgreSQL cannot store', () => {
    it('recognises NUL and lone surrogates, and accepts paired ones', () => {
      expect(isUnstorableText('a\u0000b')).toBe(true);
      expect(isUnstorableText('\ud800')).toBe(true);
      expect(isUnstorableText('x\udc00')).toBe(true);
      expect(isUnstorableText('😀 Palembang')).toBe(false);
    });

    it.each([
      ['NUL in a field', '{"nama":"me\\u0000ja","jumlah":2}', 'nama'],
      ['a lone high surrogate', '{"nama":"\\ud800","jumlah":2}', 'nama'],
      ['a lone low surrogate in a nested field', '{"nama":"a","jumlah":2,"x":[{"y":"\\udfff"}]}', 'x.0.y'],
    ])('%s → 400 with a field-level code', async (_name, body, field) => {
      const res = await post(body).expect(400);
      expect(res.body.code).toBe('VALIDASI_GAGAL');
      expect(res.body.errors).toEqual([expect.objectContaining({ field, code: 'KARAKTER_TIDAK_DIIZINKAN' })]);
    });

    it('a NUL in a field name → 400', async () => {
      const res = await post('{"na\\u0000ma":"a","jumlah":2}').expect(400);
      expect(res.body.errors[0].code).toBe('KARAKTER_TIDAK_DIIZINKAN');
    });

    it('bytes that are not UTF-8 → 400 JSON_TIDAK_VALID', async () => {
      const body = Buffer.concat([Buffer.from('{"nama":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('","jumlah":2}')]);
      const res = await fetch(`${url}/api/v1/demo/things`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { code: string }).code).toBe('JSON_TIDAK_VALID');
    });

    it('in a path parameter or a query → 400 naming it', async () => {
      const path = await request(url).get('/api/v1/demo/things/abc%00def').expect(400);
      expect(path.headers['content-type']).toMatch(PROBLEM);
      expect(path.body.errors).toEqual([expect.objectContaining({ field: 'path.ref', code: 'KARAKTER_TIDAK_DIIZINKAN' })]);
      const query = await request(url).get('/api/v1/demo/things/abc?q=%00').expect(400);
      expect(query.body.errors).toEqual([expect.objectContaining({ field: 'query.q', code: 'KARAKTER_TIDAK_DIIZINKAN' })]);
      await request(url).get('/api/v1/demo/things/abc?q=Palembang').expect(200);
    });

    it('a parameter read as one text but sent twice → 400, not an array handed to the handler', async () => {
      const res = await request(url).get('/api/v1/demo/things/abc?q=a&q=b').expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'query.q', code: 'PARAMETER_GANDA' })]);
    });

    it('a query whose percent-encoding is not UTF-8 → 400 naming it, not the raw escape handed on', async () => {
      for (const query of ['q=%ED%B0%80', 'q=%zz', 'q=%C3%28']) {
        const res = await request(url).get(`/api/v1/demo/things/abc?${query}`).expect(400);
        expect(res.body.errors).toEqual([expect.objectContaining({ field: 'query.q', code: 'PENGODEAN_TIDAK_VALID' })]);
      }
      expect((await request(url).get('/api/v1/demo/things/abc?q=caf%C3%A9+baru').expect(200)).body.q).toBe('café baru');
    });
  });

  describe('null', () => {
    it.each(['null', '"teks"', '42', '[]', 'true'])('a body that is just %s → 400 ISI_HARUS_OBJEK', async (body) => {
      for (const send of [() => post(body), () => patch(body)]) {
        const res = await send().expect(400);
        expect(res.headers['content-type']).toMatch(PROBLEM);
        expect(res.body.code).toBe('ISI_HARUS_OBJEK');
      }
    });

    it('every field null on a PATCH → 400 listing the fields that do not take null, not a 500', async () => {
      const res = await patch('{"nama":null,"catatan":null,"alamat":null}').expect(400);
      const fields = res.body.errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`);
      expect(fields.sort()).toEqual(['alamat:IS_NOT_NULL', 'nama:IS_NOT_NULL']);
    });

    it('null in a nested DTO → 400; a field declared nullable takes null', async () => {
      const nested = await patch('{"alamat":{"kota":null}}').expect(400);
      expect(nested.body.errors).toEqual([expect.objectContaining({ field: 'alamat.kota', code: 'IS_NOT_NULL' })]);
      const ok = await patch('{"catatan":null}').expect(200);
      expect(ok.body).toEqual({ ref: 'a', nama: null, kota: null, catatan: null });
    });

    it('a missing or null required field says "Wajib diisi", not "Teks terlalu panjang"', async () => {
      for (const body of ['{"jumlah":1}', '{"nama":null,"jumlah":1}']) {
        const res = await post(body).expect(400);
        expect(res.body.errors).toEqual([{ field: 'nama', code: 'IS_STRING', message: 'Wajib diisi' }]);
      }
    });
  });

  describe('URLs', () => {
    it('a path parameter over 100 characters → 414 problem+json that does not echo the URL', async () => {
      const long = 'x'.repeat(150);
      const res = await request(url).get(`/api/v1/demo/things/${long}`).expect(414);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body).toMatchObject({ status: 414, code: 'ALAMAT_TERLALU_PANJANG' });
      expect(res.body.title).toMatch(/karakter/);
      expect(JSON.stringify(res.body)).not.toContain(long);
      expect(res.body.correlationId).toBe(res.headers['x-correlation-id']);
    });

    it('a broken percent-encoding → 400 problem+json', async () => {
      const res = await request(url).get('/api/v1/demo/things/%E0%A4%A').expect(400);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body.code).toMatch(/^[A-Z_]+$/);
    });
  });

  describe('malformed HTTP', () => {
    it.each([
      ['a request line that is not HTTP', 'BUKAN HTTP SAMA SEKALI\r\n\r\n', 400],
      ['a header without a colon', 'GET /api/v1/demo/things/a HTTP/1.1\r\nHost: x\r\nheader tanpa titik dua\r\n\r\n', 400],
      ['headers over the limit', `GET /api/v1/demo/things/a HTTP/1.1\r\nHost: x\r\nX-Besar: ${'b'.repeat(20_000)}\r\n\r\n`, 431],
    ])('%s → %i problem+json', async (_name, raw, status) => {
      const { port } = new URL(url);
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1', () => socket.end(raw));
        const chunks: Buffer[] = [];
        socket.on('data', (c: Buffer) => chunks.push(c));
        socket.on('close', () => resolve(Buffer.concat(chunks).toString()));
        socket.on('error', reject);
      });
      expect(answer).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
      expect(answer).toContain('Content-Type: application/problem+json');
      expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ status, code: expect.stringMatching(/^[A-Z_]+$/) });
    });
  });

  describe('size', () => {
    it('a body over the limit → 413 problem+json, and the keep-alive connection stays usable', async () => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      const send = (body: Buffer) =>
        new Promise<{ status: number; body: string; socket: unknown }>((resolve, reject) => {
          const req = httpRequest(`${url}/api/v1/demo/things`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': body.length } }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString(), socket: req.socket }));
          });
          req.on('error', reject);
          req.end(body);
        });
      try {
        const big = await send(Buffer.from(`{"nama":"${'a'.repeat(1_100_000)}","jumlah":1}`));
        expect(big.status).toBe(413);
        expect(JSON.parse(big.body)).toMatchObject({ code: 'MUATAN_TERLALU_BESAR' });
        const next = await send(Buffer.from('{"nama":"meja","jumlah":2}'));
        expect(next.status).toBe(201);
        expect(next.socket).toBe(big.socket);
      } finally {
        agent.destroy();
      }
    });
  });
});
