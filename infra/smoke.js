#!/usr/bin/env node
// End-to-end check of the servers started by `infra/infra.sh up` (all four must run).
// It proves what the services rely on, against the real servers:
//   keycloak  password-grant token of a demo user: iss, aud incl. capaian-api, nip, opd, realm roles;
//             sipd-reader client-credentials token: role integrasi-baca only;
//             capaian-personnel service account: creates a user with nip/opd through the admin
//             REST API, whose own password-grant token then carries those claims (user deleted after);
//   kafka     produce + consume one message on the first topic of libs/contracts/src/topics.json;
//   mail      send through SMTP with nodemailer, read it back and delete it through maildev's API;
//   postgres  each service role logs in to its database and its _test database.
// Usage: node infra/smoke.js      (exit 0 = all good; prints one line per check)
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');

const ROOT = path.resolve(__dirname, '..');
const KC = 'http://127.0.0.1:8180';
const REALM = `${KC}/realms/capaian`;
const MAILDEV = 'http://127.0.0.1:1080';

const decode = (jwt) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
const ok = (what) => console.log(`ok   ${what}`);

async function token(params) {
  const res = await fetch(`${REALM}/protocol/openid-connect/token`, { method: 'POST', body: new URLSearchParams(params) });
  const body = await res.json();
  assert.equal(res.status, 200, `token ${params.grant_type} ${params.client_id}: ${JSON.stringify(body)}`);
  return body.access_token;
}

const passwordToken = (username, password) => token({ grant_type: 'password', client_id: 'capaian-tests',
  client_secret: 'capaian-tests-secret', username, password, scope: 'openid' });
const clientToken = (id) => token({ grant_type: 'client_credentials', client_id: id, client_secret: `${id}-secret` });
const aud = (claims) => [].concat(claims.aud);

async function keycloak() {
  const dimas = decode(await passwordToken('199203152019031004', 'capaian-demo'));
  assert.equal(dimas.iss, REALM);
  assert.ok(aud(dimas).includes('capaian-api'), `aud ${dimas.aud}`);
  assert.equal(dimas.nip, '199203152019031004');
  assert.equal(dimas.opd, 'DISKOMINFO');
  assert.ok(dimas.realm_access.roles.includes('pegawai'));
  ok(`password grant (capaian-tests): aud=${JSON.stringify(dimas.aud)} nip=${dimas.nip} opd=${dimas.opd} roles=${dimas.realm_access.roles.join(',')}`);

  const sipd = decode(await clientToken('sipd-reader'));
  assert.ok(aud(sipd).includes('capaian-api'));
  assert.deepEqual(sipd.realm_access.roles, ['integrasi-baca']);
  ok(`client credentials (sipd-reader): aud=${JSON.stringify(sipd.aud)} roles=${sipd.realm_access.roles}`);

  // The personnel service's path: create a Keycloak user for a new employee, give it `pegawai`.
  const admin = await clientToken('capaian-personnel');
  const h = { authorization: `Bearer ${admin}`, 'content-type': 'application/json' };
  const nip = `19900101${new Date().getFullYear()}01${String(crypto.randomInt(1e4)).padStart(4, '0')}`;
  const password = crypto.randomBytes(12).toString('base64url');
  let res = await fetch(`${KC}/admin/realms/capaian/users`, { method: 'POST', headers: h, body: JSON.stringify({
    username: nip, enabled: true, email: `${nip}@palembang.go.id`, emailVerified: true, firstName: 'Uji', lastName: 'Asap',
    attributes: { nip: [nip], opd: ['DISDIK'] }, credentials: [{ type: 'password', value: password, temporary: false }] }) });
  assert.equal(res.status, 201, `create user: ${res.status} ${await res.text()}`);
  const userUrl = res.headers.get('location');
  try {
    // Role ids come from .../role-mappings/realm/available: GET /roles/{name} needs view-realm, which
    // this service account deliberately lacks.
    res = await fetch(`${userUrl}/role-mappings/realm/available`, { headers: h });
    const pegawai = (await res.json()).filter((r) => r.name === 'pegawai');
    res = await fetch(`${userUrl}/role-mappings/realm`, { method: 'POST', headers: h, body: JSON.stringify(pegawai) });
    assert.equal(res.status, 204, `map role: ${res.status}`);
    const created = decode(await passwordToken(nip, password));
    assert.equal(created.nip, nip);
    assert.equal(created.opd, 'DISDIK');
    assert.ok(created.realm_access.roles.includes('pegawai'));
    assert.ok(aud(created).includes('capaian-api'));
    ok(`admin API (capaian-personnel) created ${nip}; its token: nip=${created.nip} opd=${created.opd} roles=${created.realm_access.roles.join(',')}`);
  } finally {
    await fetch(userUrl, { method: 'DELETE', headers: h });
  }
}

