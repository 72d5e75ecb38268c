import { createHash } from 'node:crypto';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { ViolationError } from '@capaian/kinerja';
import { SNIFF_BYTES, type FileKind } from './domain/file-kinds';
import { checkContent, checkDeclared, tooLarge, type UploadPolicy } from './domain/upload-policy';
import type { ObjectStore, StoredObject } from './object-store';
import { StorageMessages } from './storage.messages';

/**
 * Passes bytes through while counting, hashing and checking them: it fails the stream (and so the
 * upload) as soon as the size limit is passed or the first bytes are not those of the declared
 * kind. Nothing is buffered beyond the first few bytes.
 */
export class UploadGuard extends Transform {
  private readonly hash = createHash('sha256');
  private head = Buffer.alloc(0);
  private checked = false;
  bytesSeen = 0;

  constructor(
    private readonly policy: UploadPolicy,
    private readonly kind: FileKind,
  ) {
    super();
  }

  get sha256(): string {
    return this.hash.copy().digest('hex');
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytesSeen += chunk.length;
    if (this.bytesSeen > this.policy.maxBytes) return done(new ViolationError(tooLarge(this.policy)));
    this.hash.update(chunk);
    if (!this.checked) {
      this.head = Buffer.concat([this.head, chunk.subarray(0, SNIFF_BYTES - this.head.length)]);
      if (this.head.length >= SNIFF_BYTES) {
        const violation = checkContent(this.kind, this.head);
        if (violation) return done(new ViolationError(violation));
        this.checked = true;
      }
    }
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    if (!this.checked) {
      const violation = checkContent(this.kind, this.head);
      if (violation) return done(new ViolationError(violation));
      this.checked = true;
    }
    done();
  }
}

export interface UploadRequest {
  key: string;
  body: Readable;
  /** As the client declared it (the request's content type). */
  contentType: string | undefined;
  /** The request's Content-Length, when sent: refuses an oversize file before reading it. */
  declaredLength?: number;
  policy: UploadPolicy;
}

/**
 * Streams one upload into the store under the policy. Either the whole, checked file is stored and
 * described, or a `ViolationError` is thrown and no object remains.
 */
export async function storeUpload(store: ObjectStore, request: UploadRequest): Promise<StoredObject> {
  const declared = checkDeclared(request.policy, request.contentType, request.declaredLength);
  if ('violation' in declared) {
    request.body.resume(); // drain, so the connection can answer
    throw new ViolationError(declared.violation);
  }
  const contentType = declared.kind.contentTypes[0];
  const guard = new UploadGuard(request.policy, declared.kind);
  let sourceError: unknown = null;
  request.body.once('error', (e) => {
    sourceError = e;
    guard.destroy(e);
  });
  request.body.once('aborted', () => guard.destroy(StorageMessages.error('UNGGAHAN_TERPUTUS')));
  request.body.pipe(guard);
  try {
    await store.put(request.key, guard, contentType);
  } catch (error) {
    await store.delete(request.key).catch(() => undefined);
    request.body.unpipe(guard);
    request.body.resume();
    if (error instanceof ViolationError) throw error;
    const cause = (guard as { errored?: unknown }).errored ?? sourceError;
    if (cause instanceof ViolationError) throw cause;
    if (sourceError) throw StorageMessages.error('UNGGAHAN_TERPUTUS');
    throw error;
  }
  return { key: request.key, size: guard.bytesSeen, sha256: guard.sha256, contentType };
}
