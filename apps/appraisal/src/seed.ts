import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadServiceConfig } from '@capaian/shared/config';
import { JsonLogger } from '@capaian/shared/http';
import { runMigrations } from '@capaian/shared/persistence';
import { AppModule } from './app.module';
import { appraisalDataSourceOptions } from './data-source';
import { AppraisalDemoModule } from './demo/appraisal-demo.module';
import { AppraisalDemoSeeder } from './demo/appraisal-demo-seeder';

/**
 * Appraisal's demo data (cadence per OPD, the demo users' SKP cascade), once the running service's
 * projection holds personnel's demo people. Idempotent.
 *   node dist/apps/appraisal/apps/appraisal/src/seed.js [--wait-seconds 180]
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--wait-seconds');
  const waitSeconds = Number(at >= 0 ? args[at + 1] : 180);
  const config = loadServiceConfig('appraisal');
  await runMigrations(appraisalDataSourceOptions(config));
  const root = AppModule.forRoot(config, { scheduling: { enabled: false } });
  const app = await NestFactory.createApplicationContext({ ...root, imports: [...(root.imports ?? []), AppraisalDemoModule] }, { logger: new JsonLogger('appraisal-seed', config.logLevel) });
  try {
    const seeder = app.get(AppraisalDemoSeeder);
    if (!(await seeder.waitForPersonnel(waitSeconds * 1000))) {
      process.stdout.write(JSON.stringify({ level: 'warn', service: 'appraisal-seed', msg: 'personnel demo data not in the projection yet; run the appraisal seed again later' }) + '\n');
      return;
    }
    const result = await seeder.run();
    process.stdout.write(JSON.stringify({ level: 'info', service: 'appraisal-seed', msg: 'demo data loaded', ...result }) + '\n');
  } finally {
    await app.close();
  }
}

main().catch((e) => {
  process.stderr.write(JSON.stringify({ level: 'error', service: 'appraisal-seed', msg: 'loading demo data failed', error: String((e as Error)?.stack ?? e) }) + '\n');
  process.exit(1);
});