async function kafka() {
  const { Kafka, logLevel, Partitioners } = require('kafkajs');
  const topics = JSON.parse(fs.readFileSync(path.join(ROOT, 'libs/contracts/src/topics.json'), 'utf8'));
  const topic = topics[0].name;
  const client = new Kafka({ clientId: 'capaian-infra-smoke', brokers: ['127.0.0.1:9092'], logLevel: logLevel.NOTHING });
  const producer = client.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  const consumer = client.consumer({ groupId: `capaian-infra-smoke-${process.pid}` });
  const id = crypto.randomUUID();
  await Promise.all([producer.connect(), consumer.connect()]);
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    const received = new Promise((resolve) => consumer.run({ eachMessage: async ({ message }) => {
      if (message.key?.toString() === id) resolve(message.value.toString());
    } }));
    await producer.send({ topic, messages: [{ key: id, value: JSON.stringify({ id, hello: 'palembang' }) }] });
    const value = await Promise.race([received, new Promise((_, rej) => setTimeout(() => rej(new Error('no message in 30 s')), 30000))]);
    assert.equal(JSON.parse(value).id, id);
    ok(`kafka: produced and consumed one message on ${topic}`);
  } finally {
    await Promise.allSettled([consumer.disconnect(), producer.disconnect()]);
  }
}

async function mail() {
  const nodemailer = require('nodemailer');
  const subject = `smoke ${crypto.randomUUID()}`;
  const to = '199203152019031004@palembang.go.id';
  await nodemailer.createTransport({ host: '127.0.0.1', port: 1025, secure: false, ignoreTLS: true })
    .sendMail({ from: 'capaian@palembang.go.id', to, subject, text: 'Halo', html: '<p>Halo</p>' });
  // Mails reach the store a moment after SMTP's 250: poll briefly.
  let found = [];
  for (let i = 0; i < 20 && found.length === 0; i++) {
    const res = await fetch(`${MAILDEV}/api/email?subject=${encodeURIComponent(subject)}`);
    found = await res.json();
    if (found.length === 0) await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(found.length, 1, 'mail not found via GET /api/email?subject=');
  assert.equal(found[0].to[0].address, to);
  const del = await fetch(`${MAILDEV}/api/email/${found[0].id}`, { method: 'DELETE' });
  assert.equal(del.status, 200);
  ok(`mail: sent via SMTP 127.0.0.1:1025, read back (id ${found[0].id}) and deleted via ${MAILDEV}/api/email`);
}

async function postgres() {
  const { Client } = require('pg');
  for (const svc of ['personnel', 'appraisal', 'career', 'notification']) {
    for (const db of [`capaian_${svc}`, `capaian_${svc}_test`]) {
      const c = new Client({ host: '127.0.0.1', port: 5432, user: `capaian_${svc}`, password: `capaian_${svc}`, database: db });
      await c.connect();
      const { rows } = await c.query('select current_user as u, current_database() as d');
      await c.end();
      assert.equal(rows[0].d, db);
    }
  }
  ok('postgres: the four service roles log in to their databases and _test databases');
}

(async () => {
  for (const check of [postgres, keycloak, kafka, mail]) await check();
  console.log('smoke: all checks passed');
})().catch((err) => {
  console.error(`FAIL ${err.stack || err}`);
  process.exit(1);
});
