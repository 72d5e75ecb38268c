import 'reflect-metadata';
import { createHttpApp, listen, serveOpenApi } from '@capaian/shared/http';
import { connectKafkaConsumer } from '@capaian/shared/messaging';
import { AppModule } from './app.module';
import { loadCareerConfig } from './career.config';

const openApi = {
  title: 'Capaian — Pengembangan Karier (career)',
  description: 'Katalog program pengembangan kompetensi, JP, IDP, dan manajemen talenta ASN Pemerintah Kota Palembang.',
};

async function bootstrap(): Promise<void> {
  const { service: config, competencyDevelopment } = loadCareerConfig();
  const app = await createHttpApp(AppModule.forRoot(config, { competencyDevelopment }), config, openApi);
  // The consumer feeds the personnel projection (position kind, OPD, supervisor of every employee).
  await connectKafkaConsumer(app, config);
  serveOpenApi(app, openApi);
  await listen(app, config);
}

bootstrap().catch((error) => {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'fatal', service: 'career', msg: 'boot failed', error: String(error?.stack ?? error) })}\n`);
  process.exit(1);
});
