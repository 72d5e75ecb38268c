import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EvaluationRepository } from '../evaluation/infrastructure/evaluation.repository';
import { SkpRepository } from '../skp/infrastructure/skp.repository';
import { evaluationDigest, skpDigest } from './document-issuer';
import { DocumentMessages } from './documents.messages';
import { normaliseVerificationCode } from './domain/verification';
import { IssuedDocumentRepository, type DocumentKind } from './infrastructure/issued-document.repository';

/** What the public verification answers: which document, whose, which version, and whether it is still current. Nothing more. */
export interface VerificationAnswer {
  document: DocumentKind;
  employee: { name: string; nip: string };
  version: number;
  issuedAt: string;
  current: boolean;
}

/** Shows the last four digits only: enough to tell whose document it is, not to harvest NIPs. */
function maskNip(nip: string): string {
  return `${'*'.repeat(Math.max(0, nip.length - 4))}${nip.slice(-4)}`;
}

@Injectable()
export class DocumentQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly issued: IssuedDocumentRepository,
    private readonly skps: SkpRepository,
    private readonly evaluations: EvaluationRepository,
  ) {}

  /** A printed code checked by anyone: an SKP version is current while it is the set version with unchanged content; an evaluation while its ratings and status are those printed. */
  async verify(rawCode: string): Promise<VerificationAnswer> {
    const m = this.dataSource.manager;
    const code = normaliseVerificationCode(rawCode);
    const d = code ? await this.issued.find(m, code) : null;
    if (!d) throw DocumentMessages.error('DOKUMEN_TIDAK_DITEMUKAN');
    let current = false;
    if (d.kind === 'SKP') {
      const s = await this.skps.find(m, d.subjectId);
      current = !!s && s.status === 'DITETAPKAN' && skpDigest(s) === d.contentDigest;
    } else {
      const e = await this.evaluations.find(m, d.subjectId);
      current = !!e && evaluationDigest(e) === d.contentDigest;
    }
    return { document: d.kind, employee: { name: d.name, nip: maskNip(d.nip) }, version: d.version, issuedAt: new Date(d.issuedAt).toISOString(), current };
  }
}
