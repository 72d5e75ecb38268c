#!/usr/bin/env node
// Builds the development realm infra/keycloak/capaian-realm.json (imported by infra/infra.sh and
// the compose stack) from the production realm plus the development overlay:
//
//   realm/production.json   what a city runs: no users, no password-grant client, secrets and the
//                           portal's URL as ${PLACEHOLDERS} resolved by Keycloak at import time
//   realm/dev-overlay.json  adds the test client and the demo users, fixed development secrets,
//                           and relaxes what would get in the way of automated tests
//
//   node infra/keycloak/build-realm.mjs          write capaian-realm.json
//   node infra/keycloak/build-realm.mjs --check  exit 1 if capaian-realm.json is not up to date
//
// Merge rules: objects merge key by key, `null` removes a key, `clients` merge by clientId and
// `users` by username (an unknown one is appended), any other array is replaced as a whole.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const PRODUCTION_REALM = path.join(here, 'realm', 'production.json');
export const DEV_OVERLAY = path.join(here, 'realm', 'dev-overlay.json');
export const DEV_REALM = path.join(here, 'capaian-realm.json');

const KEYED_ARRAYS = { clients: 'clientId', users: 'username' };

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function mergeRealm(base, overlay, key = '') {
  if (Array.isArray(overlay) && Array.isArray(base) && KEYED_ARRAYS[key]) {
    const id = KEYED_ARRAYS[key];
    const out = base.map((item) => structuredClone(item));
    for (const item of overlay) {
      const at = out.findIndex((existing) => existing[id] === item[id]);
      if (at === -1) out.push(mergeRealm({}, item));
      else out[at] = mergeRealm(out[at], item);
    }
    return out;
  }
  if (!isObject(overlay) || !isObject(base)) return structuredClone(overlay);
  const out = structuredClone(base);
  for (const [name, value] of Object.entries(overlay)) {
    if (value === null) delete out[name];
    else out[name] = name in out ? mergeRealm(out[name], value, name) : mergeRealm(undefined, value, name);
  }
  return out;
}

/**
 * What a realm meant for production must not contain: users (accounts come from personnel, with
 * passwords their owners choose), clients that accept passwords (direct access grants), the
 * test client, or a client secret written in the file instead of a ${PLACEHOLDER}.
 */
export function productionRealmProblems(realm) {
  const problems = [];
  for (const user of realm.users ?? []) problems.push(`user ${user.username} (a production realm has no users)`);
  for (const client of realm.clients ?? []) {
    if (client.directAccessGrantsEnabled) problems.push(`client ${client.clientId} accepts passwords (directAccessGrantsEnabled)`);
    if (client.clientId === 'capaian-tests') problems.push('the test client capaian-tests');
    if (client.secret !== undefined && !/^\$\{CAPAIAN_[A-Z0-9_]+\}$/.test(client.secret)) problems.push(`client ${client.clientId} has a literal secret`);
  }
  return problems;
}

export function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

export function devRealmText() {
  return JSON.stringify(mergeRealm(readJson(PRODUCTION_REALM), readJson(DEV_OVERLAY)), null, 2) + '\n';
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = devRealmText();
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(DEV_REALM) ? fs.readFileSync(DEV_REALM, 'utf8') : '';
    if (current !== text) {
      console.error(`${path.relative(process.cwd(), DEV_REALM)} is not production.json + dev-overlay.json: run node infra/keycloak/build-realm.mjs`);
      process.exit(1);
    }
    console.log('realm: capaian-realm.json is up to date');
  } else {
    fs.writeFileSync(DEV_REALM, text);
    console.log(`realm: wrote ${path.relative(process.cwd(), DEV_REALM)}`);
  }
}
