// Offline tests of the Kubernetes manifests (deploy/k8s) and of the realm split (infra/keycloak).
// Run: node --test tools/k8s/*.test.mjs   (needs kubectl, Debian's package; no cluster, no network)
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { build, checkOverlay, coverageProblems, OVERLAYS, REPO_ROOT, SERVICES, sourceSecretProblems } from './check.mjs';
import { staleFiles } from '../../deploy/k8s/generate.mjs';
import { devRealmText, DEV_REALM, mergeRealm, PRODUCTION_REALM, productionRealmProblems, readJson } from '../../infra/keycloak/build-realm.mjs';

const overlayDir = (root, name) => path.join(root, 'deploy/k8s/overlays', name);

for (const overlay of OVERLAYS) {
  test(`overlay ${overlay}: builds, every object validates, references and coverage hold`, () => {
    assert.deepEqual(checkOverlay(overlayDir(REPO_ROOT, overlay)), []);
  });
}

test('no Secret with a value anywhere under deploy/', () => {
  assert.deepEqual(sourceSecretProblems(path.join(REPO_ROOT, 'deploy'), REPO_ROOT), []);
});

test('generated manifests (topics, realm import, services) are up to date', () => {
  assert.deepEqual(staleFiles(), [], 'run node deploy/k8s/generate.mjs');
});

test('every topic of the registry and its dead-letter topic have a KafkaTopic: 3 replicas, min.insync.replicas 2', () => {
  const topics = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'libs/contracts/src/topics.json'), 'utf8'));
  const objects = build(overlayDir(REPO_ROOT, 'production'));
  const kafkaTopics = new Map(objects.filter((o) => o.kind === 'KafkaTopic').map((o) => [o.spec.topicName, o]));
  for (const entry of topics) {
    for (const name of [entry.name, `${entry.name}.dlq`]) {
      const topic = kafkaTopics.get(name);
      assert.ok(topic, `${name} has a KafkaTopic`);
      assert.equal(topic.spec.replicas, 3, name);
      assert.equal(topic.spec.config['min.insync.replicas'], 2, name);
      assert.equal(topic.metadata.labels['strimzi.io/cluster'], 'capaian', name);
    }
    assert.equal(kafkaTopics.get(entry.name).spec.partitions, entry.partitions ?? 1, entry.name);
    const policy = kafkaTopics.get(entry.name).spec.config['cleanup.policy'];
    assert.equal(policy, entry.config?.['cleanup.policy'] === 'compact' ? 'compact' : 'delete', entry.name);
  }
});

test('every service has a Deployment, Service, PDB, HPA, NetworkPolicy, and a migration Job when it has a database', () => {
  const objects = build(overlayDir(REPO_ROOT, 'production'));
  for (const [service, { database }] of Object.entries(SERVICES)) {
    const of = (kind) => objects.filter((o) => o.kind === kind && o.metadata.labels?.['app.kubernetes.io/name'] === service);
    assert.equal(of('Deployment').length, 1, `${service} Deployment`);
    assert.equal(of('PodDisruptionBudget').length, 1, `${service} PDB`);
    assert.equal(of('HorizontalPodAutoscaler').length, 1, `${service} HPA`);
    assert.equal(of('NetworkPolicy').length, 1, `${service} NetworkPolicy`);
    assert.equal(of('Job').length, database ? 1 : 0, `${service} migration Job`);
    const pod = of('Deployment')[0].spec.template.spec;
    assert.equal(pod.securityContext.runAsNonRoot, true);
    assert.equal(pod.containers[0].securityContext.readOnlyRootFilesystem, true);
  }
  // Only the gateway accepts traffic from outside the namespace's services (the ingress controller).
  const fromIngress = objects.filter(
    (o) => o.kind === 'NetworkPolicy' && JSON.stringify(o.spec.ingress ?? []).includes('ingress-nginx') && o.metadata.labels?.['app.kubernetes.io/component'] === 'api',
  );
  assert.deepEqual(fromIngress.map((o) => o.metadata.name), ['gateway']);
});

// ---------------------------------------------------------------- bad input names the file

const scratchRoots = [];
after(() => {
  for (const root of scratchRoots) fs.rmSync(root, { recursive: true, force: true });
});

