#!/usr/bin/env node
// Writes the production package.json and package-lock.json of ONE app, for its Docker image.
//
// Why not a hand-kept dependency list per app: it drifts. Why not `npm ci --omit=dev` with the
// root files: every image would carry every service's drivers. So the list is derived from what
// the app's compiled output really loads, and the lock file is cut from the root lock, so the image
// installs exactly the versions (and integrity hashes) the developers and CI tested with:
//
//  1. Scan dist/apps/<app>/**/*.js (the app plus the library files tsc emitted for it) for
//     require("x"), require.resolve("x") and import("x"). Bare specifiers give package names;
//     Node built-ins and relative paths are skipped. Every name must be a root `dependencies`
//     entry: a devDependency or an unknown package used by production code fails the build here,
//     not at 3 a.m. with MODULE_NOT_FOUND. (A package that is only a hoisted transitive
//     production dependency is accepted at the lock's version, with a warning to declare it.)
//  2. Add lazily loaded optional peers: frameworks load some packages only when a feature is used
//     (@nestjs/microservices -> kafkajs, typeorm -> pg, @nestjs/common -> class-validator,
//     @nestjs/swagger -> @fastify/static). Every optional peer of a package in the app's tree that
//     is also a root `dependencies` entry is added, repeatedly until nothing changes. This may ship
//     a package the app never loads (a few MB); it never misses one the root install would have had.
//  3. Cut package-lock.json: keep the root entry (rewritten with the app's dependencies) and every
//     entry reachable from it through dependencies, optionalDependencies and peerDependencies,
//     resolved the way Node resolves them (nested node_modules first, then up). dev/optional flags
//     are recomputed for the smaller tree, so `npm ci --omit=dev` keeps everything that is kept.
//     OPTIONAL_EXCLUDED packages are never installed (see below).
//
// Usage: node tools/docker/prune-deps.mjs <app> [--dist <dir>] [--out <dir>] [--check]
//   --dist   compiled output to scan (default dist/apps/<app>)
//   --out    where to write package.json and package-lock.json (default dist/docker/<app>)
//   --check  only print the dependency list, write nothing
// Then: cd <out> && npm ci --omit=dev --ignore-scripts
import { builtinModules } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Optional dependencies that production never needs. keycloak-connect lists chromedriver (and
 * through it a proxy/zip/ftp stack) for its own browser tests; its install script downloads a
 * browser driver. pg-cloudflare only matters on Cloudflare Workers.
 */
const OPTIONAL_EXCLUDED = new Set(['chromedriver', 'pg-cloudflare']);

function parseArgs(argv) {
  const args = { app: undefined, dist: undefined, out: undefined, check: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--dist') args.dist = argv[++i];
    else if (a === '--out') args.out = argv[++i];
    else if (a === '--check') args.check = true;
    else if (!a.startsWith('-') && !args.app) args.app = a;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!args.app) throw new Error('usage: prune-deps.mjs <app> [--dist <dir>] [--out <dir>] [--check]');
  args.dist = path.resolve(root, args.dist ?? `dist/apps/${args.app}`);
  args.out = path.resolve(root, args.out ?? `dist/docker/${args.app}`);
  return args;
}

function* jsFiles(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* jsFiles(full);
    else if (/\.(c|m)?js$/.test(entry.name)) yield full;
  }
}

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** `@scope/name/sub/path` -> `@scope/name`, `name/sub` -> `name`. */
function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

