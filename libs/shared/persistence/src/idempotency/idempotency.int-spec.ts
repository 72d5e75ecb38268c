import { Body, type CanActivate, Controller, type ExecutionContext, HttpCode, Injectable, Module, Post, Res } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { configureHttpApp, PlatformHttpModule, ProblemException } from '@capaian/shared/http';
import { dataSourceOptions, runMigrations } from '../data-source';
import { PersistenceModule } from '../persistence.module';
import { CreateIdempotencyKeys1764600000000, IdempotencyKeyEntity } from './idempotency-key.entity';
import { IdempotencyModule } from './idempotency.module';
import { IdempotencyStore } from './idempotency.store';
import { Idempotent } from './idempotent.decorator';

/**
 * The Idempotency-Key mechanism in a tiny Nest app on a real PostgreSQL scratch database
 * (`capaian_idempotency_test`, created here as the superuser): effects are counted in a demo table.
 */
const DB = 'capaian_idempotency_test';
const db = (database: string) => ({ host: '127.0.0.1', port: 5432, database, username: 'postgres', password: 'postgres', poolSize: 10 });

class CreateThingDto {
  @IsString()
  @MaxLength(50)
  name!: string;

  /** Makes the handler slow, to overlap duplicates. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2000)
  delayMs?: number;
}

/** Stands in for the real auth guard: the caller is whoever `x-test-subject` names. */
@Injectable()
class FakePrincipalGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    const subject = String(req.headers['x-test-subject'] ?? 'alice');
    // Only `subject` matters here; the cast keeps this lib free of @capaian/shared/auth.
    (req as { principal?: unknown }).principal = { subject, username: subject, roles: [], isServiceAccount: false, token: '' };
    return true;
  }
}

@Controller('things')
class ThingsController {
  constructor(private readonly dataSource: DataSource) {}

  @Post()
  @HttpCode(201)
  @Idempotent()
  async create(@Body() body: CreateThingDto, @Res({ passthrough: true }) reply: FastifyReply) {
    if (body.delayMs) await new Promise((resolve) => setTimeout(resolve, body.delayMs));
    if (body.name === 'terlarang') throw new ProblemException(422, 'NAMA_TERLARANG', 'Nama ini tidak boleh dipakai');
    const [row] = await this.dataSource.query(`INSERT INTO idempotency_demo (name) VALUES ($1) RETURNING id, name`, [body.name]);
    reply.header('location', `/things/${row.id}`);
    return { id: row.id, name: row.name, createdAt: new Date() };
  }

  @Post('broken')
  @Idempotent()
  async broken(@Body() body: CreateThingDto) {
    await this.dataSource.query(`INSERT INTO idempotency_demo (name) VALUES ($1)`, [body.name]);
    throw new Error('simulated failure after a write');
  }

  @Post('plain')
  @HttpCode(201)
  async plain(@Body() body: CreateThingDto) {
    const [row] = await this.dataSource.query(`INSERT INTO idempotency_demo (name) VALUES ($1) RETURNING id`, [body.name]);
    return { id: row.id };
  }
}

const options = dataSourceOptions(db(DB), [IdempotencyKeyEntity], [CreateIdempotencyKeys1764600000000]);

@Module({
  imports: [PlatformHttpModule, PersistenceModule.forRoot(options), IdempotencyModule],
  controllers: [ThingsController],
  providers: [{ provide: APP_GUARD, useClass: FakePrincipalGuard }],
})
class DemoModule {}

