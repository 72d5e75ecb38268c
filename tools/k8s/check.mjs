#!/usr/bin/env node
// Offline checks of the Kubernetes manifests in deploy/k8s (run by `npm test` through
// `node --test tools/k8s/*.test.mjs`, or alone: `node tools/k8s/check.mjs`):
//
// 1. `kubectl kustomize` builds each overlay;
// 2. every object validates against the schemas kept in deploy/k8s/schemas (Kubernetes and the
//    operators' CRDs, strict about unknown fields);
// 3. references hold: every configMapKeyRef names a key of a ConfigMap of the build, every
//    configMapRef a ConfigMap of the build;
// 4. no Secret with a value, anywhere under deploy/ (Secrets are created in the cluster);
// 5. coverage: each topic of libs/contracts/src/topics.json (and its .dlq) has a KafkaTopic; each
//    service has a Deployment, a Service, a PDB, an HPA, a NetworkPolicy, and, when it has a
//    database, a migration Job;
// 6. generated files (topics, realm import, service manifests) are up to date.
//
// Every problem names the file it comes from, relative to the repository root.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import YAML from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(here, '..', '..');
export const OVERLAYS = ['dev', 'production'];

/** Services as deploy/docs describe them; `database` = has migrations. */
export const SERVICES = {
  gateway: { database: false },
  personnel: { database: true },
  appraisal: { database: true },
  career: { database: true },
  notification: { database: true },
};

/** Makes sure kubectl is there (Debian's package), like the other prerequisites of npm test. */
export function kubectlPath() {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'kubectl');
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  throw new Error('kubectl is not installed: run `apt-get update && apt-get install -y kubectl` (scripts/test.sh does it)');
}

