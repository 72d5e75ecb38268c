import { Readable } from 'node:stream';
import type { ObjectDownload, ObjectStore } from './object-store';

/** The object store in memory, for unit tests of the code that uses the port. */
export class InMemoryObjectStore implements ObjectStore {
  readonly objects = new Map<string, { bytes: Buffer; contentType: string }>();

  async ensureBucket(): Promise<void> {
    // Nothing to create: the map is the bucket.
  }

  async put(key: string, body: Readable, contentType: string): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(Buffer.from(chunk as Buffer));
    this.objects.set(key, { bytes: Buffer.concat(chunks), contentType });
  }

  async get(key: string): Promise<ObjectDownload | null> {
    const o = this.objects.get(key);
    return o ? { stream: Readable.from([o.bytes]), size: o.bytes.length, contentType: o.contentType } : null;
  }

  async delete(key: string): Promise<void> {
    this.objects.delete(key);
  }

  async exists(key: string): Promise<boolean> {
    return this.objects.has(key);
  }

  async list(prefix: string, limit = 1000): Promise<string[]> {
    return [...this.objects.keys()].filter((k) => k.startsWith(prefix)).slice(0, limit);
  }

  async ping(): Promise<void> {
    // Always reachable.
  }
}