describe('Idempotency-Key (real PostgreSQL)', () => {
  let app: NestFastifyApplication;
  let dataSource: DataSource;
  const http = () => request(app.getHttpServer());
  const post = (path: string, key: string | undefined, body: object, subject = 'alice') => {
    const r = http().post(`/api/v1/demo/things${path}`).set('x-test-subject', subject);
    return (key === undefined ? r : r.set('idempotency-key', key)).send(body);
  };
  const rows = async (name: string): Promise<number> => (await dataSource.query(`SELECT count(*)::int AS n FROM idempotency_demo WHERE name = $1`, [name]))[0].n;
  let seq = 0;
  const unique = (label: string) => `${label}-${process.pid}-${Date.now()}-${++seq}`;

  beforeAll(async () => {
    const admin = new DataSource(dataSourceOptions(db('postgres'), [], []));
    await admin.initialize();
    try {
      const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [DB]);
      if (exists.length === 0) await admin.query(`CREATE DATABASE ${DB}`);
    } finally {
      await admin.destroy();
    }
    await runMigrations(options);
    const moduleRef = await Test.createTestingModule({ imports: [DemoModule] }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
    configureHttpApp(app, 'demo', { title: 'demo' });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    dataSource = app.get(DataSource);
    await dataSource.query(`CREATE TABLE IF NOT EXISTS idempotency_demo (id serial PRIMARY KEY, name text NOT NULL)`);
    await dataSource.query(`TRUNCATE idempotency_demo, idempotency_key`);
  }, 30_000);

  afterAll(async () => {
    await app?.close();
  });

  it('runs the same key + body once and replays the same answer with Idempotency-Replayed', async () => {
    const key = unique('k');
    const first = await post('', key, { name: 'satu' }).expect(201);
    expect(first.headers['idempotency-replayed']).toBeUndefined();
    const second = await post('', key, { name: 'satu' }).expect(201);
    expect(second.headers['idempotency-replayed']).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(second.headers.location).toBe(first.headers.location);
    expect(await rows('satu')).toBe(1);
    const [stored] = await dataSource.query(`SELECT state, response_status, method, path FROM idempotency_key WHERE key = $1`, [key]);
    expect(stored).toEqual({ state: 'DONE', response_status: 201, method: 'POST', path: '/api/v1/demo/things' });
  });

  it('treats the same body with another key order as the same request', async () => {
    const key = unique('k');
    const first = await post('', key, { name: 'urutan', delayMs: 0 }).expect(201);
    const second = await post('', key, { delayMs: 0, name: 'urutan' }).expect(201);
    expect(second.body.id).toBe(first.body.id);
    expect(await rows('urutan')).toBe(1);
  });

  it('refuses the same key with a different body with 422 and runs nothing', async () => {
    const key = unique('k');
    await post('', key, { name: 'dua' }).expect(201);
    const res = await post('', key, { name: 'dua-lain' }).expect(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.code).toBe('IDEMPOTENCY_KEY_DIPAKAI_ULANG');
    expect(await rows('dua-lain')).toBe(0);
  });

  it('lets concurrent duplicates run the effect exactly once; the others get 409 or the replay', async () => {
    const key = unique('k');
    const results = await Promise.all([0, 1, 2, 3].map(() => post('', key, { name: 'serentak', delayMs: 300 })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const original = results.filter((r) => r.status === 201 && r.headers['idempotency-replayed'] === undefined);
    expect(original).toHaveLength(1);
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.code).toBe('IDEMPOTENCY_KEY_SEDANG_DIPROSES');
    expect(await rows('serentak')).toBe(1);
    // Once finished, the key answers with the replay.
    const after = await post('', key, { name: 'serentak', delayMs: 300 }).expect(201);
    expect(after.headers['idempotency-replayed']).toBe('true');
    expect(after.body.id).toBe(original[0].body.id);
  });

  it('keeps nothing for a refused request (400 or 422), so its retry runs again with no effect', async () => {
    const key = unique('k');
    const first = await post('', key, { name: 42 }).expect(400);
    expect(first.headers['content-type']).toContain('application/problem+json');
    expect(first.body.errors?.length).toBeGreaterThan(0);
    expect(await dataSource.query(`SELECT 1 FROM idempotency_key WHERE key = $1`, [key])).toEqual([]);
    const second = await post('', key, { name: 42 }).expect(400);
    expect(second.headers['idempotency-replayed']).toBeUndefined();
    // The client corrects the body and may use the same key: the request runs.
    const fixed = await post('', key, { name: 'diperbaiki' }).expect(201);
    expect(fixed.headers['idempotency-replayed']).toBeUndefined();

    const key2 = unique('k');
    const refused = await post('', key2, { name: 'terlarang' }).expect(422);
    expect(refused.body.code).toBe('NAMA_TERLARANG');
    expect(await dataSource.query(`SELECT 1 FROM idempotency_key WHERE key = $1`, [key2])).toEqual([]);
    const again = await post('', key2, { name: 'terlarang' }).expect(422);
    expect(again.headers['idempotency-replayed']).toBeUndefined();
    expect(again.body.code).toBe('NAMA_TERLARANG');
  });

  it('does not keep a 5xx: the claim is dropped and a retry runs again', async () => {
    const key = unique('k');
    await post('/broken', key, { name: 'rusak' }).expect(500);
    const retry = await post('/broken', key, { name: 'rusak' }).expect(500);
    expect(retry.headers['idempotency-replayed']).toBeUndefined();
    expect(await rows('rusak')).toBe(2);
    expect(await dataSource.query(`SELECT 1 FROM idempotency_key WHERE key = $1`, [key])).toHaveLength(0);
  });

  it('changes nothing without the key, or on handlers not marked @Idempotent()', async () => {
    const a = await post('', undefined, { name: 'tanpa-kunci' }).expect(201);
    const b = await post('', undefined, { name: 'tanpa-kunci' }).expect(201);
    expect(a.body.id).not.toBe(b.body.id);
    expect(b.headers['idempotency-replayed']).toBeUndefined();
    expect(await rows('tanpa-kunci')).toBe(2);

    const key = unique('k');
    await post('/plain', key, { name: 'polos' }).expect(201);
    await post('/plain', key, { name: 'polos' }).expect(201);
    expect(await rows('polos')).toBe(2);
    expect(await dataSource.query(`SELECT 1 FROM idempotency_key WHERE key = $1`, [key])).toHaveLength(0);
  });

  it('rejects a malformed key with 400 IDEMPOTENCY_KEY_TIDAK_VALID before running anything', async () => {
    const res = await post('', 'bukan kunci!', { name: 'kunci-buruk' }).expect(400);
    expect(res.body.code).toBe('IDEMPOTENCY_KEY_TIDAK_VALID');
    await post('', 'x'.repeat(201), { name: 'kunci-buruk' }).expect(400);
    expect(await rows('kunci-buruk')).toBe(0);
  });

  it('scopes keys per principal', async () => {
    const key = unique('k');
    const alice = await post('', key, { name: 'per-orang' }, 'alice').expect(201);
    const bob = await post('', key, { name: 'per-orang' }, 'bob').expect(201);
    expect(bob.headers['idempotency-replayed']).toBeUndefined();
    expect(bob.body.id).not.toBe(alice.body.id);
    expect(await rows('per-orang')).toBe(2);
    // A different body under the same key is fine for someone else, too.
    await post('', key, { name: 'per-orang-lain' }, 'carol').expect(201);
  });

  it('ignores and prunes keys older than 24 hours', async () => {
    const key = unique('k');
    const first = await post('', key, { name: 'kedaluwarsa' }).expect(201);
    await dataSource.query(`UPDATE idempotency_key SET created_at = now() - interval '25 hours' WHERE key = $1`, [key]);
    const second = await post('', key, { name: 'kedaluwarsa' }).expect(201);
    expect(second.headers['idempotency-replayed']).toBeUndefined();
    expect(second.body.id).not.toBe(first.body.id);

    await dataSource.query(`UPDATE idempotency_key SET created_at = now() - interval '25 hours' WHERE key = $1`, [key]);
    expect(await app.get(IdempotencyStore).prune()).toBeGreaterThanOrEqual(1);
    expect(await dataSource.query(`SELECT 1 FROM idempotency_key WHERE key = $1`, [key])).toHaveLength(0);
  });
});
