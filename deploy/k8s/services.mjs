// The five services as Kubernetes objects, written to base/services/<name>.yaml by generate.mjs.
// One table, one template: every service gets the same probes, security context, disruption
// budget and network rules, and the differences between services are the rows below.
import YAML from 'yaml';

/**
 * Resources come from measured figures (docs/capacity.md, "Measured"; docs/benchmarks.md, "Idle memory"):
 * idle RSS after start-up on Node 20 — gateway 103–135 MB, personnel 117–166 MB, the three consumers
 * 113–124 MB at rest — and, with the heap bound of 128 MB (nodeOptions), 160–200 MB for a consumer
 * catching up 20,000 events (300–500 MB without it) and about 200 MB for the appraisal year-end
 * benchmark. The personnel import of 100,000 rows peaked at 680 MB before its bound. Requests
 * cover idle plus a working margin; limits leave room for the largest measured peak and for what
 * lives outside the heap (code, Buffers). No CPU limit is lower than one core: Node runs JavaScript on one
 * thread, and throttling a burst only makes its latency worse.
 */
export const SERVICES = [
  {
    name: 'gateway',
    port: 3000,
    database: false,
    kafka: false,
    s3: false,
    smtp: false,
    resources: { requests: { cpu: '250m', memory: '192Mi' }, limits: { cpu: '1', memory: '384Mi' } },
    replicas: { min: 2, max: 8 },
    config: ['PERSONNEL_URL', 'APPRAISAL_URL', 'CAREER_URL', 'NOTIFICATION_URL', 'RATE_LIMIT_MAX', 'RATE_LIMIT_ANONYMOUS_MAX'],
    secrets: {},
    // The image's NODE_OPTIONS with a young generation of 8 MB instead of 2: the requests in flight
    // then die young instead of being copied and promoted (scripts/lib.sh gives `npm start` the same).
    nodeOptions: '--enable-source-maps --max-semi-space-size=8',
  },
  {
    name: 'personnel',
    port: 3001,
    database: true,
    kafka: true,
    s3: false,
    smtp: false,
    // The bulk import holds a whole file's rows: 680 MB peak for 100,000 employees.
    resources: { requests: { cpu: '250m', memory: '384Mi' }, limits: { cpu: '1', memory: '1Gi' } },
    replicas: { min: 2, max: 6 },
    config: ['KEYCLOAK_ADMIN_URL', 'PERSONNEL_KEYCLOAK_CLIENT_ID'],
    secrets: { PERSONNEL_KEYCLOAK_CLIENT_SECRET: ['capaian-keycloak-realm', 'personnel-client-secret'] },
    importDir: true,
    // The image's NODE_OPTIONS plus a heap bound, so that an import's garbage is collected instead of
    // piling up to hundreds of MB, and a 16 MB young generation, so that pages of employees in flight
    // die young instead of being promoted (scripts/lib.sh gives `npm start` the same flags).
    nodeOptions: '--enable-source-maps --max-semi-space-size=16 --max-old-space-size=128',
    // Operations run on demand from a suspended CronJob (docs/deploy.md, "Rebuild a read model").
    operations: { republish: 'dist/apps/personnel/apps/personnel/src/republish/republish.main.js' },
  },
  {
    name: 'appraisal',
    port: 3002,
    database: true,
    kafka: true,
    s3: true,
    smtp: false,
    resources: { requests: { cpu: '200m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } },
    // As for personnel: catching up a backlog of events piles up hundreds of MB of garbage under V8's
    // default limit; the bound keeps it collected (scripts/lib.sh, SERVICE_HEAP_MB).
    nodeOptions: '--enable-source-maps --max-semi-space-size=2 --max-old-space-size=128',
    replicas: { min: 2, max: 6 },
    config: ['S3_ENDPOINT', 'S3_REGION', 'S3_BUCKET', 'S3_FORCE_PATH_STYLE'],
    secrets: { S3_ACCESS_KEY_ID: ['capaian-s3', 'access-key-id'], S3_SECRET_ACCESS_KEY: ['capaian-s3', 'secret-access-key'] },
  },
  {
    name: 'career',
    port: 3003,
    database: true,
    kafka: true,
    s3: true,
    smtp: false,
    resources: { requests: { cpu: '200m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } },
    // As for personnel: catching up a backlog of events piles up hundreds of MB of garbage under V8's
    // default limit; the bound keeps it collected (scripts/lib.sh, SERVICE_HEAP_MB).
    nodeOptions: '--enable-source-maps --max-semi-space-size=2 --max-old-space-size=128',
    replicas: { min: 2, max: 6 },
    config: ['S3_ENDPOINT', 'S3_REGION', 'S3_BUCKET', 'S3_FORCE_PATH_STYLE'],
    secrets: { S3_ACCESS_KEY_ID: ['capaian-s3', 'access-key-id'], S3_SECRET_ACCESS_KEY: ['capaian-s3', 'secret-access-key'] },
  },
  {
    name: 'notification',
    port: 3004,
    database: true,
    kafka: true,
    s3: false,
    smtp: true,
    resources: { requests: { cpu: '200m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } },
    // As for personnel: catching up a backlog of events piles up hundreds of MB of garbage under V8's
    // default limit; the bound keeps it collected (scripts/lib.sh, SERVICE_HEAP_MB).
    nodeOptions: '--enable-source-maps --max-semi-space-size=2 --max-old-space-size=128',
    replicas: { min: 2, max: 6 },
    config: ['SMTP_HOST', 'SMTP_PORT', 'SMTP_SECURE', 'SMTP_FROM', 'PORTAL_BASE_URL', 'NOTIFICATION_PUBLIC_URL'],
    secrets: {
      UNSUBSCRIBE_SECRET: ['capaian-notification', 'unsubscribe-secret'],
      SMTP_USER: ['capaian-smtp', 'username', true],
      SMTP_PASS: ['capaian-smtp', 'password', true],
    },
  },
];

const PART_OF = 'capaian';

function labels(service, component) {
  return { 'app.kubernetes.io/name': service.name, 'app.kubernetes.io/component': component, 'app.kubernetes.io/part-of': PART_OF };
}

function env(service) {
  const out = [{ name: 'PORT', value: String(service.port) }];
  if (service.database) {
    // CloudNativePG writes <cluster>-app with the owner's credentials and the read-write service.
    const secret = `capaian-${service.name}-db-app`;
    for (const [name, key] of [
      ['DB_HOST', 'host'],
      ['DB_NAME', 'dbname'],
      ['DB_USER', 'username'],
      ['DB_PASSWORD', 'password'],
    ]) {
      out.push({ name, valueFrom: { secretKeyRef: { name: secret, key } } });
    }
  }
  for (const key of service.config) out.push({ name: key, valueFrom: { configMapKeyRef: { name: 'capaian-services', key } } });
  for (const [name, [secret, key, optional]] of Object.entries(service.secrets)) {
    out.push({ name, valueFrom: { secretKeyRef: { name: secret, key, ...(optional ? { optional: true } : {}) } } });
  }
  if (service.importDir) out.push({ name: 'PERSONNEL_IMPORT_DIR', value: '/var/lib/capaian/imports' });
  if (service.nodeOptions) out.push({ name: 'NODE_OPTIONS', value: service.nodeOptions });
  return out;
}

function volumes(service) {
  const list = [{ name: 'tmp', emptyDir: { sizeLimit: '256Mi' } }];
  // Uploaded files wait here for their import job (at most 200 MiB each).
  if (service.importDir) list.push({ name: 'imports', emptyDir: { sizeLimit: '2Gi' } });
  return list;
}

function mounts(service) {
  const list = [{ name: 'tmp', mountPath: '/tmp' }];
  if (service.importDir) list.push({ name: 'imports', mountPath: '/var/lib/capaian/imports' });
  return list;
}

const containerSecurity = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  capabilities: { drop: ['ALL'] },
};

const podSecurity = {
  // uid/gid 1000 = the `node` user of the image (Dockerfile); it owns nothing but /tmp.
  runAsNonRoot: true,
  runAsUser: 1000,
  runAsGroup: 1000,
  fsGroup: 1000,
  seccompProfile: { type: 'RuntimeDefault' },
};

function container(service, component, command) {
  const c = {
    name: service.name,
    image: `capaian/${service.name}`,
    imagePullPolicy: 'IfNotPresent',
    envFrom: [{ configMapRef: { name: 'capaian-common' } }],
    env: env(service),
    resources: service.resources,
    securityContext: containerSecurity,
    volumeMounts: mounts(service),
  };
  if (component === 'migration' || component === 'operation') {
    // The image links /app/service to the service's compiled entry points (Dockerfile).
    c.command = ['node', command ?? 'service/migrate.js'];
    c.resources = { requests: { cpu: '100m', memory: '192Mi' }, limits: { cpu: '1', memory: '384Mi' } };
    return c;
  }
  c.ports = [{ name: 'http', containerPort: service.port, protocol: 'TCP' }];
  // Boot connects to the database and Kafka with retries: give it a minute before liveness counts.
  c.startupProbe = { httpGet: { path: '/health/live', port: 'http' }, periodSeconds: 2, failureThreshold: 30, timeoutSeconds: 2 };
  // Liveness checks nothing external: a database outage must not restart every replica.
  c.livenessProbe = { httpGet: { path: '/health/live', port: 'http' }, periodSeconds: 10, failureThreshold: 3, timeoutSeconds: 2 };
  c.readinessProbe = { httpGet: { path: '/health/ready', port: 'http' }, periodSeconds: 5, failureThreshold: 2, timeoutSeconds: 3 };
  // Endpoints are removed asynchronously: keep serving a few seconds before the SIGTERM drain.
  c.lifecycle = { preStop: { sleep: { seconds: 5 } } };
  return c;
}

function deployment(service) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: service.name, labels: labels(service, 'api') },
    spec: {
      replicas: service.replicas.min,
      revisionHistoryLimit: 5,
      // One new replica at a time, none taken away before its successor is ready (docs/deploy.md).
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      selector: { matchLabels: { 'app.kubernetes.io/name': service.name, 'app.kubernetes.io/component': 'api' } },
      template: {
        metadata: { labels: labels(service, 'api') },
        spec: {
          serviceAccountName: service.name,
          automountServiceAccountToken: false,
          // 5 s preStop + up to 10 s consumer drain + 5 s outbox flush, with a margin.
          terminationGracePeriodSeconds: 35,
          securityContext: podSecurity,
          topologySpreadConstraints: [
            {
              maxSkew: 1,
              topologyKey: 'kubernetes.io/hostname',
              whenUnsatisfiable: 'ScheduleAnyway',
              labelSelector: { matchLabels: { 'app.kubernetes.io/name': service.name, 'app.kubernetes.io/component': 'api' } },
            },
          ],
          containers: [container(service, 'api')],
          volumes: volumes(service),
        },
      },
    },
  };
}

function migrationJob(service) {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: `${service.name}-migrate`,
      labels: labels(service, 'migration'),
      annotations: {
        // Argo CD runs a PreSync hook to completion before it touches the Deployment; a failed
        // migration stops the sync and the old version keeps running. With plain kubectl the
        // runbook applies this Job first and waits for it (docs/deploy.md, "Deploy one service").
        'argocd.argoproj.io/hook': 'PreSync',
        'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation',
      },
    },
    spec: {
      backoffLimit: 1,
      activeDeadlineSeconds: 1800,
      ttlSecondsAfterFinished: 86400,
      template: {
        metadata: { labels: labels(service, 'migration') },
        spec: {
          serviceAccountName: service.name,
          automountServiceAccountToken: false,
          restartPolicy: 'Never',
          securityContext: podSecurity,
          containers: [container(service, 'migration')],
          volumes: volumes(service),
        },
      },
    },
  };
}

