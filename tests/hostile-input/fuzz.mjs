#!/usr/bin/env node
// npm run fuzz -- --runs N [--seed S]: the hostile-input suite with more generated requests than
// the CI run (FUZZ_RUNS for write operations and FUZZ_QUERY_RUNS for query parameters of read
// operations, both N unless set, default here 5000) and a chosen or random seed (printed, to replay a failure).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const value = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const runs = Number(value('runs') ?? 5000);
const seed = Number(value('seed') ?? Math.floor(Math.random() * 2 ** 31));
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run fuzz -- [--runs N] [--seed S]');
  process.exit(2);
}
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
console.log(`hostile-input suite: ${runs} generated requests, seed ${seed}`);
const started = Date.now();
const result = spawnSync('npx', ['jest', '-c', 'tests/hostile-input/jest.config.cjs', '--runInBand'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_QUERY_RUNS: process.env.FUZZ_QUERY_RUNS ?? String(runs), FUZZ_SEED: String(seed), FUZZ_REPORT: '1' },
});
console.log(`hostile-input suite: ${runs} requests, seed ${seed}, ${((Date.now() - started) / 1000).toFixed(1)} s, ${result.status === 0 ? 'passed' : 'FAILED'}`);
process.exit(result.status ?? 1);