// tsc's CommonJS output: require("x"), and import("x") becomes
// Promise.resolve().then(() => __importStar(require("x"))); a hand-written import("x") also counts.
const SPECIFIER = /\b(?:require(?:\.resolve)?|import)\(\s*(['"])([^'"\n]+)\1\s*\)/g;

export function scanImports(distDir) {
  const found = new Map(); // package -> first file that loads it
  for (const file of jsFiles(distDir)) {
    // tsc keeps comments: skip comment lines, so a doc comment that mentions require('x') does
    // not become a dependency (or fail the build).
    const text = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => !/^\s*(?:\/\/|\/\*|\*)/.test(line))
      .join('\n');
    for (const m of text.matchAll(SPECIFIER)) {
      const spec = m[2];
      if (spec.startsWith('.') || spec.startsWith('/') || builtins.has(spec) || builtins.has(spec.split('/')[0])) continue;
      const name = packageName(spec);
      if (!found.has(name)) found.set(name, path.relative(root, file));
    }
  }
  return found;
}

/** Node's lookup: `<from>/node_modules/<dep>`, then each ancestor package's node_modules, then the root. */
function resolveInLock(packages, fromPath, dep) {
  let base = fromPath;
  for (;;) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${dep}`;
    if (packages[candidate]) return candidate;
    if (!base) return undefined;
    base = base.replace(/(?:^|\/)node_modules\/(?:@[^/]+\/)?[^/]+$/, '');
  }
}

function edges(entry) {
  const optionalPeers = new Set(Object.entries(entry.peerDependenciesMeta ?? {}).filter(([, m]) => m.optional).map(([n]) => n));
  return [
    ...Object.keys(entry.dependencies ?? {}).map((name) => ({ name, optional: false })),
    ...Object.keys(entry.optionalDependencies ?? {}).map((name) => ({ name, optional: true })),
    // Required peers are installed by npm 7+; optional peers are handled by step 2 at the top level.
    ...Object.keys(entry.peerDependencies ?? {}).filter((n) => !optionalPeers.has(n)).map((name) => ({ name, optional: false })),
  ];
}

/** Every lock path reachable from `rootDeps`; `required` holds those reachable without an optional edge. */
function closure(packages, rootDeps) {
  const all = new Set();
  const required = new Set();
  const missing = [];
  const walk = (startPaths, onlyRequired, into) => {
    const queue = [...startPaths];
    while (queue.length > 0) {
      const p = queue.shift();
      if (into.has(p)) continue;
      into.add(p);
      for (const edge of edges(packages[p])) {
        if (edge.optional && (onlyRequired || OPTIONAL_EXCLUDED.has(edge.name))) continue;
        const target = resolveInLock(packages, p, edge.name);
        if (target) queue.push(target);
        else if (!edge.optional && onlyRequired) missing.push(`${edge.name} (needed by ${p})`);
      }
    }
  };
  const starts = rootDeps.map((name) => {
    const p = `node_modules/${name}`;
    if (!packages[p]) throw new Error(`${name} is not in package-lock.json: run npm install at the root first`);
    return p;
  });
  walk(starts, false, all);
  walk(starts, true, required);
  if (missing.length > 0) throw new Error(`package-lock.json lacks required packages: ${missing.join(', ')}`);
  return { all, required };
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

export function prune(app, distDir) {
  const rootPkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  if (lock.lockfileVersion < 2) throw new Error('package-lock.json v2 or v3 expected');
  const prodDeps = rootPkg.dependencies ?? {};
  const devDeps = rootPkg.devDependencies ?? {};

  if (!fs.existsSync(distDir)) throw new Error(`${path.relative(root, distDir)} does not exist: run \`npx nx build ${app}\` first`);
  const imports = scanImports(distDir);
  const problems = [];
  const warnings = [];
  // Versions of the packages the app loads: the root's pin, or for an undeclared package that a
  // production dependency brought in (hoisted to the top of node_modules, so `require` finds it in
  // development too) the version in the lock, with a warning to declare it.
  const versions = { ...prodDeps };
  const aliases = Object.keys(readJson(path.join(root, 'tsconfig.base.json')).compilerOptions?.paths ?? {});
  for (const [name, file] of imports) {
    if (prodDeps[name]) continue;
    if (aliases.some((a) => a === name || a.startsWith(`${name}/`))) {
      problems.push(`${file} still requires the path alias ${name}: the build did not finish (tsc-alias rewrites aliases to relative paths)`);
      continue;
    }
    const hoisted = lock.packages[`node_modules/${name}`];
    if (devDeps[name]) problems.push(`${name} is a devDependency but ${file} loads it at run time`);
    else if (hoisted && !hoisted.dev) {
      versions[name] = hoisted.version;
      warnings.push(`${name} (loaded by ${file}) is not declared in package.json; using the lock's ${hoisted.version} (declare it)`);
    } else problems.push(`${name} (loaded by ${file}) is not a production dependency in package.json`);
  }
  if (problems.length > 0) throw new Error(`cannot build the production dependency list of ${app}:\n  - ${problems.join('\n  - ')}`);

  // Step 2: optional peers that the root installs, to a fixed point.
  const selected = new Set(imports.keys());
  const reasons = new Map([...imports].map(([n, f]) => [n, `loaded by ${f}`]));
  for (;;) {
    const { all } = closure(lock.packages, [...selected]);
    let added = false;
    for (const p of all) {
      const entry = lock.packages[p];
      for (const [peer, meta] of Object.entries(entry.peerDependenciesMeta ?? {})) {
        if (meta.optional && prodDeps[peer] && !selected.has(peer)) {
          selected.add(peer);
          reasons.set(peer, `optional peer of ${p.replace(/^.*node_modules\//, '')}`);
          added = true;
        }
      }
    }
    if (!added) break;
  }

  const names = [...selected].sort();
  const dependencies = Object.fromEntries(names.map((n) => [n, versions[n]]));
  const { all, required } = closure(lock.packages, names);

  const packages = {
    '': {
      name: `${rootPkg.name}-${app}`,
      version: rootPkg.version,
      license: rootPkg.license,
      dependencies,
      ...(rootPkg.engines ? { engines: rootPkg.engines } : {}),
    },
  };
  for (const p of [...all].sort()) {
    const { dev: _dev, devOptional: _devOptional, optional: _optional, peer: _peer, ...entry } = lock.packages[p];
    if (entry.optionalDependencies) {
      // npm ci insists that every optional dependency named in the lock is in it too: drop the
      // excluded ones from their parent's entry, so they are neither required nor installed.
      const kept = Object.entries(entry.optionalDependencies).filter(([name]) => !OPTIONAL_EXCLUDED.has(name));
      if (kept.length > 0) entry.optionalDependencies = Object.fromEntries(kept);
      else delete entry.optionalDependencies;
    }
    packages[p] = required.has(p) ? entry : { ...entry, optional: true };
  }
  const pkg = { name: `${rootPkg.name}-${app}`, version: rootPkg.version, private: true, license: rootPkg.license, dependencies };
  if (rootPkg.engines) pkg.engines = rootPkg.engines;
  const prunedLock = { name: pkg.name, version: pkg.version, lockfileVersion: lock.lockfileVersion, requires: true, packages };
  return { pkg, lock: prunedLock, reasons, warnings, count: all.size };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const args = parseArgs(process.argv.slice(2));
    const result = prune(args.app, args.dist);
    for (const w of result.warnings) console.warn(`prune-deps: WARNING ${w}`);
    for (const [name, version] of Object.entries(result.pkg.dependencies)) {
      console.log(`  ${name}@${version}  (${result.reasons.get(name)})`);
    }
    console.log(`${args.app}: ${Object.keys(result.pkg.dependencies).length} direct dependencies, ${result.count} packages in the lock`);
    if (!args.check) {
      fs.mkdirSync(args.out, { recursive: true });
      fs.writeFileSync(path.join(args.out, 'package.json'), `${JSON.stringify(result.pkg, null, 2)}\n`);
      fs.writeFileSync(path.join(args.out, 'package-lock.json'), `${JSON.stringify(result.lock, null, 2)}\n`);
      console.log(`wrote ${path.relative(root, args.out)}/package.json and package-lock.json`);
    }
  } catch (e) {
    console.error(`prune-deps: ${e.message}`);
    process.exit(1);
  }
}