/**
 * A one-off task with the service's image and environment, never scheduled (suspended): run it
 * with `kubectl create job <name>-$(date +%s) --from=cronjob/<service>-<name>`.
 */
function operationCronJob(service, name, command) {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: `${service.name}-${name}`, labels: labels(service, 'operation') },
    spec: {
      suspend: true,
      schedule: '0 0 1 1 *',
      concurrencyPolicy: 'Forbid',
      jobTemplate: {
        spec: {
          backoffLimit: 0,
          ttlSecondsAfterFinished: 86400,
          template: {
            metadata: { labels: labels(service, 'operation') },
            spec: {
              serviceAccountName: service.name,
              automountServiceAccountToken: false,
              restartPolicy: 'Never',
              securityContext: podSecurity,
              containers: [container(service, 'operation', command)],
              volumes: volumes(service),
            },
          },
        },
      },
    },
  };
}

function networkPolicy(service) {
  const egress = [
    // DNS.
    {
      to: [{ namespaceSelector: {}, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
      ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }],
    },
    // Keycloak: the signing keys (JWKS) and, for personnel, the admin API. Through the public
    // name (the ingress controller) because the issuer must be the public URL, or directly.
    {
      to: [
        { podSelector: { matchLabels: { 'app.kubernetes.io/managed-by': 'keycloak-operator', app: 'keycloak' } } },
        { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } },
      ],
      ports: [{ protocol: 'TCP', port: 8443 }, { protocol: 'TCP', port: 8080 }, { protocol: 'TCP', port: 443 }],
    },
  ];
  if (service.database) {
    egress.push({ to: [{ podSelector: { matchLabels: { 'cnpg.io/cluster': `capaian-${service.name}-db` } } }], ports: [{ protocol: 'TCP', port: 5432 }] });
  }
  if (service.kafka) {
    egress.push({ to: [{ podSelector: { matchLabels: { 'strimzi.io/cluster': 'capaian', 'strimzi.io/kind': 'Kafka' } } }], ports: [{ protocol: 'TCP', port: 9092 }] });
  }
  if (service.s3 || service.smtp) {
    // The object store and the mail relay are outside the cluster; the production overlay narrows
    // the address block to theirs.
    egress.push({
      to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] } }],
      ports: [
        ...(service.s3 ? [{ protocol: 'TCP', port: 443 }] : []),
        ...(service.smtp ? [{ protocol: 'TCP', port: 587 }, { protocol: 'TCP', port: 465 }] : []),
      ],
    });
  }
  if (service.name === 'gateway') {
    egress.push({
      to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/part-of': PART_OF, 'app.kubernetes.io/component': 'api' } } }],
      ports: SERVICES.filter((s) => s.name !== 'gateway').map((s) => ({ protocol: 'TCP', port: s.port })),
    });
  }
  const ingress =
    service.name === 'gateway'
      ? // The only service reachable from outside: through the ingress controller.
        [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }], ports: [{ protocol: 'TCP', port: service.port }] }]
      : [{ from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'gateway', 'app.kubernetes.io/component': 'api' } } }], ports: [{ protocol: 'TCP', port: service.port }] }];
  // Prometheus scrapes /metrics from its own namespace.
  ingress.push({ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }], ports: [{ protocol: 'TCP', port: service.port }] });
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: service.name, labels: labels(service, 'api') },
    spec: {
      // Both the Deployment's pods and the migration Job's pods.
      podSelector: { matchLabels: { 'app.kubernetes.io/name': service.name } },
      policyTypes: ['Ingress', 'Egress'],
      ingress,
      egress,
    },
  };
}

