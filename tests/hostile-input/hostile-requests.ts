import fc from 'fast-check';
import type { OpenApiDocument } from '../../apps/gateway/src/openapi/merge-openapi';

/** A write operation of the merged OpenAPI document, with what the generators need to know of it. */
export interface WriteOperation {
  service: string;
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The path template, e.g. `/api/v1/personnel/units/{ref}`. */
  path: string;
  pathParams: string[];
  queryParams: string[];
  /** Property names of the JSON body's schema; undefined when the operation takes no JSON body. */
  bodyProperties?: string[];
  /** Media types the operation accepts besides JSON (e.g. the personnel import's CSV/XLSX). */
  otherMediaTypes: string[];
}

const WRITE_METHODS = ['post', 'put', 'patch', 'delete'] as const;

type Schema = { $ref?: string; properties?: Record<string, unknown>; allOf?: Schema[] };

function resolve(doc: OpenApiDocument, schema: Schema | undefined, depth = 0): Schema | undefined {
  if (!schema || depth > 5) return schema;
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop() ?? '';
    return resolve(doc, (doc.components?.schemas as Record<string, Schema> | undefined)?.[name], depth + 1);
  }
  if (schema.allOf) {
    const properties = Object.assign({}, ...schema.allOf.map((s) => resolve(doc, s, depth + 1)?.properties ?? {}));
    return { properties };
  }
  return schema;
}

/** Every write operation of the document, so that a new route is covered without editing the suite. */
export function writeOperations(doc: OpenApiDocument): WriteOperation[] {
  const ops: WriteOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    const service = /^\/api\/v1\/([^/]+)\//.exec(path)?.[1];
    if (!service || service === 'gateway') continue;
    for (const method of WRITE_METHODS) {
      const op = item[method] as
        | { parameters?: { in: string; name: string }[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }
        | undefined;
      if (!op) continue;
      const content = op.requestBody?.content ?? {};
      const json = content['application/json'];
      ops.push({
        service,
        method: method.toUpperCase() as WriteOperation['method'],
        path,
        pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        bodyProperties: json ? Object.keys(resolve(doc, json.schema)?.properties ?? {}) : undefined,
        otherMediaTypes: Object.keys(content).filter((t) => t !== 'application/json'),
      });
    }
  }
  return ops;
}

export interface HostileRequest {
  target: 'gateway' | 'direct';
  op: WriteOperation;
  method: string;
  /** The raw request target, percent-encoding included, exactly as sent. */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** What makes the request malformed, for the failure report. */
  flaws: string[];
}

// ---- path segments and query values, raw (percent-encoded as sent) ----

const word = fc.stringMatching(/^[a-zA-Z0-9]{1,12}$/);
const benignSegment = fc.oneof(word, fc.uuid(), fc.stringMatching(/^[0-9]{18}$/), fc.constantFrom('BKPSDM', 'DISKOMINFO', '2026'));

const hostileSegment: fc.Arbitrary<[string, string]> = fc.oneof(
  fc.tuple(word, word).map(([a, b]): [string, string] => [`${a}%00${b}`, 'NUL in the path']),
  word.map((a): [string, string] => [`${a}%ED%A0%80`, 'lone surrogate bytes in the path']),
  fc.integer({ min: 101, max: 600 }).map((n): [string, string] => ['p'.repeat(n), `a path parameter of ${n} characters`]),
  fc.constantFrom('%E0%A4%A', '%', '%zz', '%C3%28', '%FF%FE').map((s): [string, string] => [s, `broken percent-encoding ${s}`]),
);

const hostileQueryValue: fc.Arbitrary<[string, string]> = fc.oneof(
  word.map((a): [string, string] => [`${a}%00`, 'NUL in the query']),
  fc.constant<[string, string]>(['%00', 'NUL in the query']),
  word.map((a): [string, string] => [`%ED%B0%80${a}`, 'lone surrogate bytes in the query']),
);

const noiseQueryValue = fc.oneof(word, fc.constant(''), fc.integer({ min: 1000, max: 6000 }).map((n) => 'q'.repeat(n)), fc.constant('%C3%A9'));

// ---- bodies ----

function deepJson(depth: number, kind: 'array' | 'object', inField: boolean): string {
  const open = kind === 'array' ? '[' : '{"a":';
  const close = kind === 'array' ? ']' : '}';
  const nested = open.repeat(depth) + '1' + close.repeat(depth);
  return inField ? `{"nama":"x","isi":${nested}}` : nested;
}

const unstorable = fc.constantFrom('\u0000', '\ud800', '\udfff', 'a\u0000b', 'x\udbff');
const jsonScalar = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null));

interface BodyCase {
  text: string | Buffer;
  contentType: string | undefined;
  flaw: string;
}

