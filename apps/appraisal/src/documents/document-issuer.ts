import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock } from '@capaian/kinerja';
import type { EntityManager } from 'typeorm';
import type { EvaluationState } from '../evaluation/domain/evaluation';
import type { SkpState } from '../skp/domain/skp';
import { AppraisalPeople } from '../personnel-view/appraisal-people';
import { SkpRepository } from '../skp/infrastructure/skp.repository';
import { contentDigest, newVerificationCode } from './domain/verification';
import type { PrintContext } from './infrastructure/pdf-renderer';
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
    private readonly skps: SkpRepository,
    private readonly people: AppraisalPeople,
    private readonly clock: Clock,
  ) {}

  /** The penilai's RHK texts (from their set SKP of the year) and the penilai's golongan, position and unit (from the projection). */
  async contextOf(m: EntityManager, s: SkpState): Promise<PrintContext> {
    const nip = s.snapshot.pejabatPenilai?.nip;
    if (!nip) return { parentRhk: {}, penilai: null };
    const [penilaiSkp, penilai] = await Promise.all([this.skps.findSetSkpOf(m, nip, s.year), this.people.employeeByNip(m, nip)]);
    return {
      parentRhk: Object.fromEntries((penilaiSkp?.rhk ?? []).map((r) => [r.id, r.description])),
      penilai: penilai ? { golongan: penilai.golongan, jabatan: penilai.jabatan?.name ?? null, unit: [penilai.unit?.name, penilai.opd?.name].filter(Boolean).join(', ') || null } : null,
    };
  }

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