export function serviceObjects(service) {
  const selector = { 'app.kubernetes.io/name': service.name, 'app.kubernetes.io/component': 'api' };
  const objects = [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: service.name, labels: labels(service, 'api') }, automountServiceAccountToken: false },
    deployment(service),
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: service.name, labels: labels(service, 'api') },
      spec: { selector, ports: [{ name: 'http', port: service.port, targetPort: 'http', protocol: 'TCP' }] },
    },
    {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: service.name, labels: labels(service, 'api') },
      spec: { maxUnavailable: 1, selector: { matchLabels: selector } },
    },
    {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: service.name, labels: labels(service, 'api') },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: service.name },
        minReplicas: service.replicas.min,
        // Above the partition count of the topics a service consumes, extra replicas only add
        // HTTP capacity (Kafka gives them no partition): docs/capacity.md.
        maxReplicas: service.replicas.max,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
        behavior: { scaleDown: { stabilizationWindowSeconds: 300 } },
      },
    },
    networkPolicy(service),
  ];
  if (service.database) objects.push(migrationJob(service));
  for (const [name, command] of Object.entries(service.operations ?? {})) objects.push(operationCronJob(service, name, command));
  return objects;
}

export function serviceManifest(service) {
  return (
    `# GENERATED by deploy/k8s/generate.mjs from deploy/k8s/services.mjs: do not edit, change the table there.\n` +
    serviceObjects(service)
      .map((o) => YAML.stringify(o))
      .join('---\n')
  );
}
