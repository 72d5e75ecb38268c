// The staff portal's image (target `portal` of the root Dockerfile): the stages read statically,
// the nginx server block run by a real nginx over a portal-shaped folder, the build helper's
// commands, and the Kubernetes objects that run the image.
// Run: node --test tools/docker/*.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { buildCommands, IMAGES } from './build-images.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (file) => fs.readFileSync(path.join(root, file), 'utf8');
const dockerfile = read('Dockerfile');

/** Each stage's text by name. */
function stages() {
  const parts = dockerfile.split(/^(?=FROM )/m).slice(1);
  return Object.fromEntries(parts.map((part) => [/^FROM \S+ AS (\S+)/.exec(part)[1], part]));
}

test('the portal stages: a Vite build with the Keycloak realm required, served by unprivileged nginx', () => {
  const { 'portal-build': build, portal } = stages();
  assert.ok(build && portal, 'stages portal-build and portal exist');
  assert.match(dockerfile, /^ARG NGINX_IMAGE=nginxinc\/nginx-unprivileged:\d+\.\d+-alpine$/m);
  assert.match(build, /^ARG KEYCLOAK_AUTHORITY$/m);
  assert.match(build, /test -n "\$\{KEYCLOAK_AUTHORITY\}" \|\| \{ echo .*>&2; exit 1; \}/, 'a missing realm URL fails the build');
  assert.match(build, /VITE_KEYCLOAK_AUTHORITY="\$\{KEYCLOAK_AUTHORITY\}" npx vite build --config apps\/portal\/vite\.config\.ts/);
  // What the portal's Vite config reads and writes, so the COPY lines find it.
  const vite = read('apps/portal/vite.config.ts');
  assert.match(vite, /outDir: resolve\(root, '\.\.\/\.\.\/dist\/apps\/portal'\)/);
  assert.match(read('apps/portal/src/auth/oidc.ts'), /import\.meta\.env\.VITE_KEYCLOAK_AUTHORITY/);
  assert.match(portal, /^FROM \$\{NGINX_IMAGE\} AS portal$/m);
  assert.match(portal, /^COPY tools\/docker\/portal-nginx\.conf \/etc\/nginx\/conf\.d\/default\.conf$/m);
  assert.match(portal, /^COPY --from=portal-build \/workspace\/dist\/apps\/portal\/ \/usr\/share\/nginx\/html\/$/m);
  assert.match(portal, /^USER 101$/m);
  assert.match(portal, /^EXPOSE 8080$/m);
  assert.doesNotMatch(portal, /node_modules|npm /, 'nothing of Node in the portal image');
});

test('a build without --target still makes a service image (the runtime stage is the last)', () => {
  const names = Object.keys(stages());
  assert.equal(names.at(-1), 'runtime');
  assert.ok(names.indexOf('portal') < names.indexOf('build'));
});

