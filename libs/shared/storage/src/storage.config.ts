import { EnvReader } from '@capaian/shared/config';

/** Where objects go. Defaults are the S3Proxy that `infra/infra.sh up` starts for development. */
export interface StorageConfig {
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** S3Proxy and most self-hosted stores need path-style URLs (`/bucket/key`). */
  forcePathStyle: boolean;
}

type Env = Record<string, string | undefined>;

export function loadStorageConfig(defaultBucket: string, env: Env = process.env): StorageConfig {
  const r = new EnvReader(env);
  const config: StorageConfig = {
    endpoint: r.url('S3_ENDPOINT', 'http://127.0.0.1:9000'),
    region: r.string('S3_REGION', 'us-east-1'),
    bucket: r.string('S3_BUCKET', defaultBucket),
    accessKeyId: r.string('S3_ACCESS_KEY_ID', 'capaian'),
    secretAccessKey: r.string('S3_SECRET_ACCESS_KEY', 'capaian-s3-secret'),
    forcePathStyle: r.oneOf('S3_FORCE_PATH_STYLE', ['true', 'false'] as const, 'true') === 'true',
  };
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(config.bucket)) r.problems.push(`S3_BUCKET must be a valid bucket name, got "${config.bucket}"`);
  r.done();
  return config;
}