/** A scratch copy of deploy/k8s and the topic registry, to break on purpose (removed after the tests). */
function scratchCopy() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'capaian-k8s-'));
  scratchRoots.push(root);
  fs.cpSync(path.join(REPO_ROOT, 'deploy/k8s'), path.join(root, 'deploy/k8s'), { recursive: true });
  fs.mkdirSync(path.join(root, 'libs/contracts/src'), { recursive: true });
  fs.copyFileSync(path.join(REPO_ROOT, 'libs/contracts/src/topics.json'), path.join(root, 'libs/contracts/src/topics.json'));
  return root;
}

function editYaml(file, edit) {
  const docs = YAML.parseAllDocuments(fs.readFileSync(file, 'utf8')).map((d) => d.toJS());
  docs.forEach(edit);
  fs.writeFileSync(file, docs.map((d) => YAML.stringify(d)).join('---\n'));
}

test('a manifest reading a missing ConfigMap key fails, naming the file', () => {
  const root = scratchCopy();
  const file = path.join(root, 'deploy/k8s/base/services/notification.yaml');
  editYaml(file, (doc) => {
    if (doc.kind !== 'Deployment') return;
    doc.spec.template.spec.containers[0].env.push({ name: 'SMTP_TLS_MODE', valueFrom: { configMapKeyRef: { name: 'capaian-services', key: 'SMTP_TLS_MODE' } } });
  });
  const problems = checkOverlay(overlayDir(root, 'production'), { root });
  assert.equal(problems.length, 1, problems.join('\n'));
  assert.match(problems[0], /^deploy\/k8s\/base\/services\/notification\.yaml: Deployment notification: SMTP_TLS_MODE reads key SMTP_TLS_MODE of ConfigMap capaian-services/);
});

test('a topic without a KafkaTopic fails, naming the registry and the manifest', () => {
  const root = scratchCopy();
  const topics = JSON.parse(fs.readFileSync(path.join(root, 'libs/contracts/src/topics.json'), 'utf8'));
  topics.push({ name: 'career.certificate.v1', partitions: 3 });
  fs.writeFileSync(path.join(root, 'libs/contracts/src/topics.json'), JSON.stringify(topics));
  const problems = checkOverlay(overlayDir(root, 'dev'), { root, topics });
  assert.equal(problems.length, 2, problems.join('\n'));
  assert.match(problems[0], /^libs\/contracts\/src\/topics\.json: topic career\.certificate\.v1 has no KafkaTopic .*deploy\/k8s\/base\/kafka\/topics\.yaml/);
  assert.match(problems[1], /career\.certificate\.v1\.dlq has no KafkaTopic/);
});