/** `kubectl kustomize <dir>` as a list of objects. */
export function build(overlayDir) {
  const out = execFileSync(kubectlPath(), ['kustomize', overlayDir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  return YAML.parseAllDocuments(out)
    .map((doc) => doc.toJS())
    .filter(Boolean);
}

/** The source file of a built object (kustomize's origin annotation), relative to `root`. */
export function originOf(object, overlayDir, root) {
  const text = object?.metadata?.annotations?.['config.kubernetes.io/origin'];
  if (!text) return path.relative(root, path.join(overlayDir, 'kustomization.yaml'));
  const origin = YAML.parse(text);
  const file = origin.path ?? origin.configuredIn;
  return path.relative(root, path.resolve(overlayDir, file));
}

function describe(object) {
  return `${object.kind} ${object.metadata?.name ?? '(no name)'}`;
}

let validatorsCache = new Map();

/** apiVersion/kind → ajv validate function, from deploy/k8s/schemas. */
export function validators(schemasDir) {
  if (validatorsCache.has(schemasDir)) return validatorsCache.get(schemasDir);
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  const k8s = JSON.parse(fs.readFileSync(path.join(schemasDir, 'kubernetes.json'), 'utf8'));
  ajv.addSchema({ $id: 'k8s', definitions: k8s.definitions });
  const byKind = new Map();
  for (const [gvk, def] of Object.entries(k8s.kinds)) byKind.set(gvk, { def, validate: null });
  for (const file of fs.readdirSync(path.join(schemasDir, 'crds'))) {
    const crd = JSON.parse(fs.readFileSync(path.join(schemasDir, 'crds', file), 'utf8'));
    byKind.set(`${crd.group}/${crd.version}/${crd.kind}`, { schema: crd.schema, validate: null });
  }
  const lookup = (gvk) => {
    const entry = byKind.get(gvk);
    if (!entry) return null;
    entry.validate ??= entry.def ? ajv.compile({ $ref: `k8s#/definitions/${entry.def}` }) : ajv.compile(entry.schema);
    return entry.validate;
  };
  validatorsCache.set(schemasDir, lookup);
  return lookup;
}

function schemaProblems(objects, { overlayDir, root, schemasDir }) {
  const lookup = validators(schemasDir);
  const problems = [];
  for (const object of objects) {
    const file = originOf(object, overlayDir, root);
    const validate = lookup(`${object.apiVersion}/${object.kind}`);
    if (!validate) {
      problems.push(`${file}: ${describe(object)}: no schema for ${object.apiVersion} ${object.kind} in deploy/k8s/schemas`);
      continue;
    }
    if (!validate(object)) {
      for (const error of validate.errors.slice(0, 5)) {
        const extra = error.keyword === 'additionalProperties' ? ` (${error.params.additionalProperty})` : '';
        problems.push(`${file}: ${describe(object)}: ${error.instancePath || '/'} ${error.message}${extra}`);
      }
    }
  }
  return problems;
}

function podSpecs(object) {
  if (object.kind === 'Deployment' || object.kind === 'Job') return [object.spec?.template?.spec].filter(Boolean);
  if (object.kind === 'CronJob') return [object.spec?.jobTemplate?.spec?.template?.spec].filter(Boolean);
  return [];
}

function referenceProblems(objects, { overlayDir, root }) {
  const configMaps = new Map(objects.filter((o) => o.kind === 'ConfigMap').map((o) => [o.metadata.name, o]));
  const problems = [];
  for (const object of objects) {
    const file = originOf(object, overlayDir, root);
    for (const spec of podSpecs(object)) {
      for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
        // A release is an exact image: registry, name and a tag other than latest.
        const image = String(c.image ?? '');
        const tag = image.slice(image.lastIndexOf('/') + 1).split(':')[1];
        if (!image.includes('/') || !tag || tag === 'latest' || image.startsWith('capaian/')) {
          problems.push(`${file}: ${describe(object)}: container ${c.name} has image ${image || '(none)'}; the overlay must set a registry and a release tag (images:)`);
        }
        for (const from of c.envFrom ?? []) {
          const name = from.configMapRef?.name;
          if (name && !from.configMapRef.optional && !configMaps.has(name)) {
            problems.push(`${file}: ${describe(object)}: container ${c.name} reads ConfigMap ${name}, which the build does not contain`);
          }
        }
        for (const variable of c.env ?? []) {
          const ref = variable.valueFrom?.configMapKeyRef;
          if (!ref || ref.optional) continue;
          const map = configMaps.get(ref.name);
          if (!map) problems.push(`${file}: ${describe(object)}: ${variable.name} reads ConfigMap ${ref.name}, which the build does not contain`);
          else if (!(ref.key in (map.data ?? {}))) {
            problems.push(`${file}: ${describe(object)}: ${variable.name} reads key ${ref.key} of ConfigMap ${ref.name}, which has no such key`);
          }
        }
      }
    }
  }
  return problems;
}

function secretProblems(objects, { overlayDir, root }) {
  const problems = [];
  for (const object of objects.filter((o) => o.kind === 'Secret')) {
    const keys = [...Object.keys(object.data ?? {}), ...Object.keys(object.stringData ?? {})];
    if (keys.length) {
      problems.push(`${originOf(object, overlayDir, root)}: Secret ${object.metadata?.name} carries a literal value (${keys.join(', ')}): create Secrets in the cluster, not in the repository`);
    }
  }
  return problems;
}

function walkYaml(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walkYaml(full, out);
    else if (/\.ya?ml$/.test(entry.name)) out.push(full);
  }
  return out;
}

/** Secrets written in any YAML file under the folder, referenced by a kustomization or not. */
export function sourceSecretProblems(k8sDir, root) {
  const problems = [];
  for (const file of walkYaml(k8sDir)) {
    const rel = path.relative(root, file);
    let docs;
    try {
      docs = YAML.parseAllDocuments(fs.readFileSync(file, 'utf8')).map((d) => d.toJS());
    } catch (e) {
      problems.push(`${rel}: not valid YAML: ${e.message}`);
      continue;
    }
    for (const doc of docs) {
      if (!doc || typeof doc !== 'object') continue;
      if (doc.kind === 'Secret' && (Object.keys(doc.data ?? {}).length || Object.keys(doc.stringData ?? {}).length)) {
        problems.push(`${rel}: Secret ${doc.metadata?.name} carries a literal value: create Secrets in the cluster, not in the repository`);
      }
      for (const generator of doc.secretGenerator ?? []) {
        if (generator.literals?.length || generator.envs?.length || generator.files?.length) {
          problems.push(`${rel}: secretGenerator ${generator.name} carries values: create Secrets in the cluster, not in the repository`);
        }
      }
    }
  }
  return problems;
}

function selects(selector, labels) {
  const match = selector?.matchLabels ?? {};
  return Object.entries(match).every(([k, v]) => labels[k] === v) && !(selector?.matchExpressions?.length);
}

