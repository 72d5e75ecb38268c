import 'reflect-metadata';
import { loadServiceConfig } from '@capaian/shared/config';
import { createHttpApp, listen, serveOpenApi } from '@capaian/shared/http';
import { connectKafkaConsumer } from '@capaian/shared/messaging';
import { AppModule } from './app.module';

const openApi = {
  title: 'Capaian — Notifikasi (notification)',
  description: 'Kotak masuk dalam aplikasi dan pengiriman e-mail dari peristiwa platform Capaian Pemerintah Kota Palembang.',
};

async function bootstrap(): Promise<void> {
  const config = loadServiceConfig('notification');
  const app = await createHttpApp(AppModule.forRoot(config), config, openApi);
  // The consumer joins group `capaian-notification` (config.kafka.groupId) before HTTP opens, so a
  // ready instance is also a consuming one.
  await connectKafkaConsumer(app, config);
  serveOpenApi(app, openApi);
  await listen(app, config);
}

bootstrap().catch((error) => {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'fatal', service: 'notification', msg: 'boot failed', error: String(error?.stack ?? error) })}\n`);
  process.exit(1);
});
