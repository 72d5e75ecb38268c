import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { DataSource, type EntityManager } from 'typeorm';
import { AchievementQuery } from '../evaluation/achievement.query';
import type { EvaluationState } from '../evaluation/domain/evaluation';
import { EvaluationUseCases } from '../evaluation/evaluation.use-cases';
import { EvaluationRepository } from '../evaluation/infrastructure/evaluation.repository';
import type { SkpState } from '../skp/domain/skp';
import { SkpRepository } from '../skp/infrastructure/skp.repository';
import { DocumentMessages } from './documents.messages';
import { contentDigest, newVerificationCode, normaliseVerificationCode } from './domain/verification';
import { IssuedDocumentRepository, type DocumentKind } from './infrastructure/issued-document.repository';
import { renderEvaluationPdf, renderSkpPdf } from './infrastructure/pdf-renderer';

export const DOCUMENTS_PUBLIC_URL = Symbol('DOCUMENTS_PUBLIC_URL');

export interface PdfFile {
  fileName: string;
  body: Buffer;
  code: string;
}

/** What the public verification answers: which document, whose, which version, and whether it is still current. Nothing more. */
export interface VerificationAnswer {
  document: DocumentKind;
  employee: { name: string; nip: string };
  version: number;
  issuedAt: string;
  current: boolean;
}

function skpDigest(s: SkpState): string {
  return contentDigest({ id: s.id, version: s.version, startDate: s.startDate, endDate: s.endDate, pendekatan: s.pendekatan, rhk: s.rhk, expectations: s.expectations, annex: s.annex });
}

function evaluationDigest(e: EvaluationState): string {
  return contentDigest({ id: e.id, status: e.status, hk: e.ratingHasilKerja, perilaku: e.perilaku, rp: e.ratingPerilaku, predikat: e.predikat });
}

/** Shows the last four digits only: enough to tell whose document it is, not to harvest NIPs. */
function maskNip(nip: string): string {
  return `${'*'.repeat(Math.max(0, nip.length - 4))}${nip.slice(-4)}`;
}

/** The SKP and the year-end evaluation as PDF with a verification code and QR, and the public check of a code. */
@Injectable()
export class DocumentUseCases {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly skps: SkpRepository,
    private readonly evaluations: EvaluationRepository,
    private readonly evaluationUseCases: EvaluationUseCases,
    private readonly achievement: AchievementQuery,
    private readonly issued: IssuedDocumentRepository,
    private readonly clock: Clock,
  ) {}

  async skpPdf(skpId: string, principal: Principal, publicBase: string): Promise<PdfFile> {
    const m = this.dataSource.manager;
    const s = await this.evaluationUseCases.readable(m, skpId, principal);
    if (!s.setOn) throw DocumentMessages.error('DOKUMEN_SKP_BELUM_TERSEDIA');
    const code = await this.codeFor(m, 'SKP', s, s.version, skpDigest(s));
    const body = await renderSkpPdf(s, { code: code.code, url: `${publicBase}/${code.code}`, issuedOn: this.clock.today() });
    await this.recordFirstPrint(m, code, body);
    return { fileName: `SKP-${s.snapshot.nip}-${s.year}-v${s.version}.pdf`, body, code: code.code };
  }

  async evaluationPdf(evaluationId: string, principal: Principal, publicBase: string): Promise<PdfFile> {
    const m = this.dataSource.manager;
    const e = await this.evaluationUseCases.get(evaluationId, principal);
    const s = (await this.skps.find(m, e.skpId))!;
    const code = await this.codeFor(m, 'EVALUASI_KINERJA', s, s.version, evaluationDigest(e), e.id);
    const a = await this.achievement.of(m, s);
    const body = await renderEvaluationPdf(s, { ...e, indicators: a.indicators }, { code: code.code, url: `${publicBase}/${code.code}`, issuedOn: this.clock.today() });
    await this.recordFirstPrint(m, code, body);
    return { fileName: `EVALUASI-${s.snapshot.nip}-${s.year}.pdf`, body, code: code.code };
  }

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

  /** The code for this exact content: the same one when it was printed before, a new one otherwise. */
  private async codeFor(m: EntityManager, kind: DocumentKind, s: SkpState, version: number, digest: string, subjectId = s.id) {
    const existing = await this.issued.findSame(m, kind, subjectId, digest);
    if (existing) return { ...existing, fresh: false };
    return { code: newVerificationCode(), kind, subjectId, lineageId: s.lineageId, version, nip: s.snapshot.nip, name: s.snapshot.name, contentDigest: digest, issuedAt: this.clock.now(), fresh: true };
  }

  private async recordFirstPrint(m: EntityManager, code: Awaited<ReturnType<DocumentUseCases['codeFor']>>, body: Buffer): Promise<void> {
    if (!code.fresh) return;
    const { fresh: _f, ...doc } = code;
    await this.issued.insert(m, doc, createHash('sha256').update(body).digest('hex'));
  }
}