test('the build helper builds the five services and the portal, and refuses what it cannot build', () => {
  const commands = buildCommands({ tag: '1.2.3', registry: 'registry.example/capaian', keycloakAuthority: 'https://sso.example/realms/capaian', push: true });
  const builds = commands.filter((c) => c[0] === 'build');
  assert.deepEqual(IMAGES, ['gateway', 'personnel', 'appraisal', 'career', 'notification', 'portal']);
  assert.equal(builds.length, 6);
  assert.deepEqual(builds.at(-1), ['build', '--target', 'portal', '--build-arg', 'KEYCLOAK_AUTHORITY=https://sso.example/realms/capaian', '-t', 'registry.example/capaian/portal:1.2.3', '.']);
  assert.deepEqual(builds[1], ['build', '--target', 'runtime', '--build-arg', 'SERVICE=personnel', '-t', 'registry.example/capaian/personnel:1.2.3', '.']);
  assert.deepEqual(commands.filter((c) => c[0] === 'push').length, 6);
  for (const target of builds.map((c) => c[2])) assert.ok(stages()[target], `stage ${target} exists`);
  assert.throws(() => buildCommands({ tag: '1', images: ['portal'] }), /--keycloak-authority is required/);
  assert.throws(() => buildCommands({ tag: '1', images: ['web'] }), /unknown image web/);
  assert.throws(() => buildCommands({ images: ['gateway'] }), /--tag is required/);
  assert.equal(buildCommands({ tag: '1', images: ['gateway'] }).length, 1, 'a service needs no realm URL');
  const cli = spawnSync(process.execPath, ['tools/docker/build-images.mjs', '--dry-run', '--tag', 't', '--keycloak-authority', 'https://kc/realms/capaian'], { cwd: root, encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
  assert.equal(cli.stdout.trim().split('\n').length, 6);
  assert.match(cli.stdout, /^docker build --target portal --build-arg KEYCLOAK_AUTHORITY=https:\/\/kc\/realms\/capaian -t capaian\/portal:t \.$/m);
});

test('Kubernetes runs the portal image as it is built: uid 101, port 8080, read-only root with /tmp, behind the Ingress at /', () => {
  const objects = YAML.parseAllDocuments(read('deploy/k8s/base/portal/portal.yaml')).map((d) => d.toJS());
  const deployment = objects.find((o) => o.kind === 'Deployment');
  const pod = deployment.spec.template.spec;
  const container = pod.containers[0];
  assert.equal(container.image, 'capaian/portal');
  assert.equal(pod.securityContext.runAsUser, 101);
  assert.equal(container.ports[0].containerPort, 8080);
  assert.equal(container.securityContext.readOnlyRootFilesystem, true);
  assert.ok(container.volumeMounts.some((m) => m.mountPath === '/tmp'));
  const ingress = YAML.parse(read('deploy/k8s/base/ingress.yaml'));
  const paths = ingress.spec.rules[0].http.paths.map((p) => [p.path, p.backend.service.name]);
  assert.deepEqual(paths, [['/api', 'gateway'], ['/', 'portal']]);
  for (const overlay of ['dev', 'production']) {
    const kustomization = YAML.parse(read(`deploy/k8s/overlays/${overlay}/kustomization.yaml`));
    assert.ok(kustomization.images.some((i) => i.name === 'capaian/portal' && i.newTag), `${overlay} names the portal's image and tag`);
  }
});

/** An nginx binary: NGINX_BIN, one on PATH, or Debian's package unpacked once into .infra/nginx. */
function findNginx() {
  if (process.env.NGINX_BIN) return process.env.NGINX_BIN;
  for (const candidate of ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx']) if (fs.existsSync(candidate)) return candidate;
  const cached = path.join(root, '.infra/nginx/usr/sbin/nginx');
  if (fs.existsSync(cached)) return cached;
  const dir = path.join(root, '.infra/nginx');
  fs.mkdirSync(dir, { recursive: true });
  const download = spawnSync('apt-get', ['download', 'nginx'], { cwd: dir, encoding: 'utf8' });
  const deb = fs.readdirSync(dir).find((f) => f.endsWith('.deb'));
  if (download.status !== 0 || !deb) return undefined;
  spawnSync('dpkg', ['-x', deb, '.'], { cwd: dir });
  return fs.existsSync(cached) ? cached : undefined;
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

test('nginx serves the portal: hashed assets cached for a year, pages revalidated, deep links get index.html, /api never', async (t) => {
  const nginx = findNginx();
  if (!nginx) return t.skip('no nginx binary (set NGINX_BIN, install nginx, or allow apt-get download nginx)');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-nginx-'));
  // Started as root, nginx's workers run as nobody: they must be able to read the files.
  fs.chmodSync(work, 0o755);
  t.after(() => fs.rmSync(work, { recursive: true, force: true }));
  const html = path.join(work, 'html');
  fs.mkdirSync(path.join(html, 'assets'), { recursive: true });
  fs.mkdirSync(path.join(html, 'auth'));
  fs.writeFileSync(path.join(html, 'index.html'), '<!doctype html><title>Capaian</title><script type="module" src="/assets/main-Ab12Cd34.js"></script>');
  fs.writeFileSync(path.join(html, 'auth/silent.html'), '<!doctype html><title>silent</title>');
  fs.writeFileSync(path.join(html, 'assets/main-Ab12Cd34.js'), `export const screens = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `layar ${i}`))};\n`);
  const port = await freePort();
  // The image's server block with this test's folder and port, inside a main file shaped like
  // nginx-unprivileged's (pid and temporary files under a writable folder, mime types included).
  // One process without workers: if this test is killed, no orphaned worker keeps running.
  const server = read('tools/docker/portal-nginx.conf')
    .replace('root /usr/share/nginx/html;', `root ${html};`)
    .replace('listen 8080;', `listen 127.0.0.1:${port};`)
    .replace('listen [::]:8080;', '');
  assert.notEqual(server, read('tools/docker/portal-nginx.conf'));
  const mimeTypes = [path.join(path.dirname(path.dirname(path.dirname(nginx))), 'etc/nginx/mime.types'), '/etc/nginx/mime.types'].find((f) => fs.existsSync(f));
  const types = mimeTypes ? `include ${mimeTypes};` : 'types { text/html html; application/javascript js; text/css css; }';
  fs.writeFileSync(path.join(work, 'server.conf'), server);
  fs.writeFileSync(
    path.join(work, 'nginx.conf'),
    `daemon off; master_process off; pid ${work}/nginx.pid; error_log stderr warn;
events { worker_connections 64; }
http { ${types} default_type application/octet-stream; access_log off;
  client_body_temp_path ${work}/body; proxy_temp_path ${work}/proxy; fastcgi_temp_path ${work}/fastcgi; uwsgi_temp_path ${work}/uwsgi; scgi_temp_path ${work}/scgi;
  include ${work}/server.conf; }
`,
  );
  const check = spawnSync(nginx, ['-t', '-p', work, '-c', path.join(work, 'nginx.conf')], { encoding: 'utf8' });
  assert.equal(check.status, 0, check.stderr);
  const child = spawn(nginx, ['-p', work, '-c', path.join(work, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  t.after(() => new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', resolve), child.kill('SIGTERM')))));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      await fetch(base);
      break;
    } catch (e) {
      if (i > 100 || child.exitCode !== null) throw new Error(`nginx did not start: ${stderr || e.message}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  const get = (p, headers = {}) => fetch(base + p, { headers, redirect: 'manual' });
  for (const page of ['/', '/skp/0f8c2b9e-1111-4a2b-9c3d-123456789abc', '/admin/pegawai?page=2', '/index.html']) {
    const res = await get(page);
    assert.equal(res.status, 200, page);
    assert.match(res.headers.get('content-type'), /^text\/html/, page);
    assert.equal(res.headers.get('cache-control'), 'no-cache', page);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff', page);
    assert.equal(res.headers.get('x-frame-options'), 'SAMEORIGIN', page);
    assert.match(await res.text(), /<title>Capaian<\/title>/, page);
  }
  const silent = await get('/auth/silent.html');
  assert.equal(silent.status, 200);
  assert.match(await silent.text(), /silent/);

  const asset = await get('/assets/main-Ab12Cd34.js', { 'accept-encoding': 'gzip' });
  assert.equal(asset.status, 200);
  assert.equal(asset.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.match(asset.headers.get('content-type'), /javascript/);
  assert.equal(asset.headers.get('content-encoding'), 'gzip', 'text assets are compressed');
  assert.match(await asset.text(), /layar 199/, 'fetch decompresses the body');

  for (const missing of ['/assets/main-OLDHASH.js', '/favicon.ico', '/auth/missing.html', '/api/v1/personnel/whoami', '/api', '/health/ready', '/metrics']) {
    const res = await get(missing);
    assert.equal(res.status, 404, missing);
    assert.doesNotMatch(await res.text(), /<title>Capaian<\/title>/, `${missing} is not the portal`);
  }
  const dir = await get('/auth');
  assert.ok([200, 301].includes(dir.status), '/auth');
  if (dir.status === 301) assert.equal(dir.headers.get('location'), '/auth/', 'relative redirect (behind the Ingress nginx does not know the public host)');
});
