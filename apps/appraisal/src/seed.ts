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
 * Appraisal's demo data (cadence per OPD, the demo users' SKP cascade). When the cascade is there
 * already (every demo user has an SKP this year, whatever users did with it since) only cadences of
 * new OPDs are added, without waiting. Otherwise it first waits, bounded and printing its progress,
 * until the running service's projection holds personnel's demo people with their penilai (on a
 * first start they are still arriving from Kafka), then loads what is missing.
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
    const say = (level: string, msg: string, extra: object = {}) => process.stdout.write(JSON.stringify({ level, service: 'appraisal-seed', msg, ...extra }) + '\n');
    if (await seeder.cascadePresent()) {
      const result = await seeder.run({ skps: false });
      say('info', 'demo SKPs already present; only cadences of new OPDs added', result);
      return;
    }
    let lastReport = -Infinity;
    const ready = await seeder.waitForPersonnel(waitSeconds * 1000, (r, waitedMs) => {
      if (waitedMs - lastReport < 10_000) return;
      lastReport = waitedMs;
      say('info', `waiting for personnel's demo people in appraisal's projection: ${r.readyCount}/${r.total} ready, waiting for ${r.waitingFor.join(', ')} (${Math.round(waitedMs / 1000)} s of ${waitSeconds} s)`);
    });
    if (!ready) {
      const r = await seeder.readiness();
      say('warn', `personnel demo data not in the projection after ${waitSeconds} s (waiting for ${r.waitingFor.join(', ')}); run the appraisal seed again later`);
      process.exitCode = 2;
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
