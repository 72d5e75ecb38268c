/**
 * Generated hostile input against every write operation of the merged OpenAPI document (issue 7):
 * the real services in-process on scratch databases, a real gateway in front of them, real
 * Keycloak tokens (so requests reach the services' pipes and handlers). For every generated request,
 * through the gateway or directly: no 5xx, a problem+json body with a `code`, an answer on the
 * same keep-alive connection pool (no hang); and after the run no table of any service has a row
 * more or less or a newer transaction id than before.
 *
 * CI runs a fixed seed and a short run; `npm run fuzz -- --runs N [--seed S]` runs longer
 * (FUZZ_RUNS, FUZZ_SEED). Figures of long runs: docs/benchmarks.md.
 */
import fc from 'fast-check';
import { appendFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { DEMO_USERS, getToken } from '@capaian/shared/testing';
import { hostileQueryRequest, hostileRequest, type HostileRequest, type ReadOperation, readOperations, type WriteOperation, writeOperations } from './hostile-requests';
import { type Platform, quietSnapshot, startPlatform, type TableStates, tableStates } from './services';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20260703);
const QUERY_RUNS = Number(process.env.FUZZ_QUERY_RUNS ?? 400);

jest.setTimeout(Math.max(180_000, (RUNS + QUERY_RUNS) * 200));

let platform: Platform;
let ops: WriteOperation[];
let reads: ReadOperation[];
let admin: string;
const baseline = new Map<string, { states: TableStates; busy: string[] }>();
const agents = { gateway: new Agent({ keepAlive: true, maxSockets: 4 }), direct: new Agent({ keepAlive: true, maxSockets: 4 }) };

beforeAll(async () => {
  const t0 = Date.now();
  [platform, admin] = await Promise.all([startPlatform(), getToken(DEMO_USERS.hendra.nip)]);
  ops = writeOperations(platform.openApi);
  reads = readOperations(platform.openApi);
  const t1 = Date.now();
  for (const s of platform.services) baseline.set(s.name, await quietSnapshot(s.dataSource));
  if (process.env.FUZZ_LOG) appendFileSync(process.env.FUZZ_LOG, `started in ${t1 - t0} ms, quiet after ${Date.now() - t1} ms; busy: ${[...baseline].map(([n, b]) => `${n}:${b.busy.join(',')}`).join(' ')}\n`);
});

afterAll(async () => {
  agents.gateway.destroy();
  agents.direct.destroy();
  await platform?.close();
});

interface Answer {
  status: number;
  contentType: string;
  body: string;
}

function send(req: Pick<HostileRequest, 'target' | 'path' | 'method' | 'headers' | 'body'> & { op: { service: string } }): Promise<Answer> {
  const base = req.target === 'gateway' ? platform.gatewayUrl : platform.services.find((s) => s.name === req.op.service)!.url;
  const headers: Record<string, string> = { ...req.headers };
  if (req.body) headers['content-length'] = String(req.body.length);
  return new Promise((resolve, reject) => {
    const r = httpRequest(`${base}${req.path}`, { method: req.method, headers, agent: agents[req.target], signal: AbortSignal.timeout(15_000) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    r.on('error', reject);
    r.end(req.body);
  });
}

/** A refusal as the platform answers one: a 4xx problem+json whose `code` is a machine-readable constant. */
function expectRefused(what: string, answer: Answer): void {
  if (answer.status < 400 || answer.status >= 500) throw new Error(`${what} → ${answer.status}: ${answer.body.slice(0, 300)}`);
  if (!answer.contentType.startsWith('application/problem+json')) throw new Error(`${what} → ${answer.status} as ${answer.contentType}: ${answer.body.slice(0, 300)}`);
  const problem = JSON.parse(answer.body) as { code?: unknown; status?: unknown };
  if (typeof problem.code !== 'string' || !/^[A-Z0-9_]+$/.test(problem.code) || problem.status !== answer.status) {
    throw new Error(`${what} → problem without a proper code: ${answer.body.slice(0, 300)}`);
  }
}

const describeRequest = (req: Pick<HostileRequest, 'method' | 'path' | 'target' | 'flaws'>) => `${req.method} ${req.path.slice(0, 200)} via ${req.target} [${req.flaws.join('; ')}]`;

describe('every write operation survives generated hostile input', () => {
  it('finds the write operations of every service in the merged OpenAPI document', () => {
    const services = new Set(ops.map((o) => o.service));
    for (const s of platform.services) expect(services).toContain(s.name);
    expect(ops.filter((o) => o.bodyProperties !== undefined).length).toBeGreaterThan(5);
  });

  it(`answers ${RUNS} generated requests (seed ${SEED}) with a 4xx problem+json and writes nothing`, async () => {
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(hostileRequest(ops, { admin }), async (req) => {
        const what = describeRequest(req);
        const started = Date.now();
        const answer = await send(req).catch((e: Error) => {
          throw new Error(`${what} → no answer: ${e.message}`);
        });
        if (process.env.FUZZ_LOG) appendFileSync(process.env.FUZZ_LOG, `${answer.status} ${Date.now() - started}ms ${what}\n`);
        seen.set(`${req.op.method} ${req.op.path}`, (seen.get(`${req.op.method} ${req.op.path}`) ?? 0) + 1);
        expectRefused(what, answer);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    if (process.env.FUZZ_REPORT) console.log(`operations exercised: ${seen.size}/${ops.length}`);
  });

  it('finds the query parameters of the read operations in the merged OpenAPI document', () => {
    const names = new Set(reads.flatMap((o) => o.query.map((q) => q.name)));
    for (const name of ['year', 'status', 'after', 'q', 'total', 'dari', 'sampai', 'page', 'size']) expect(names).toContain(name);
  });

  // Every GET with query parameters, one parameter hostile per request (NUL, lone surrogates, broken
  // escapes, the parameter twice, thousands of characters, numbers out of range, values outside the
  // enum): each is refused with a 4xx problem+json with a code, never a 5xx or a 2xx.
  it(`answers ${QUERY_RUNS} hostile query parameters of read operations (seed ${SEED}) with a 4xx problem+json`, async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(hostileQueryRequest(reads, { admin }), async (req) => {
        const what = describeRequest(req);
        const answer = await send(req).catch((e: Error) => {
          throw new Error(`${what} → no answer: ${e.message}`);
        });
        if (process.env.FUZZ_LOG) appendFileSync(process.env.FUZZ_LOG, `${answer.status} ${what}\n`);
        seen.add(req.op.path);
        expectRefused(what, answer);
      }),
      { numRuns: QUERY_RUNS, seed: SEED, endOnFailure: true },
    );
    if (process.env.FUZZ_REPORT) console.log(`read operations exercised: ${seen.size}/${reads.length}`);
  });

  it('left every database as it was (row counts and newest transaction id of each table)', async () => {
    for (const s of platform.services) {
      const before = baseline.get(s.name)!;
      const after = await tableStates(s.dataSource);
      const compared = (states: TableStates) => Object.fromEntries(Object.entries(states).filter(([t]) => !before.busy.includes(t)));
      expect({ service: s.name, tables: compared(after) }).toEqual({ service: s.name, tables: compared(before.states) });
    }
  });
});
