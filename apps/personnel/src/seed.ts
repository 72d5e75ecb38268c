import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { JsonLogger } from '@capaian/shared/http';
import { runMigrations } from '@capaian/shared/persistence';
import { personnelDataSourceOptions } from './data-source';
import { DemoModule } from './demo/demo.module';
import { decideDemoLoad } from './demo/demo-presence';
import { DemoSeeder } from './demo/demo-seeder';
import { DEMO_EMPLOYEES } from './demo/workforce';
import { loadPersonnelConfig } from './personnel.config';

/**
 * Loads the Palembang demo data (organisation, ~12,000 employees, the six demo users linked to
 * their Keycloak accounts) when it is missing. Once it is there a run only links demo accounts
 * still unlinked: what users changed since (a promotion, a transfer) is never imported over.
 *   node dist/apps/personnel/apps/personnel/src/seed.js [--employees 12000] [--no-accounts] [--force]
 *   (or DEMO_EMPLOYEES=12000). Events go to the outbox; the running service's relay publishes them.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--employees');
  const employees = Number(at >= 0 ? args[at + 1] : (process.env.DEMO_EMPLOYEES ?? 12_000));
  if (!Number.isInteger(employees) || employees < 6) throw new Error('--employees must be an integer of at least 6');
  const config = loadPersonnelConfig();
  await runMigrations(personnelDataSourceOptions(config.service.database));
  const app = await NestFactory.createApplicationContext(DemoModule.forRoot(config, { messaging: { relay: false } }), {
    logger: new JsonLogger('personnel-seed', config.service.logLevel),
  });
  try {
    const started = Date.now();
    const seeder = app.get(DemoSeeder);
    const decision = decideDemoLoad(await seeder.presence(), { demoUserCount: DEMO_EMPLOYEES.length, employees, force: args.includes('--force') });
    if (decision.action === 'skip') {
      const demoAccounts = args.includes('--no-accounts') ? {} : await seeder.linkDemoAccounts();
      process.stdout.write(JSON.stringify({ level: 'info', service: 'personnel-seed', msg: 'demo data already present; not loaded again', reason: decision.reason, demoAccounts }) + '\n');
      return;
    }
    process.stdout.write(JSON.stringify({ level: 'info', service: 'personnel-seed', msg: 'loading demo data', reason: decision.reason }) + '\n');
    const result = await seeder.run({ employees, linkDemoAccounts: !args.includes('--no-accounts') });
    process.stdout.write(JSON.stringify({ level: 'info', service: 'personnel-seed', msg: 'demo data loaded', ms: Date.now() - started, ...result }) + '\n');
  } finally {
    await app.close();
  }
}

main().catch((e) => {
  process.stderr.write(JSON.stringify({ level: 'error', service: 'personnel-seed', msg: 'loading demo data failed', error: String((e as Error)?.stack ?? e) }) + '\n');
  process.exit(1);
});
