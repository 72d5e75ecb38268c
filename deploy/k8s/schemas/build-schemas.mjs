#!/usr/bin/env node
// Rebuilds the trimmed JSON schemas kept in this folder from the upstream files listed in
// deploy/k8s/schemas/README.md (origin, version, commit). Run only when moving to another
// Kubernetes or operator version; the tests read the kept output, never the network.
//
//   node deploy/k8s/schemas/build-schemas.mjs <folder with the upstream files>
//
// Trimming: descriptions are dropped (they are 90 % of the size), only the kinds the manifests use
// and the definitions they reach are kept, and every object schema that lists its properties and
// does not allow unknown fields gets `additionalProperties: false`. That last step is what makes a
// typo such as `readinesProbe` fail here instead of being silently pruned by the API server.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));
const src = process.argv[2];
if (!src) {
  console.error('usage: node deploy/k8s/schemas/build-schemas.mjs <folder with the upstream files>');
  process.exit(2);
}

/** The built-in kinds the manifests may use: apiVersion/kind → OpenAPI definition. */
const KUBERNETES_KINDS = {
  'v1/ConfigMap': 'io.k8s.api.core.v1.ConfigMap',
  'v1/Secret': 'io.k8s.api.core.v1.Secret',
  'v1/Service': 'io.k8s.api.core.v1.Service',
  'v1/ServiceAccount': 'io.k8s.api.core.v1.ServiceAccount',
  'v1/Namespace': 'io.k8s.api.core.v1.Namespace',
  'apps/v1/Deployment': 'io.k8s.api.apps.v1.Deployment',
  'batch/v1/Job': 'io.k8s.api.batch.v1.Job',
  'batch/v1/CronJob': 'io.k8s.api.batch.v1.CronJob',
  'policy/v1/PodDisruptionBudget': 'io.k8s.api.policy.v1.PodDisruptionBudget',
  'autoscaling/v2/HorizontalPodAutoscaler': 'io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler',
  'networking.k8s.io/v1/NetworkPolicy': 'io.k8s.api.networking.v1.NetworkPolicy',
  'networking.k8s.io/v1/Ingress': 'io.k8s.api.networking.v1.Ingress',
};

/** Operator resources: upstream CRD file → kept file name. */
const CRDS = {
  'strimzi-kafka.yaml': 'kafka.strimzi.io_v1_Kafka.json',
  'strimzi-kafkanodepool.yaml': 'kafka.strimzi.io_v1_KafkaNodePool.json',
  'strimzi-kafkatopic.yaml': 'kafka.strimzi.io_v1_KafkaTopic.json',
  'cnpg-clusters.yaml': 'postgresql.cnpg.io_v1_Cluster.json',
  'cnpg-scheduledbackups.yaml': 'postgresql.cnpg.io_v1_ScheduledBackup.json',
  'keycloak-keycloaks.yaml': 'k8s.keycloak.org_v2alpha1_Keycloak.json',
  'keycloak-realmimports.yaml': 'k8s.keycloak.org_v2alpha1_KeycloakRealmImport.json',
};

/** Walks a schema node (not a `properties` map), trimming in place. */
function trim(node, { strict }) {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return node;
  delete node.description;
  delete node.example;
  delete node['x-kubernetes-group-version-kind'];
  delete node['x-kubernetes-list-map-keys'];
  delete node['x-kubernetes-list-type'];
  delete node['x-kubernetes-patch-merge-key'];
  delete node['x-kubernetes-patch-strategy'];
  delete node['x-kubernetes-map-type'];
  delete node['x-kubernetes-validations'];
  if (node.properties) for (const child of Object.values(node.properties)) trim(child, { strict });
  if (node.items) trim(node.items, { strict });
  if (node.additionalProperties && typeof node.additionalProperties === 'object') trim(node.additionalProperties, { strict });
  for (const key of ['allOf', 'anyOf', 'oneOf']) if (Array.isArray(node[key])) node[key].forEach((s) => trim(s, { strict }));
  if (node.not) trim(node.not, { strict });
  // CRDs: int-or-string fields carry both types; `nullable` allows null.
  if (node['x-kubernetes-int-or-string']) {
    delete node['x-kubernetes-int-or-string'];
    delete node.anyOf;
    delete node.type;
    node.type = ['integer', 'string'];
  }
  if (node.nullable === true) {
    delete node.nullable;
    if (typeof node.type === 'string') node.type = [node.type, 'null'];
  }
  const preserve = node['x-kubernetes-preserve-unknown-fields'] === true;
  delete node['x-kubernetes-preserve-unknown-fields'];
  delete node['x-kubernetes-embedded-resource'];
  if (strict && node.properties && node.additionalProperties === undefined && !preserve) node.additionalProperties = false;
  return node;
}

function kubernetes() {
  const swagger = JSON.parse(fs.readFileSync(path.join(src, 'kubernetes-swagger.json'), 'utf8'));
  const all = swagger.definitions;
  const keep = {};
  const visit = (name) => {
    if (keep[name]) return;
    if (!all[name]) throw new Error(`definition ${name} missing from the swagger file`);
    keep[name] = structuredClone(all[name]);
    JSON.stringify(all[name], (key, value) => {
      if (key === '$ref' && typeof value === 'string') visit(value.replace('#/definitions/', ''));
      return value;
    });
  };
  for (const def of Object.values(KUBERNETES_KINDS)) visit(def);
  for (const [name, def] of Object.entries(keep)) {
    // Quantities ("500m", "1Gi") and int-or-string ports may be written as numbers in YAML.
    if (name === 'io.k8s.apimachinery.pkg.api.resource.Quantity') keep[name] = { type: ['string', 'number'] };
    else if (name === 'io.k8s.apimachinery.pkg.util.intstr.IntOrString') keep[name] = { type: ['string', 'integer'] };
    else trim(def, { strict: true });
  }
  return { kinds: KUBERNETES_KINDS, definitions: keep };
}

function crd(file) {
  const doc = YAML.parse(fs.readFileSync(path.join(src, file), 'utf8'));
  const version = doc.spec.versions.find((v) => v.storage) ?? doc.spec.versions[0];
  const schema = trim(structuredClone(version.schema.openAPIV3Schema), { strict: true });
  // Every object has these, whether or not the CRD's generator wrote them down (Keycloak's does not).
  schema.properties = { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' }, ...schema.properties };
  return { group: doc.spec.group, version: version.name, kind: doc.spec.names.kind, schema };
}

const k8s = kubernetes();
fs.writeFileSync(path.join(here, 'kubernetes.json'), JSON.stringify(k8s) + '\n');
console.log(`kubernetes.json: ${Object.keys(k8s.kinds).length} kinds, ${Object.keys(k8s.definitions).length} definitions`);
fs.mkdirSync(path.join(here, 'crds'), { recursive: true });
for (const [file, out] of Object.entries(CRDS)) {
  const result = crd(file);
  fs.writeFileSync(path.join(here, 'crds', out), JSON.stringify(result) + '\n');
  console.log(`crds/${out}: ${result.group}/${result.version} ${result.kind}`);
}