function plausibleObject(properties: string[]): fc.Arbitrary<Record<string, unknown>> {
  if (properties.length === 0) return fc.constant({});
  return fc.subarray(properties).chain((keys) => fc.tuple(...keys.map(() => jsonScalar)).map((values) => Object.fromEntries(keys.map((k, i) => [k, values[i]]))));
}

/** JSON bodies for an operation that takes JSON: each is malformed in at least one way. */
function jsonBodyCases(op: WriteOperation): fc.Arbitrary<BodyCase> {
  const properties = op.bodyProperties ?? [];
  const json = 'application/json';
  return fc.oneof(
    fc
      .tuple(fc.integer({ min: 33, max: 60_000 }), fc.constantFrom<'array' | 'object'>('array', 'object'), fc.boolean())
      .map(([depth, kind, inField]) => ({ text: deepJson(depth, kind, inField), contentType: json, flaw: `JSON nested ${depth} levels (${kind}${inField ? ' in a field' : ''})` })),
    fc
      .tuple(plausibleObject(properties), fc.constantFrom(...(properties.length > 0 ? properties : ['nama'])), unstorable)
      .map(([base, field, bad]) => ({ text: JSON.stringify({ ...base, [field]: bad }), contentType: json, flaw: `unstorable text in ${field}` })),
    fc.constantFrom('null', '"teks"', '0', '[]', 'true', '[{}]').map((text) => ({ text, contentType: json, flaw: `a body that is just ${text}` })),
    fc.constant({ text: JSON.stringify(Object.fromEntries((properties.length > 0 ? properties : ['nama']).map((p) => [p, null]))), contentType: json, flaw: 'every field null' }).chain((c) =>
      // Every field null is valid only when every field is declared nullable: add an unknown one too.
      fc.boolean().map((withUnknown) => (withUnknown ? { ...c, text: c.text.replace(/^\{/, '{"kolomAsing":1,').replace(',}', '}'), flaw: `${c.flaw} and an unknown field` } : c)),
    ),
    fc
      .tuple(plausibleObject(properties), word)
      .map(([base, unknown]) => ({ text: JSON.stringify({ ...base, [`asing_${unknown}`]: 1 }), contentType: json, flaw: `an unknown field asing_${unknown}` })),
    fc
      .tuple(plausibleObject(properties), fc.integer({ min: 1, max: 40 }))
      .map(([base, cut]) => {
        const text = JSON.stringify({ ...base, nama: 'x'.repeat(50) });
        return { text: text.slice(0, Math.max(1, text.length - cut)), contentType: json, flaw: 'truncated JSON' };
      }),
    fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => ({
      text: Buffer.concat([Buffer.from('{"nama":"'), Buffer.from([0xff, 0xfe]), Buffer.from(bytes), Buffer.from('"}')]),
      contentType: json,
      flaw: 'bytes that are not UTF-8',
    })),
    fc.integer({ min: 1_048_600, max: 1_300_000 }).map((n) => ({ text: `{"nama":"${'a'.repeat(n)}"}`, contentType: json, flaw: `a body of ${n} bytes` })),
    wrongMediaType(op, plausibleObject(properties)),
  );
}

