import { loadServiceConfig } from '@capaian/shared/config';
import { JsonLogger } from '@capaian/shared/http';
import { runMigrations } from '@capaian/shared/persistence';
import { notificationDataSourceOptions } from './data-source';

/** `node dist/apps/notification/apps/notification/src/migrate.js`: applies pending migrations, then exits. */
async function migrate(): Promise<void> {
  const logger = new JsonLogger('notification');
  const config = loadServiceConfig('notification');
  const ran = await runMigrations(notificationDataSourceOptions(config));
  logger.log({ msg: ran.length > 0 ? 'migrations applied' : 'database already up to date', database: config.database.database, ran }, 'Migrate');
}

migrate().catch((error) => {
  new JsonLogger('notification').error(error instanceof Error ? error : String(error), 'Migrate');
  process.exit(1);
});
