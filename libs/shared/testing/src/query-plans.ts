import { RequestMethod, type INestApplicationContext, type Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { DataSource } from 'typeorm';

/**
 * Support for the list-query plan tests (issue 12, "reads that scale"): record the SQL an endpoint's
 * query class sends, ask PostgreSQL for the plan of each statement, and report the nodes that read
 * or sort a large table as a whole. A list endpoint must answer a page from an index, so its cost
 * does not grow with the table.
 */

export interface RecordedStatement {
  sql: string;
  params: unknown[];
  /** Rows the statement answered, once it has (for a report that must not read back every row it counts). */
  rows?: number;
}

type QueryFn = (this: unknown, sql: string, params?: unknown[], ...rest: unknown[]) => Promise<unknown>;

/**
 * Records every statement sent through the data source's query runners while `fn` runs (TypeORM
 * sends `DataSource.query`, `EntityManager.query` and repositories through the runner's `query`).
 * The statements still run, so `fn` sees real answers.
 */
export async function recordStatements<T>(dataSource: DataSource, fn: () => Promise<T>): Promise<{ result: T; statements: RecordedStatement[] }> {
  const runner = dataSource.createQueryRunner();
  const proto = Object.getPrototypeOf(runner) as { query: QueryFn };
  await runner.release();
  const original = proto.query;
  const statements: RecordedStatement[] = [];
  proto.query = async function (this: unknown, sql: string, params?: unknown[], ...rest: unknown[]) {
    const statement: RecordedStatement = { sql, params: params ?? [] };
    statements.push(statement);
    const result = (await original.call(this, sql, params, ...rest)) as unknown;
    const records = Array.isArray(result) ? result : (result as { records?: unknown } | null)?.records;
    if (Array.isArray(records)) statement.rows = records.length;
    return result;
  };
  try {
    const result = await fn();
    return { result, statements };
  } finally {
    proto.query = original;
  }
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  'Plan Rows': number;
  'Sort Key'?: string[];
  'Parent Relationship'?: string;
  'Subplan Name'?: string;
  Plans?: PlanNode[];
}

export interface PlanFinding {
  node: string;
  relation?: string;
  rows: number;
  detail: string;
}

export interface StatementPlan {
  sql: string;
  findings: PlanFinding[];
  /** The plan as text, for the failure message. */
  text: string;
}

/** Reads (SELECT or WITH … SELECT) are planned; writes and session commands are not list reads. */
export function isRead(sql: string): boolean {
  return /^\s*(\(\s*)?(select|with)\b/i.test(sql) && !/\bfor\s+(update|share|no key update)\b/i.test(sql);
}

export interface PlanCheckOptions {
  /**
   * Also report an index scan of a large table without an index condition: it walks the whole table
   * in index order and filters, which is neither a sequential scan nor a sort. For services whose
   * every read is of one person, one SKP or one OPD; a paged list of the whole city legitimately
   * walks its sort index from the start.
   */
  unboundedIndexWalks?: boolean;
  /**
   * Also report a sequential scan inside a correlated subquery (a SubPlan that is not hashed), of a
   * table of any size: it runs once per row of the outer query, so a lookup of a small table by an
   * expression no index answers still costs rows × table.
   */
  perRowScans?: boolean;
}

/**
 * The plan of one statement and what is wrong with it for a list read: a sequential scan of a table
 * of at least `largeRows` rows (by the planner's statistics, so run ANALYZE after loading), or a Sort
 * whose input is at least `largeRows` rows (a page must not sort the whole table; sorting the few
 * rows a selective filter found is fine).
 */
export async function planOf(dataSource: DataSource, statement: RecordedStatement, largeRows: number, options: PlanCheckOptions = {}): Promise<StatementPlan> {
  const [{ 'QUERY PLAN': json }] = await dataSource.query(`EXPLAIN (FORMAT JSON) ${statement.sql}`, statement.params);
  const textRows: { 'QUERY PLAN': string }[] = await dataSource.query(`EXPLAIN ${statement.sql}`, statement.params);
  const text = textRows.map((r) => r['QUERY PLAN']).join('\n');
  const root = (typeof json === 'string' ? JSON.parse(json) : json)[0].Plan as PlanNode;
  const relations = new Set<string>();
  const walk = (n: PlanNode) => {
    if (n['Relation Name']) relations.add(n['Relation Name']);
    n.Plans?.forEach(walk);
  };
  walk(root);
  const sizes = new Map<string, number>();
  if (relations.size > 0) {
    const rows: { relname: string; n: number }[] = await dataSource.query(
      `SELECT relname, greatest(reltuples, 0)::float8 AS n FROM pg_class WHERE relkind IN ('r', 'p', 'm') AND relname = ANY($1)`,
      [[...relations]],
    );
    for (const r of rows) sizes.set(r.relname, Number(r.n));
  }
  const findings: PlanFinding[] = [];
  const inspect = (n: PlanNode, perRow = false) => {
    const relation = n['Relation Name'];
    perRow ||= n['Parent Relationship'] === 'SubPlan' && !n['Subplan Name']?.startsWith('hashed');
    if (n['Node Type'] === 'Seq Scan' && relation && (sizes.get(relation) ?? 0) >= largeRows) {
      findings.push({ node: 'Seq Scan', relation, rows: sizes.get(relation)!, detail: `sequential scan of ${relation} (${sizes.get(relation)} rows)` });
    } else if (options.perRowScans && perRow && n['Node Type'] === 'Seq Scan' && relation) {
      findings.push({ node: 'Seq Scan', relation, rows: sizes.get(relation) ?? 0, detail: `sequential scan of ${relation} once per row of the outer query (${n['Subplan Name'] ?? 'a SubPlan'})` });
    }
    if (
      options.unboundedIndexWalks &&
      (n['Node Type'] === 'Index Scan' || n['Node Type'] === 'Index Only Scan') &&
      relation &&
      !n['Index Cond'] &&
      (sizes.get(relation) ?? 0) >= largeRows
    ) {
      findings.push({ node: n['Node Type'], relation, rows: sizes.get(relation)!, detail: `index scan of ${relation} by ${n['Index Name'] ?? '?'} without an index condition` });
    }
    if (n['Node Type'] === 'Sort') {
      const input = Math.max(0, ...(n.Plans ?? []).map((c) => c['Plan Rows']));
      if (input >= largeRows) findings.push({ node: 'Sort', rows: input, detail: `sort of ${input} rows by ${(n['Sort Key'] ?? []).join(', ')}` });
    }
    n.Plans?.forEach((c) => inspect(c, perRow));
  };
  inspect(root);
  return { sql: statement.sql, findings, text };
}

/**
 * Runs one list read as the endpoint would, and plans every read statement it sent: the problems
 * (findings, statement and plan text), empty when every plan is fine. A run that sends no read is a
 * problem too (the case recorded nothing to check).
 */
export async function listPlanProblems(dataSource: DataSource, run: () => Promise<unknown>, largeRows: number, options: PlanCheckOptions = {}): Promise<string[]> {
  const { statements } = await recordStatements(dataSource, run);
  const reads = statements.filter((s) => isRead(s.sql));
  if (reads.length === 0) return ['the case sent no read statement'];
  const problems: string[] = [];
  for (const s of reads) {
    const plan = await planOf(dataSource, s, largeRows, options);
    if (plan.findings.length > 0) problems.push(`${plan.findings.map((f) => f.detail).join('; ')}\n${s.sql}\n${plan.text}`);
  }
  return problems;
}

/**
 * What a plan test's two lists miss: GET routes in neither the list cases nor the reasoned
 * exceptions (a new list endpoint without cases), and listed paths no route has any more.
 */
export function unlistedRoutes(routes: HttpRoute[], listed: Record<string, unknown>, notLists: Record<string, string>): { unknown: string[]; stale: string[] } {
  return {
    unknown: routes.filter((r) => !(r.path in listed) && !(r.path in notLists)).map((r) => `${r.controller}.${r.handler} GET ${r.path}`),
    stale: [...Object.keys(listed), ...Object.keys(notLists)].filter((path) => !routes.some((r) => r.path === path)),
  };
}

export interface HttpRoute {
  method: 'GET';
  /** `<controller path>/<handler path>` without the global prefix, e.g. `employees/:ref`. */
  path: string;
  controller: string;
  handler: string;
  /** The handler's parameter types (decorator metadata), to tell a paged list by its query class. */
  paramTypes: unknown[];
}

const joinPath = (...parts: (string | string[] | undefined)[]) =>
  parts
    .map((p) => (Array.isArray(p) ? p[0] : p) ?? '')
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/');

/** Every GET route of every controller the application registered (through Nest's module graph). */
export function getRoutes(app: INestApplicationContext): HttpRoute[] {
  const routes: HttpRoute[] = [];
  const seen = new Set<Type>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const ctrl = wrapper.metatype as Type | undefined;
      if (!ctrl || seen.has(ctrl)) continue;
      seen.add(ctrl);
      const base = Reflect.getMetadata('path', ctrl) as string | string[] | undefined;
      const proto = ctrl.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        if (name === 'constructor' || typeof proto[name] !== 'function') continue;
        const handler = proto[name] as object;
        if (Reflect.getMetadata('method', handler) !== RequestMethod.GET) continue;
        const sub = Reflect.getMetadata('path', handler) as string | string[] | undefined;
        routes.push({
          method: 'GET',
          path: joinPath(base, sub),
          controller: ctrl.name,
          handler: name,
          paramTypes: (Reflect.getMetadata('design:paramtypes', proto, name) as unknown[] | undefined) ?? [],
        });
      }
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path));
}

/** A route whose query class extends `pageQuery` is a paged list. */
export function isPagedRoute(route: HttpRoute, pageQuery: Type): boolean {
  return route.paramTypes.some((t) => typeof t === 'function' && (t === pageQuery || (t as Type).prototype instanceof pageQuery));
}

/**
 * Creates the plan test's own database when it is missing. The plan tests keep their database
 * between runs (loading the demo data is the slow part); the advisory lock lets two runs that start
 * together create it once.
 */
export async function ensureDatabase(name: string, owner: string): Promise<void> {
  const admin = new DataSource({
    type: 'postgres',
    host: process.env.DB_HOST ?? '127.0.0.1',
    port: Number(process.env.DB_PORT ?? 5432),
    username: process.env.PGUSER ?? 'postgres',
    password: process.env.PGPASSWORD ?? 'postgres',
    database: 'postgres',
    extra: { max: 1 },
  });
  await admin.initialize();
  try {
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    const exists: unknown[] = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.length === 0) await admin.query(`CREATE DATABASE "${name}" OWNER "${owner}"`);
  } finally {
    await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [name]).catch(() => undefined);
    await admin.destroy();
  }
}
