import type { Readable } from 'node:stream';

/** What was stored: the hash and size are computed while streaming, never trusted from the client. */
export interface StoredObject {
  key: string;
  size: number;
  /** Hex SHA-256 of the bytes stored. */
  sha256: string;
  contentType: string;
}

export interface ObjectDownload {
  stream: Readable;
  size: number;
  contentType: string;
}

/**
 * The platform's port to object storage (evidence files, certificates). Production uses any S3
 * service; development and tests use S3Proxy; unit tests an in-memory adapter.
 */
export interface ObjectStore {
  /** Creates the bucket when missing (idempotent); called at start-up. */
  ensureBucket(): Promise<void>;
  /**
   * Streams `body` into `key`. The stream is the guarded one from `guardUpload`: when it fails
   * (too large, wrong bytes, aborted by the client) the upload is aborted and no object remains.
   */
  put(key: string, body: Readable, contentType: string): Promise<void>;
  get(key: string): Promise<ObjectDownload | null>;
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** Keys under a prefix (tests and housekeeping; at most `limit`). */
  list(prefix: string, limit?: number): Promise<string[]>;
  /** Cheap reachability check for /health/ready. */
  ping(): Promise<void>;
}

export const OBJECT_STORE = Symbol('ObjectStore');