test('a Secret with a literal value fails, naming the file', () => {
  const root = scratchCopy();
  const secret = path.join(root, 'deploy/k8s/base/smtp-secret.yaml');
  fs.writeFileSync(secret, 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: capaian-smtp\nstringData:\n  password: hunter2\n');
  editYaml(path.join(root, 'deploy/k8s/base/kustomization.yaml'), (doc) => doc.resources.push('smtp-secret.yaml'));
  const problems = checkOverlay(overlayDir(root, 'production'), { root });
  assert.deepEqual(problems, [
    'deploy/k8s/base/smtp-secret.yaml: Secret capaian-smtp carries a literal value (password): create Secrets in the cluster, not in the repository',
  ]);
  assert.deepEqual(sourceSecretProblems(path.join(root, 'deploy'), root), [
    'deploy/k8s/base/smtp-secret.yaml: Secret capaian-smtp carries a literal value: create Secrets in the cluster, not in the repository',
  ]);
});

test('a misspelt field fails schema validation, naming the file', () => {
  const root = scratchCopy();
  editYaml(path.join(root, 'deploy/k8s/base/services/career.yaml'), (doc) => {
    if (doc.kind !== 'Deployment') return;
    const c = doc.spec.template.spec.containers[0];
    c.readinesProbe = c.readinessProbe;
  });
  editYaml(path.join(root, 'deploy/k8s/base/kafka/kafka.yaml'), (doc) => {
    if (doc.kind === 'KafkaNodePool') doc.spec.replica = 3;
  });
  const problems = checkOverlay(overlayDir(root, 'production'), { root });
  assert.ok(problems.some((p) => /^deploy\/k8s\/base\/services\/career\.yaml: Deployment career: .*additional properties \(readinesProbe\)/.test(p)), problems.join('\n'));
  assert.ok(problems.some((p) => /^deploy\/k8s\/base\/kafka\/kafka\.yaml: KafkaNodePool dual-role: \/spec must NOT have additional properties \(replica\)/.test(p)), problems.join('\n'));
});

test('an overlay that leaves an image without registry and release tag fails, naming the file', () => {
  const root = scratchCopy();
  editYaml(path.join(root, 'deploy/k8s/overlays/production/kustomization.yaml'), (doc) => {
    doc.images = doc.images.filter((i) => i.name !== 'capaian/gateway');
  });
  const problems = checkOverlay(overlayDir(root, 'production'), { root });
  assert.deepEqual(problems, [
    'deploy/k8s/base/services/gateway.yaml: Deployment gateway: container gateway has image capaian/gateway; the overlay must set a registry and a release tag (images:)',
  ]);
});

test('coverage names a service without its migration Job', () => {
  const objects = build(overlayDir(REPO_ROOT, 'production')).filter((o) => !(o.kind === 'Job' && o.metadata.name === 'career-migrate'));
  const problems = coverageProblems(objects, { overlayDir: overlayDir(REPO_ROOT, 'production'), root: REPO_ROOT, topics: [] });
  assert.deepEqual(problems, ['deploy/k8s/base/services/career.yaml: service career has no migration Job']);
});

// ---------------------------------------------------------------- realm split

test('the production realm has no user, no direct-access-grant client, no test client and no literal secret', () => {
  const realm = readJson(PRODUCTION_REALM);
  assert.deepEqual(productionRealmProblems(realm), [], 'infra/keycloak/realm/production.json');
  assert.equal(realm.bruteForceProtected, true);
  assert.ok(realm.passwordPolicy.includes('length(12)'));
  assert.equal(realm.revokeRefreshToken, true);
  assert.equal(realm.refreshTokenMaxReuse, 0);
  assert.equal(realm.eventsEnabled, true);
  assert.equal(realm.adminEventsEnabled, true);
  const portal = realm.clients.find((c) => c.clientId === 'capaian-portal');
  assert.equal(portal.implicitFlowEnabled, false);
  assert.equal(portal.attributes['pkce.code.challenge.method'], 'S256');
  assert.ok(!portal.optionalClientScopes.includes('offline_access') && !portal.defaultClientScopes.includes('offline_access'));
  // Only the portal's own paths, never a wildcard over the whole origin (which would cover /api/*).
  for (const uri of portal.redirectUris) assert.ok(uri.startsWith('${CAPAIAN_PORTAL_URL}/') && uri !== '${CAPAIAN_PORTAL_URL}/*', uri);
});

test('a realm with a user, a password-grant client or a literal secret is refused', () => {
  const bad = mergeRealm(readJson(PRODUCTION_REALM), {
    users: [{ username: '199001012020011001' }],
    clients: [{ clientId: 'capaian-portal', directAccessGrantsEnabled: true }, { clientId: 'sipd-reader', secret: 'sipd-reader-secret' }],
  });
  assert.deepEqual(productionRealmProblems(bad), [
    'user 199001012020011001 (a production realm has no users)',
    'client capaian-portal accepts passwords (directAccessGrantsEnabled)',
    'client sipd-reader has a literal secret',
  ]);
  // The development realm is exactly what production must not be.
  assert.ok(productionRealmProblems(readJson(DEV_REALM)).length > 0);
});

test('the development realm (infra/keycloak/capaian-realm.json) is production + dev overlay, with the test client and demo users', () => {
  assert.equal(fs.readFileSync(DEV_REALM, 'utf8'), devRealmText(), 'run node infra/keycloak/build-realm.mjs');
  const dev = readJson(DEV_REALM);
  assert.ok(dev.users.length > 0);
  const tests = dev.clients.find((c) => c.clientId === 'capaian-tests');
  assert.equal(tests.directAccessGrantsEnabled, true);
  assert.equal(tests.secret, 'capaian-tests-secret');
  assert.equal(dev.clients.find((c) => c.clientId === 'capaian-personnel').secret, 'capaian-personnel-secret');
  assert.ok(!JSON.stringify(dev).includes('${CAPAIAN_'), 'no unresolved placeholder in the development realm');
});