export function coverageProblems(objects, { overlayDir, root, topics }) {
  const problems = [];
  const overlay = path.relative(root, overlayDir);
  const topicNames = new Set(objects.filter((o) => o.kind === 'KafkaTopic').map((o) => o.spec?.topicName ?? o.metadata.name));
  for (const entry of topics) {
    for (const name of entry.name.endsWith('.dlq') ? [entry.name] : [entry.name, `${entry.name}.dlq`]) {
      if (!topicNames.has(name)) {
        problems.push(`libs/contracts/src/topics.json: topic ${name} has no KafkaTopic in the build of ${overlay} (deploy/k8s/base/kafka/topics.yaml): run node deploy/k8s/generate.mjs`);
      }
    }
  }
  const find = (kind, name) => objects.find((o) => o.kind === kind && o.metadata.name === name);
  for (const [service, { database }] of Object.entries(SERVICES)) {
    const deployment = find('Deployment', service);
    if (!deployment) {
      problems.push(`${overlay}: service ${service} has no Deployment`);
      continue;
    }
    const podLabels = deployment.spec.template.metadata.labels ?? {};
    const file = originOf(deployment, overlayDir, root);
    if (!find('Service', service)) problems.push(`${file}: service ${service} has no Service`);
    if (!objects.some((o) => o.kind === 'PodDisruptionBudget' && selects(o.spec.selector, podLabels))) problems.push(`${file}: service ${service} has no PodDisruptionBudget selecting its pods`);
    if (!objects.some((o) => o.kind === 'HorizontalPodAutoscaler' && o.spec.scaleTargetRef?.name === service)) problems.push(`${file}: service ${service} has no HorizontalPodAutoscaler`);
    if (!objects.some((o) => o.kind === 'NetworkPolicy' && selects(o.spec.podSelector, podLabels) && Object.keys(o.spec.podSelector?.matchLabels ?? {}).length)) {
      problems.push(`${file}: service ${service} has no NetworkPolicy of its own`);
    }
    if (database && !objects.some((o) => o.kind === 'Job' && o.metadata.labels?.['app.kubernetes.io/name'] === service && o.metadata.labels?.['app.kubernetes.io/component'] === 'migration')) {
      problems.push(`${file}: service ${service} has no migration Job`);
    }
    const container = deployment.spec.template.spec.containers[0];
    if (container.readinessProbe?.httpGet?.path !== '/health/ready') problems.push(`${file}: ${service}: readiness probe must be GET /health/ready`);
    if (container.livenessProbe?.httpGet?.path !== '/health/live') problems.push(`${file}: ${service}: liveness probe must be GET /health/live`);
    if (!container.securityContext?.readOnlyRootFilesystem) problems.push(`${file}: ${service}: root filesystem must be read-only`);
    if (!deployment.spec.template.spec.securityContext?.runAsNonRoot) problems.push(`${file}: ${service}: must run as non-root`);
    if (!container.resources?.requests || !container.resources?.limits) problems.push(`${file}: ${service}: requests and limits are required`);
  }
  return problems;
}

/** Every problem of one overlay (building it, schemas, references, Secrets, coverage). */
export function checkOverlay(overlayDir, { root = REPO_ROOT, schemasDir, topics } = {}) {
  schemasDir ??= path.join(root, 'deploy/k8s/schemas');
  topics ??= JSON.parse(fs.readFileSync(path.join(root, 'libs/contracts/src/topics.json'), 'utf8'));
  let objects;
  try {
    objects = build(overlayDir);
  } catch (e) {
    return [`${path.relative(root, overlayDir)}: kubectl kustomize failed: ${(e.stderr || e.message).toString().trim()}`];
  }
  const context = { overlayDir, root, schemasDir, topics };
  return [
    ...schemaProblems(objects, context),
    ...referenceProblems(objects, context),
    ...secretProblems(objects, context),
    ...coverageProblems(objects, context),
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const problems = [...sourceSecretProblems(path.join(REPO_ROOT, 'deploy'), REPO_ROOT)];
  for (const overlay of OVERLAYS) problems.push(...checkOverlay(path.join(REPO_ROOT, 'deploy/k8s/overlays', overlay)));
  for (const p of problems) console.error(p);
  console.log(problems.length ? `k8s: ${problems.length} problem(s)` : `k8s: ${OVERLAYS.join(', ')} build and validate`);
  process.exit(problems.length ? 1 : 0);
}
