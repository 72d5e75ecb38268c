import { createServer, type AddressInfo } from 'node:net';
import { Controller, Get, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { configureHttpApp, isDatabaseUnavailable, JsonLogger, PlatformHttpModule } from './index';

interface PgClient {
  connect(): Promise<void>;
  on(event: 'error', listener: (error: Error) => void): void;
}
// pg ships no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Client } = require('pg') as { Client: new (config: Record<string, unknown>) => PgClient };

/** A port nothing listens on: bound, then closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** What node-postgres really throws when the server refuses the connection. */
async function refusedConnectionError(): Promise<Error> {
  const client = new Client({ host: '127.0.0.1', port: await closedPort(), user: 'x', database: 'x', connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  return client.connect().then(
    () => {
      throw new Error('connected to a closed port');
    },
    (e: Error) => e,
  );
}

/** What node-postgres throws when a server accepts the connection and closes it at once (a proxy or a server shutting down). */
async function droppedConnectionError(): Promise<Error> {
  const server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const client = new Client({ host: '127.0.0.1', port, user: 'x', database: 'x', connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    return await client.connect().then(
      () => {
        throw new Error('connected to a server that closes at once');
      },
      (e: Error) => e,
    );
  } finally {
    server.close();
  }
}

/** A TypeORM query failure as the driver reports it, with the given SQLSTATE. */
function queryFailed(code: string, message: string): QueryFailedError {
  return new QueryFailedError('SELECT 1', [], Object.assign(new Error(message), { code, severity: 'FATAL' }));
}

describe('isDatabaseUnavailable', () => {
  it('recognises a refused and a dropped connection as node-postgres reports them', async () => {
    expect(isDatabaseUnavailable(await refusedConnectionError())).toBe(true);
    expect(isDatabaseUnavailable(await droppedConnectionError())).toBe(true);
  });

  it('recognises a terminated backend, a server shutting down and too many connections inside a TypeORM error', () => {
    expect(isDatabaseUnavailable(queryFailed('57P01', 'terminating connection due to administrator command'))).toBe(true);
    expect(isDatabaseUnavailable(queryFailed('57P03', 'the database system is shutting down'))).toBe(true);
    expect(isDatabaseUnavailable(queryFailed('53300', 'sorry, too many clients already'))).toBe(true);
    expect(isDatabaseUnavailable(queryFailed('08006', 'connection failure'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: new Error('Connection terminated unexpectedly') }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' })]))).toBe(true);
  });

  it('leaves wrong statements, broken rules and bugs alone', () => {
    expect(isDatabaseUnavailable(queryFailed('42601', 'syntax error at or near "SELEC"'))).toBe(false);
    expect(isDatabaseUnavailable(queryFailed('23505', 'duplicate key value violates unique constraint'))).toBe(false);
    expect(isDatabaseUnavailable(queryFailed('40P01', 'deadlock detected'))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });

  // The event inbox relies on this too: a handler that met a closed pool or data source (the
  // process shutting down) must be redelivered, not dead-lettered.
  it('recognises a pool or data source already closed, and a driver error inside a TypeORM one', () => {
    expect(isDatabaseUnavailable(new Error('Cannot use a pool after calling end on the pool'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Driver not Connected'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('DataSource is not initialized'))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('query failed'), { driverError: { code: '53300', message: 'too many clients' } }))).toBe(true);
  });

  // TypeORM releases a transaction's query runner when its connection emits an error (a session
  // terminated with 57P01 mid-transaction); the transaction's next query throws one of these.
  it("recognises TypeORM's query runner released under a transaction whose connection was lost", () => {
    expect(isDatabaseUnavailable(new QueryRunnerAlreadyReleasedError())).toBe(true);
    expect(isDatabaseUnavailable(new QueryRunnerProviderAlreadyReleasedError())).toBe(true);
  });

  it('survives a cause cycle', () => {
    const a: { message: string; cause?: unknown } = { message: 'a' };
    a.cause = a;
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});

let refused: Error;
let dropped: Error;

@Controller('db')
class DatabaseController {
  @Get('refused')
  refused() {
    throw refused;
  }
  @Get('dropped')
  dropped() {
    throw dropped;
  }
  @Get('terminated')
  terminated() {
    throw queryFailed('57P01', 'terminating connection due to administrator command');
  }
  @Get('bad-sql')
  badSql() {
    throw queryFailed('42601', 'syntax error at or near "SELEC"');
  }
}

@Module({ imports: [PlatformHttpModule], controllers: [DatabaseController] })
class TestModule {}

describe('a database out of reach as problem+json', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    refused = await refusedConnectionError();
    dropped = await droppedConnectionError();
    const moduleRef = await Test.createTestingModule({ imports: [TestModule] }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: new JsonLogger('test', 'error') });
    configureHttpApp(app, 'demo', { title: 'demo' });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(() => app.close());

  it.each(['refused', 'dropped', 'terminated'])('%s connection → 503 LAYANAN_TIDAK_TERSEDIA with Retry-After', async (path) => {
    const res = await request(app.getHttpServer()).get(`/api/v1/demo/db/${path}`).expect(503);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body).toMatchObject({ status: 503, code: 'LAYANAN_TIDAK_TERSEDIA' });
    // Nothing of the driver's English reaches the client.
    expect(JSON.stringify({ ...res.body, instance: undefined })).not.toMatch(/ECONNREFUSED|terminat|Connection/);
  });

  it('a wrong statement stays a 500 without Retry-After', async () => {
    const res = await request(app.getHttpServer()).get('/api/v1/demo/db/bad-sql').expect(500);
    expect(res.body.code).toBe('KESALAHAN_INTERNAL');
    expect(res.headers['retry-after']).toBeUndefined();
  });
});
