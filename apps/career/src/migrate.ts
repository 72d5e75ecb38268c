import { loadServiceConfig } from '@capaian/shared/config';
import { JsonLogger } from '@capaian/shared/http';
import { runMigrations } from '@capaian/shared/persistence';
import { careerDataSourceOptions } from './data-source';

/** `node dist/apps/career/apps/career/src/migrate.js`: applies pending migrations, then exits. */
async function migrate(): Promise<void> {
  const logger = new JsonLogger('career');
  const config = loadServiceConfig('career');
  const ran = await runMigrations(careerDataSourceOptions(config));
  logger.log({ msg: ran.length > 0 ? 'migrations applied' : 'database already up to date', database: config.database.database, ran }, 'Migrate');
}

migrate().catch((error) => {
  new JsonLogger('career').error(error instanceof Error ? error : String(error), 'Migrate');
  process.exit(1);
});
