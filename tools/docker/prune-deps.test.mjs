// Unit tests of the Docker dependency pruner, against the real root package.json and lock file.
// Run: node --test tools/docker/*.test.mjs   (no build, no network; a second or two)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prune, scanImports } from './prune-deps.mjs';

function fakeDist(files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prune-deps-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

test('scanImports finds require, require.resolve and import() of packages only', () => {
  const dir = fakeDist({
    'apps/x/src/main.js': [
      'require("reflect-metadata");',
      "const fs = require('node:fs'); const p = require('path');",
      'const local = require("./local"); const up = require("../../libs/a/src/index.js");',
      "Promise.resolve().then(() => __importStar(require('kafkajs')));",
      'const t = require("keycloak-connect/middleware/auth-utils/token");',
      'const ui = require.resolve("swagger-ui-dist"); import("@nestjs/microservices");',
    ].join('\n'),
    'apps/x/src/commented.js': '/**\n * see require("not-a-package")\n */\n// import("nor-this")\n',
    'apps/x/src/main.js.map': '{"sources":["require(\\"ignored-in-maps\\")"]}',
  });
  assert.deepEqual([...scanImports(dir).keys()].sort(), [
    '@nestjs/microservices',
    'kafkajs',
    'keycloak-connect',
    'reflect-metadata',
    'swagger-ui-dist',
  ]);
});

test('prune adds lazily loaded optional peers and cuts a consistent lock', () => {
  const dir = fakeDist({ 'main.js': 'require("typeorm"); require("@nestjs/microservices"); require("keycloak-connect");' });
  const { pkg, lock } = prune('probe', dir);
  // typeorm loads pg, @nestjs/microservices loads kafkajs only when used: both must ship.
  assert.ok(pkg.dependencies.pg, 'pg (optional peer of typeorm) is shipped');
  assert.ok(pkg.dependencies.kafkajs, 'kafkajs (optional peer of @nestjs/microservices) is shipped');
  // Not loaded by this app and not an optional peer of what it loads.
  assert.equal(pkg.dependencies.nodemailer, undefined);
  assert.equal(pkg.dependencies['@nestjs/platform-fastify'], undefined);
  // Root pins are kept exactly.
  const root = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  for (const [name, version] of Object.entries(pkg.dependencies)) assert.equal(version, root.dependencies[name], name);
  // The lock's root entry matches package.json, every root dependency has an entry, none is dev-only.
  assert.deepEqual(lock.packages[''].dependencies, pkg.dependencies);
  for (const name of Object.keys(pkg.dependencies)) assert.ok(lock.packages[`node_modules/${name}`], name);
  for (const [p, entry] of Object.entries(lock.packages)) {
    assert.equal(entry.dev, undefined, `${p} must not be flagged dev`);
    assert.equal(entry.devOptional, undefined, `${p} must not be flagged devOptional`);
  }
  // keycloak-connect's optional chromedriver (its own browser tests) is left out entirely.
  assert.equal(lock.packages['node_modules/chromedriver'], undefined);
  assert.equal(lock.packages['node_modules/keycloak-connect'].optionalDependencies?.chromedriver, undefined);
  // Every dependency of a kept package resolves inside the cut lock (nested first, then hoisted).
  const typeormDeps = Object.keys(lock.packages['node_modules/typeorm'].dependencies ?? {});
  assert.ok(typeormDeps.length > 0);
  for (const dep of typeormDeps) {
    assert.ok(lock.packages[`node_modules/typeorm/node_modules/${dep}`] || lock.packages[`node_modules/${dep}`], `typeorm -> ${dep}`);
  }
});

test('prune refuses a devDependency loaded at run time', () => {
  const dir = fakeDist({ 'main.js': 'require("@nestjs/common"); require("jest");' });
  assert.throws(() => prune('probe', dir), /jest is a devDependency/);
});

test('prune refuses a package that is not installed for production', () => {
  const dir = fakeDist({ 'main.js': 'require("left-pad-that-does-not-exist");' });
  assert.throws(() => prune('probe', dir), /left-pad-that-does-not-exist .*not a production dependency/);
});

test('prune accepts a hoisted transitive production package with a warning', () => {
  const dir = fakeDist({ 'main.js': 'require("find-my-way");' });
  const { pkg, warnings } = prune('probe', dir);
  assert.match(pkg.dependencies['find-my-way'], /^\d+\.\d+\.\d+/);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /find-my-way .*not declared/);
});

test('prune fails clearly when the app was not built', () => {
  assert.throws(() => prune('probe', path.join(os.tmpdir(), 'no-such-dist-dir')), /run `npx nx build probe` first/);
});

test('prune names an unrewritten @capaian path alias as an unfinished build', () => {
  const dir = fakeDist({ 'main.js': 'require("@capaian/shared/http");' });
  assert.throws(() => prune('probe', dir), /still requires the path alias @capaian\/shared.*tsc-alias/);
});
