import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock } from '@capaian/kinerja';
import type { EntityManager } from 'typeorm';
import type { EvaluationState } from '../evaluation/domain/evaluation';
import type { SkpState } from '../skp/domain/skp';
import { contentDigest, newVerificationCode } from './domain/verification';
import { IssuedDocumentRepository, type DocumentKind, type IssuedDocument } from './infrastructure/issued-document.repository';

/** Where the QR code of a printed document points: the public verification route (through the gateway). */
export const DOCUMENTS_PUBLIC_URL = Symbol('DOCUMENTS_PUBLIC_URL');

export function skpDigest(s: SkpState): string {
  return contentDigest({ id: s.id, version: s.version, startDate: s.startDate, endDate: s.endDate, pendekatan: s.pendekatan, rhk: s.rhk, expectations: s.expectations, annex: s.annex });
}

export function evaluationDigest(e: EvaluationState): string {
  return contentDigest({ id: e.id, status: e.status, hk: e.ratingHasilKerja, perilaku: e.perilaku, rp: e.ratingPerilaku, predikat: e.predikat });
}

export interface PdfFile {
  fileName: string;
  body: Buffer;
  code: string;
}

/**
 * Verification codes of printed documents: the same content printed again gets the same code; a new
 * content gets a new one, recorded with the PDF's hash when it is first printed.
 */
@Injectable()
export class DocumentIssuer {
  constructor(
    private readonly issued: IssuedDocumentRepository,
    private readonly clock: Clock,
  ) {}

  async issue(m: EntityManager, kind: DocumentKind, skp: SkpState, digest: string, subjectId: string, render: (code: string) => Promise<Buffer>): Promise<{ code: string; body: Buffer }> {
    const existing = await this.issued.findSame(m, kind, subjectId, digest);
    const doc: IssuedDocument = existing ?? {
      code: newVerificationCode(),
      kind,
      subjectId,
      lineageId: skp.lineageId,
      version: skp.version,
      nip: skp.snapshot.nip,
      name: skp.snapshot.name,
      contentDigest: digest,
      issuedAt: this.clock.now(),
    };
    const body = await render(doc.code);
    if (!existing) await this.issued.insert(m, doc, createHash('sha256').update(body).digest('hex'));
    return { code: doc.code, body };
  }
}
