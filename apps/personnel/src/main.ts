import 'reflect-metadata';
import { createHttpApp, listen, serveOpenApi } from '@capaian/shared/http';
import { AppModule } from './app.module';
import { loadPersonnelConfig } from './personnel.config';

const httpOptions = {
  title: 'Capaian — Kepegawaian (personnel)',
  description: 'Pohon organisasi, jabatan, pegawai (NIP/NI PPPK), garis atasan dan pejabat penilai, riwayat per tanggal, impor massal, akun SSO',
};

async function bootstrap(): Promise<void> {
  const config = loadPersonnelConfig();
  const app = await createHttpApp(AppModule.forRoot(config), config.service, httpOptions);
  serveOpenApi(app, httpOptions);
  await listen(app, config.service);
}

bootstrap().catch((e) => {
  process.stderr.write(JSON.stringify({ time: new Date().toISOString(), level: 'fatal', service: 'personnel', msg: 'boot failed', error: String((e as Error)?.stack ?? e) }) + '\n');
  process.exit(1);
});
