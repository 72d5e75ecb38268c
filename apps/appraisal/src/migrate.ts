import { loadServiceConfig } from '@capaian/shared/config';
import { JsonLogger } from '@capaian/shared/http';
import { runMigrations } from '@capaian/shared/persistence';
import { appraisalDataSourceOptions } from './data-source';

/** `node dist/apps/appraisal/apps/appraisal/src/migrate.js`: applies pending migrations, then exits. */
async function migrate(): Promise<void> {
  const logger = new JsonLogger('appraisal');
  const config = loadServiceConfig('appraisal');
  const ran = await runMigrations(appraisalDataSourceOptions(config));
  logger.log({ msg: ran.length > 0 ? 'migrations applied' : 'database already up to date', database: config.database.database, ran }, 'Migrate');
}

migrate().catch((error) => {
  new JsonLogger('appraisal').error(error instanceof Error ? error : String(error), 'Migrate');
  process.exit(1);
});
