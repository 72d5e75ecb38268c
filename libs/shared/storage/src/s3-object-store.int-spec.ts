import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { ViolationError } from '@capaian/kinerja';
import { kindsByName } from './domain/file-kinds';
import { storeUpload } from './guarded-upload';
import { S3ObjectStore } from './s3-object-store';
import { loadStorageConfig } from './storage.config';

/** Against the real S3Proxy that infra/infra.sh starts (http://127.0.0.1:9000). */
const store = new S3ObjectStore(loadStorageConfig('capaian-storage-test'));
const policy = { maxBytes: 12 * 1024 * 1024, allowed: kindsByName(['pdf', 'png']) };
const prefix = `run-${randomUUID()}/`;

/** A PDF-looking file of `size` bytes, produced in 1 MB chunks (never whole in memory on the way in). */
function pdfStream(size: number): { stream: Readable; sha256: string } {
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let left = size;
  const head = Buffer.from('%PDF-1.7\n');
  chunks.push(head);
  left -= head.length;
  while (left > 0) {
    const c = randomBytes(Math.min(left, 1024 * 1024));
    chunks.push(c);
    left -= c.length;
  }
  for (const c of chunks) hash.update(c);
  return { stream: Readable.from(chunks), sha256: hash.digest('hex') };
}

async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(Buffer.from(c as Buffer));
  return Buffer.concat(parts);
}

describe('S3 object store (real S3Proxy)', () => {
  beforeAll(async () => {
    await store.ensureBucket();
    await store.ensureBucket(); // idempotent
  });
  afterAll(async () => {
    for (const key of await store.list(prefix)) await store.delete(key);
    store.close();
  });

  it('streams a 10 MB file in, hashes it, and gives the same bytes back', async () => {
    const { stream, sha256 } = pdfStream(10 * 1024 * 1024);
    const stored = await storeUpload(store, { key: `${prefix}big.pdf`, body: stream, contentType: 'application/pdf', policy });
    expect(stored).toMatchObject({ size: 10 * 1024 * 1024, sha256, contentType: 'application/pdf' });
    const download = await store.get(`${prefix}big.pdf`);
    expect(download).not.toBeNull();
    expect(download!.size).toBe(10 * 1024 * 1024);
    expect(createHash('sha256').update(await readAll(download!.stream)).digest('hex')).toBe(sha256);
  });

  it('aborts an oversize upload after its first parts were sent and leaves no object', async () => {
    const { stream } = pdfStream(13 * 1024 * 1024);
    const error = await storeUpload(store, { key: `${prefix}too-big.pdf`, body: stream, contentType: 'application/pdf', policy }).catch((e) => e);
    expect(error).toBeInstanceOf(ViolationError);
    expect((error as ViolationError).violations[0].code).toBe('BERKAS_TERLALU_BESAR');
    expect(await store.exists(`${prefix}too-big.pdf`)).toBe(false);
  });

  it('refuses bytes that are not the declared type and leaves no object', async () => {
    const html = Readable.from([Buffer.from('<html><script>alert(1)</script></html>')]);
    const error = await storeUpload(store, { key: `${prefix}fake.pdf`, body: html, contentType: 'application/pdf', policy }).catch((e) => e);
    expect((error as ViolationError).violations[0].code).toBe('ISI_BERKAS_TIDAK_SESUAI');
    expect(await store.exists(`${prefix}fake.pdf`)).toBe(false);
  });

  it('answers null for a missing object and deletes idempotently', async () => {
    expect(await store.get(`${prefix}nothing`)).toBeNull();
    await store.delete(`${prefix}nothing`);
    await store.ping();
  });
});