/** A body in another format than the operation takes (form, text, XML, none...). */
function wrongMediaType(op: WriteOperation, object: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<BodyCase> {
  const types = ['application/x-www-form-urlencoded', 'text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/octet-stream', undefined].filter(
    (t) => t === undefined || !op.otherMediaTypes.includes(t.split(';')[0]),
  );
  return fc.tuple(object, fc.constantFrom(...types)).map(([value, contentType]) => {
    const text =
      contentType === 'application/x-www-form-urlencoded'
        ? new URLSearchParams(Object.entries({ ...value, asing: 'x' }).map(([k, v]): [string, string] => [k, String(v)])).toString()
        : JSON.stringify({ ...value, asing: 'x' });
    return { text, contentType, flaw: `a body sent as ${contentType ?? 'no content type'}` };
  });
}

const badAuthorization = fc.constantFrom<[string | undefined, string]>([undefined, 'no token'], ['Bearer bukan-token', 'a malformed token'], ['Basic YWRtaW46YWRtaW4=', 'basic auth']);

/**
 * Idempotency-Key values, malformed and valid: a refused request must not leave its key behind either
 * (only successful answers are remembered).
 */
const badIdempotencyKey = fc.oneof(
  fc.constant(''),
  fc.constant('k'.repeat(201)),
  word.map((w) => `${w} ${w}`),
  fc.constant('kunci-é'),
  fc.uuid(),
);

/**
 * A malformed request to one of the operations, through the gateway or directly. Every request is
 * refused by construction: a malformed body where the operation takes JSON, otherwise a malformed
 * path or query (a route without a body ignores one), or a missing/malformed token.
 */
export function hostileRequest(ops: WriteOperation[], tokens: { admin: string }): fc.Arbitrary<HostileRequest> {
  return fc.constantFrom(...ops).chain((op) => {
    const takesJson = op.bodyProperties !== undefined;
    const guaranteed = takesJson ? jsonBodyCases(op).map((b) => ({ kind: 'body' as const, body: b })) : fc.constant({ kind: 'url' as const, body: undefined });
    return fc
      .record({
        target: fc.constantFrom<'gateway' | 'direct'>('gateway', 'direct'),
        main: guaranteed,
        segments: fc.tuple(...op.pathParams.map(() => fc.oneof({ weight: 2, arbitrary: benignSegment.map((s): [string, string | undefined] => [s, undefined]) }, { weight: 1, arbitrary: hostileSegment }))),
        hostileParam: fc.nat(),
        hostileQuery: hostileQueryValue,
        useHostileQuery: fc.boolean(),
        noise: fc.array(fc.tuple(fc.constantFrom(...(op.queryParams.length > 0 ? op.queryParams : ['q'])), noiseQueryValue), { maxLength: 3 }),
        auth: fc.oneof({ weight: 6, arbitrary: fc.constant<[string | undefined, string | undefined]>([`Bearer ${tokens.admin}`, undefined]) }, { weight: 1, arbitrary: badAuthorization }),
        idempotencyKey: fc.option(badIdempotencyKey, { freq: 3 }),
        correlationId: fc.option(fc.constantFrom('uji-fuzz', 'x'.repeat(300), 'a b c'), { freq: 2 }),
        accept: fc.option(fc.constantFrom('application/xml', '*/*', 'text/html'), { freq: 3 }),
      })
      .map((r): HostileRequest => {
        const flaws: string[] = [];
        const segments = r.segments.map(([s]) => s);
        r.segments.forEach(([, flaw]) => flaw && flaws.push(flaw));
        const query = r.noise.map(([k, v]) => `${k}=${v}`);
        if (r.main.kind === 'url' && r.auth[1] === undefined && !r.segments.some(([, f]) => f)) {
          // Without a JSON body the request must be malformed in its URL: one path parameter or the query.
          if (op.pathParams.length > 0 && !r.useHostileQuery) {
            const i = r.hostileParam % op.pathParams.length;
            segments[i] = `x%00${segments[i]}`;
            flaws.push('NUL in the path');
          } else {
            query.push(`${op.queryParams[0] ?? 'q'}=${r.hostileQuery[0]}`);
            flaws.push(r.hostileQuery[1]);
          }
        }
        let i = 0;
        const path = op.path.replace(/\{[^}]+\}/g, () => segments[i++]) + (query.length > 0 ? `?${query.join('&')}` : '');
        const headers: Record<string, string> = {};
        if (r.auth[0]) headers.authorization = r.auth[0];
        if (r.auth[1]) flaws.push(r.auth[1]);
        if (r.idempotencyKey !== null) headers['idempotency-key'] = r.idempotencyKey;
        if (r.correlationId !== null) headers['x-correlation-id'] = r.correlationId;
        if (r.accept !== null) headers.accept = r.accept;
        let body: Buffer | undefined;
        if (r.main.body) {
          body = Buffer.from(r.main.body.text);
          if (r.main.body.contentType) headers['content-type'] = r.main.body.contentType;
          flaws.push(r.main.body.flaw);
        }
        return { target: r.target, op, method: op.method, path, headers, body, flaws };
      });
  });
}

// ---- query parameters of read operations ----

/** What the document says of one query parameter (enough to make a value it must refuse). */
export interface QueryParam {
  name: string;
  required: boolean;
  type?: string;
  format?: string;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  example?: unknown;
}

/** A GET operation of the merged document that takes query parameters. */
export interface ReadOperation {
  service: string;
  method: 'GET';
  path: string;
  pathParams: string[];
  query: QueryParam[];
}

/** Every GET operation with query parameters, so that a new parameter is covered without editing the suite. */
export function readOperations(doc: OpenApiDocument): ReadOperation[] {
  const ops: ReadOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    const service = /^\/api\/v1\/([^/]+)\//.exec(path)?.[1];
    const op = item.get as { parameters?: { in: string; name: string; required?: boolean; schema?: Record<string, unknown> }[] } | undefined;
    if (!service || service === 'gateway' || !op) continue;
    const query = (op.parameters ?? [])
      .filter((p) => p.in === 'query')
      .map((p): QueryParam => ({ name: p.name, required: p.required === true, ...(resolve(doc, p.schema as Schema) as Omit<QueryParam, 'name' | 'required'>) }));
    if (query.length === 0) continue;
    ops.push({ service, method: 'GET', path, pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name), query });
  }
  return ops;
}

