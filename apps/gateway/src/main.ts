import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { listen } from '@capaian/shared/http';
import { loadGatewayConfig } from './gateway.config';
import { createGatewayApp } from './gateway.app';

async function bootstrap(): Promise<void> {
  const config = loadGatewayConfig();
  const app = await createGatewayApp(config);
  await listen(app, config);
  new Logger('Bootstrap').log(`routing ${Object.entries(config.upstreams).map(([s, u]) => `${s} → ${u}`).join(', ')}`);
}

bootstrap().catch((error) => {
  // The JSON logger may not exist yet (bad configuration): plain stderr, non-zero exit.
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
