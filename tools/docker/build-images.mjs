#!/usr/bin/env node
// Builds the release images from the root Dockerfile: the five services (build argument SERVICE,
// default target) and the staff portal (target `portal`, Keycloak's realm URL inlined at build time).
//   node tools/docker/build-images.mjs --tag 0.2.0 --registry registry.palembang.go.id/capaian \
//     --keycloak-authority https://sso.palembang.go.id/realms/capaian [--push] [--dry-run] [image ...]
// Without image names it builds all six. --dry-run prints the commands only (what the test checks;
// the development machines have no Docker engine). See docs/deploy.md §1.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SERVICES = ['gateway', 'personnel', 'appraisal', 'career', 'notification'];
export const IMAGES = [...SERVICES, 'portal'];

/** The `docker` argument lists for the chosen images, in order (build, then push when asked). */
export function buildCommands({ tag, registry = 'capaian', keycloakAuthority, push = false, images = IMAGES }) {
  if (!tag) throw new Error('--tag is required (the release version or the commit; never latest)');
  const unknown = images.filter((image) => !IMAGES.includes(image));
  if (unknown.length) throw new Error(`unknown image ${unknown.join(', ')} (one of ${IMAGES.join(', ')})`);
  if (images.includes('portal') && !keycloakAuthority) throw new Error('--keycloak-authority is required for the portal (e.g. https://sso.example/realms/capaian)');
  const commands = [];
  for (const image of images) {
    const name = `${registry}/${image}:${tag}`;
    const args =
      image === 'portal'
        ? ['build', '--target', 'portal', '--build-arg', `KEYCLOAK_AUTHORITY=${keycloakAuthority}`, '-t', name, '.']
        : ['build', '--target', 'runtime', '--build-arg', `SERVICE=${image}`, '-t', name, '.'];
    commands.push(args);
    if (push) commands.push(['push', name]);
  }
  return commands;
}

function parse(argv) {
  const options = { images: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--tag') options.tag = value();
    else if (arg === '--registry') options.registry = value();
    else if (arg === '--keycloak-authority') options.keycloakAuthority = value();
    else if (arg === '--push') options.push = true;
    else if (arg === '--dry-run') options.dryRun = true;
    else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
    else options.images.push(arg);
  }
  if (options.images.length === 0) delete options.images;
  return options;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const options = parse(process.argv.slice(2));
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
    for (const args of buildCommands(options)) {
      console.log(['docker', ...args].join(' '));
      if (options.dryRun) continue;
      const run = spawnSync('docker', args, { cwd: root, stdio: 'inherit' });
      if (run.status !== 0) process.exit(run.status ?? 1);
    }
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
}
