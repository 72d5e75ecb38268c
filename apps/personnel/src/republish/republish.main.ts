import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { JsonLogger } from '@capaian/shared/http';
import { AppModule } from '../app.module';
import { SYSTEM_ACTOR } from '../common/access';
import { loadPersonnelConfig } from '../personnel.config';
import { RepublishService } from './republish.service';

/**
 * `npx nx run personnel:republish`: publishes the full current state of every unit, position and
 * employee on personnel.snapshot.v1 (see RepublishService), prints the counts and exits. Needs the
 * personnel database, Kafka and Keycloak (roles); the service itself need not run.
 */
async function main(): Promise<void> {
  const config = loadPersonnelConfig();
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, { messaging: { relay: false } }), {
    logger: new JsonLogger('personnel-republish', config.service.logLevel),
  });
  try {
    const result = await app.get(RepublishService).republish(SYSTEM_ACTOR);
    process.stdout.write(JSON.stringify({ level: 'info', service: 'personnel-republish', msg: 'republished', ...result }) + '\n');
  } finally {
    await app.close();
  }
}

main().catch((e) => {
  process.stderr.write(JSON.stringify({ level: 'error', service: 'personnel-republish', msg: 'republish failed', error: String((e as Error)?.stack ?? e) }) + '\n');
  process.exit(1);
});