/** A value the parameter accepts, for the parameters a request does not attack (a missing required one would hide the attack). */
export function benignQueryValue(p: QueryParam): string {
  if (p.enum && p.enum.length > 0) return p.enum[0];
  if (p.example !== undefined) return encodeURIComponent(String(p.example));
  if (p.type === 'number' || p.type === 'integer') return String(p.minimum ?? 1);
  if (p.type === 'boolean') return 'true';
  if (p.format === 'date-time') return '2026-01-01T00%3A00%3A00Z';
  return 'x';
}

const isNumeric = (p: QueryParam) => p.type === 'number' || p.type === 'integer';

/**
 * Values the parameter must refuse, each with what is wrong with it: text PostgreSQL cannot store,
 * broken percent-encoding, the parameter twice (an array where one value is declared), a value far
 * longer than any the platform takes, and by the parameter's schema: numbers out of range or not
 * integers, a value outside the enum, a boolean or a date that is none.
 */
export function hostileQueryValues(p: QueryParam): fc.Arbitrary<{ query: string; flaw: string }> {
  const one = (value: string, flaw: string) => ({ query: `${p.name}=${value}`, flaw: `${p.name}: ${flaw}` });
  const benign = benignQueryValue(p);
  const cases: fc.Arbitrary<{ query: string; flaw: string }>[] = [
    fc.constantFrom('%00', `${benign}%00`, `%ED%B0%80${benign}`, `${benign}%ED%A0%80`).map((v) => one(v, 'NUL or a lone surrogate')),
    fc.constantFrom('%', '%zz', '%C3%28', '%FF%FE').map((v) => one(v, `broken percent-encoding ${v}`)),
    fc.constant({ query: `${p.name}=${benign}&${p.name}=${benign}`, flaw: `${p.name} given twice` }),
    fc.integer({ min: Math.max(1001, (p.maxLength ?? 0) + 1), max: 6000 }).map((n) => one('9'.repeat(n), `a value of ${n} characters`)),
  ];
  if (isNumeric(p)) {
    const out = ['-1', '2.5', '1e400', '99999999999999999999', 'NaN', 'Infinity', '0x10', 'dua', ''];
    if (p.minimum !== undefined) out.push(String(p.minimum - 1));
    if (p.maximum !== undefined) out.push(String(p.maximum + 1));
    // A year: no year of the platform lies outside 2000–2100.
    if (p.name === 'year' || p.name === 'tahun') out.push('0', '10000', '-2026');
    cases.push(fc.constantFrom(...out).map((v) => one(v, `the number ${v || '(empty)'}`)));
  }
  if (p.enum && p.enum.length > 0) cases.push(fc.constantFrom('BUKAN_NILAI', p.enum[0].toLowerCase() === p.enum[0] ? p.enum[0].toUpperCase() : p.enum[0].toLowerCase(), '').map((v) => one(v, `${v || '(empty)'} outside the enum`)));
  if (p.type === 'boolean') cases.push(fc.constantFrom('ya', '2', 'TRUE ').map((v) => one(encodeURIComponent(v), `the boolean ${v}`)));
  if (p.format === 'date-time' || p.format === 'date') cases.push(fc.constantFrom('2026-13-45', 'kemarin', '2026-02-30T25%3A00%3A00Z').map((v) => one(v, `the date ${v}`)));
  return fc.oneof(...cases);
}

/**
 * A GET with exactly one hostile query parameter (the others benign or absent, required ones always
 * there), with a valid token, through the gateway or directly.
 */
export type HostileQueryRequest = Omit<HostileRequest, 'op'> & { op: ReadOperation };

export function hostileQueryRequest(ops: ReadOperation[], tokens: { admin: string }): fc.Arbitrary<HostileQueryRequest> {
  return fc.constantFrom(...ops).chain((op) =>
    fc
      .record({
        target: fc.constantFrom<'gateway' | 'direct'>('gateway', 'direct'),
        attacked: fc.constantFrom(...op.query).chain((p) => hostileQueryValues(p).map((v) => ({ p, ...v }))),
        others: fc.subarray(op.query),
        segments: fc.tuple(...op.pathParams.map(() => benignSegment)),
      })
      .map((r): HostileQueryRequest => {
        const query = [r.attacked.query];
        for (const p of op.query) if (p !== r.attacked.p && (p.required || r.others.includes(p))) query.push(`${p.name}=${benignQueryValue(p)}`);
        let i = 0;
        const path = `${op.path.replace(/\{[^}]+\}/g, () => r.segments[i++])}?${query.join('&')}`;
        return { target: r.target, op, method: 'GET', path, headers: { authorization: `Bearer ${tokens.admin}` }, flaws: [r.attacked.flaw] };
      }),
  );
}
