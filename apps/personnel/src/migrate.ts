import { runMigrations } from '@capaian/shared/persistence';
import { loadServiceConfig } from '@capaian/shared/config';
import { personnelDataSourceOptions } from './data-source';

/** `nx run personnel:migrate` / `node dist/apps/personnel/apps/personnel/src/migrate.js`: applies pending migrations. */
async function main(): Promise<void> {
  const config = loadServiceConfig('personnel');
  const ran = await runMigrations(personnelDataSourceOptions(config.database));
  process.stdout.write(JSON.stringify({ level: 'info', service: 'personnel', msg: ran.length ? `migrations applied: ${ran.join(', ')}` : 'database is up to date' }) + '\n');
}

main().catch((e) => {
  process.stderr.write(JSON.stringify({ level: 'error', service: 'personnel', msg: 'migration failed', error: (e as Error).message, stack: (e as Error).stack }) + '\n');
  process.exit(1);
});
