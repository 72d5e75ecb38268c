import type { Violation } from '@capaian/kinerja';
import { StorageMessages } from '../storage.messages';
import { FILE_KINDS, kindOfContentType, normaliseContentType, type FileKind } from './file-kinds';

/** What one kind of upload (evidence, a certificate) may be. */
export interface UploadPolicy {
  readonly maxBytes: number;
  readonly allowed: readonly FileKind[];
}

export const DEFAULT_UPLOAD_POLICY: UploadPolicy = { maxBytes: 10 * 1024 * 1024, allowed: FILE_KINDS };

export function describeLimit(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function allowedNames(policy: UploadPolicy): string {
  return policy.allowed.map((k) => k.name.toUpperCase()).join(', ');
}

/** Checks what the client declared, before a single byte is stored. */
export function checkDeclared(policy: UploadPolicy, contentType: string | undefined, declaredLength?: number): { kind: FileKind } | { violation: Violation } {
  const type = normaliseContentType(contentType);
  const kind = kindOfContentType(type, policy.allowed);
  if (!kind) return { violation: StorageMessages.violation('JENIS_BERKAS_DITOLAK', { diizinkan: allowedNames(policy) }, 'berkas') };
  if (declaredLength !== undefined && Number.isFinite(declaredLength)) {
    if (declaredLength > policy.maxBytes) return { violation: tooLarge(policy) };
    if (declaredLength === 0) return { violation: StorageMessages.violation('BERKAS_KOSONG', {}, 'berkas') };
  }
  return { kind };
}

export function tooLarge(policy: UploadPolicy): Violation {
  return StorageMessages.violation('BERKAS_TERLALU_BESAR', { batas: describeLimit(policy.maxBytes) }, 'berkas');
}

/** Checks the first bytes against the declared kind. */
export function checkContent(kind: FileKind, head: Uint8Array): Violation | null {
  if (head.length === 0) return StorageMessages.violation('BERKAS_KOSONG', {}, 'berkas');
  return kind.matches(head) ? null : StorageMessages.violation('ISI_BERKAS_TIDAK_SESUAI', { jenis: kind.name.toUpperCase() }, 'berkas');
}

/**
 * A file name as the user gave it, made safe to keep and to send back in Content-Disposition:
 * no path, no control characters, at most 200 characters; empty becomes `berkas`.
 */
export function safeFileName(raw: string | undefined | null, kind?: FileKind): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').replace(/[\ud800-\udfff]/g, '').trim().slice(0, 200);
  if (cleaned && cleaned !== '.' && cleaned !== '..') return cleaned;
  return kind ? `berkas.${kind.extension}` : 'berkas';
}
