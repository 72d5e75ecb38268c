import 'reflect-metadata';
import { loadServiceConfig } from '@capaian/shared/config';
import { createHttpApp, listen, serveOpenApi } from '@capaian/shared/http';
import { AppModule } from './app.module';

const openApi = {
  title: 'Capaian — Penilaian Kinerja (appraisal)',
  description: 'Periode penilaian, SKP, realisasi, evaluasi, dan predikat kinerja ASN Pemerintah Kota Palembang.',
};

async function bootstrap(): Promise<void> {
  const config = loadServiceConfig('appraisal');
  const app = await createHttpApp(AppModule.forRoot(config), config, openApi);
  // No Kafka consumer yet: appraisal only produces (through the outbox) until it keeps its
  // read model of personnel events; MessagingModule connects the producer and the readiness check.
  serveOpenApi(app, openApi);
  await listen(app, config);
}

bootstrap().catch((error) => {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'fatal', service: 'appraisal', msg: 'boot failed', error: String(error?.stack ?? error) })}\n`);
  process.exit(1);
});
