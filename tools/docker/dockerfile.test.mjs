// The one Dockerfile (repository root) and the places that use it: docker-compose.yml and the
// Kubernetes manifests. Static checks, no Docker engine needed.
// Run: node --test tools/docker/*.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (file) => fs.readFileSync(path.join(root, file), 'utf8');
const dockerfile = read('Dockerfile');

/** Service → port, as libs/shared/config declares them (the services' default PORT). */
function servicePorts() {
  const source = read('libs/shared/config/src/config.ts');
  const block = source.slice(source.indexOf('servicePorts'), source.indexOf('};', source.indexOf('servicePorts')));
  return Object.fromEntries([...block.matchAll(/(\w+):\s*(\d+)/g)].map((m) => [m[1], Number(m[2])]));
}

test('one Dockerfile replaces the per-app copies', () => {
  const apps = fs.readdirSync(path.join(root, 'apps'));
  assert.deepEqual(apps.filter((app) => fs.existsSync(path.join(root, 'apps', app, 'Dockerfile'))), []);
});

test('the images run on Node 24 (LTS)', () => {
  assert.match(dockerfile, /^ARG NODE_IMAGE=node:24-bookworm-slim$/m);
  assert.equal((dockerfile.match(/^FROM \$\{NODE_IMAGE\}/gm) ?? []).length, 4, "build, deps and runtime stages and the portal's build all use NODE_IMAGE");
});

test('the SERVICE build argument accepts exactly the services, each with its configured port', () => {
  const table = dockerfile.slice(dockerfile.indexOf('case "${SERVICE}"'), dockerfile.indexOf('esac'));
  const ports = Object.fromEntries([...table.matchAll(/(\w+)\) echo (\d+)/g)].map((m) => [m[1], Number(m[2])]));
  assert.deepEqual(ports, servicePorts());
  assert.match(table, /\*\) echo .*>&2; exit 1/, 'an unknown service fails the build');
  assert.match(dockerfile, /npx nx build "\$\{SERVICE\}"/);
  assert.match(dockerfile, /prune-deps\.mjs "\$\{SERVICE\}" --out \/prod/);
  assert.match(dockerfile, /^USER node$/m);
  assert.match(dockerfile, /^CMD \["node", "service\/main\.js"\]$/m);
});

test('docker-compose builds every service image from the one Dockerfile and migrates with service/migrate.js', () => {
  const compose = YAML.parse(read('docker-compose.yml'));
  const built = Object.entries(compose.services).filter(([, s]) => s.build);
  assert.ok(built.length >= 9);
  for (const [name, service] of built) {
    assert.equal(service.build.context, '.', name);
    assert.equal(service.build.dockerfile, undefined, `${name} uses the root Dockerfile`);
    assert.ok(servicePorts()[service.build.args.SERVICE], `${name}: SERVICE=${service.build.args.SERVICE}`);
    assert.equal(service.image, `capaian/${service.build.args.SERVICE}:local`, name);
    if (name.endsWith('-migrate')) {
      assert.deepEqual(service.command, ['node', 'service/migrate.js'], name);
      assert.ok(fs.existsSync(path.join(root, 'apps', service.build.args.SERVICE, 'src/migrate.ts')), `${name}: the service has a migrate entry point`);
    }
  }
  for (const service of Object.keys(servicePorts())) assert.ok(compose.services[service]?.build, `${service} is built`);
});

test('Keycloak runs in production mode in the compose stack, on its own PostgreSQL database, with health and metrics', () => {
  const keycloak = YAML.parse(read('docker-compose.yml')).services.keycloak;
  assert.equal(keycloak.command[0], 'start');
  assert.equal(keycloak.environment.KC_DB, 'postgres');
  assert.match(keycloak.environment.KC_DB_URL, /\/keycloak$/);
  assert.equal(keycloak.environment.KC_HEALTH_ENABLED, 'true');
  assert.equal(keycloak.environment.KC_METRICS_ENABLED, 'true');
});
