import 'reflect-metadata';
import { loadServiceConfig } from '@capaian/shared/config';
import { createHttpApp, listen, serveOpenApi } from '@capaian/shared/http';
import { connectKafkaConsumer } from '@capaian/shared/messaging';
import { AppModule } from './app.module';

const openApi = {
  title: 'Capaian — Penilaian Kinerja (appraisal)',
  description: 'Periode penilaian, SKP, realisasi, evaluasi, dan predikat kinerja ASN Pemerintah Kota Palembang.',
};

async function bootstrap(): Promise<void> {
  const config = loadServiceConfig('appraisal');
  const app = await createHttpApp(AppModule.forRoot(config), config, openApi);
  // The consumer feeds the personnel projection (who works where, who appraises whom) and the
  // SKP's reactions to personnel events (a new penilai, a transfer, leaving).
  await connectKafkaConsumer(app, config);
  serveOpenApi(app, openApi);
  await listen(app, config);
}

bootstrap().catch((error) => {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'fatal', service: 'appraisal', msg: 'boot failed', error: String(error?.stack ?? error) })}\n`);
  process.exit(1);
});
