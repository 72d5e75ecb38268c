import 'reflect-metadata';
import { SystemClock } from '@capaian/kinerja';
import { loadServiceConfig } from '@capaian/shared/config';
import { runMigrations } from '@capaian/shared/persistence';
import { DataSource } from 'typeorm';
import { careerDataSourceOptions } from './data-source';
import { loadCareerDemo } from './demo/career-demo';

/**
 * Career's demo data (partners, programs with open sessions, budgets). Idempotent.
 *   node dist/apps/career/apps/career/src/seed.js
 */
async function main(): Promise<void> {
  const config = loadServiceConfig('career');
  await runMigrations(careerDataSourceOptions(config));
  const ds = new DataSource(careerDataSourceOptions(config));
  await ds.initialize();
  try {
    const clock = new SystemClock();
    const result = await loadCareerDemo(ds, clock.today(), clock.now());
    process.stdout.write(JSON.stringify({ level: 'info', service: 'career-seed', msg: result.loaded ? 'demo data loaded' : 'demo data already present', ...result }) + '\n');
  } finally {
    await ds.destroy();
  }
}

main().catch((e) => {
  process.stderr.write(JSON.stringify({ level: 'error', service: 'career-seed', msg: 'loading demo data failed', error: String((e as Error)?.stack ?? e) }) + '\n');
  process.exit(1);
});
