import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { DataSource } from 'typeorm';
import { SkpReader } from '../../common/skp-reader';
import { AchievementQuery } from '../../evaluation/achievement.query';
import { EvaluationMessages } from '../../evaluation/evaluation.messages';
import { EvaluationRepository } from '../../evaluation/infrastructure/evaluation.repository';
import { DocumentIssuer, DOCUMENTS_PUBLIC_URL, evaluationDigest, type PdfFile } from '../document-issuer';
import { renderEvaluationPdf } from '../infrastructure/pdf-renderer';

/** The year-end evaluation as PDF (realization and capaian, both ratings, predikat) with its verification code and QR code. */
@Injectable()
export class PrintEvaluation {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reader: SkpReader,
    private readonly evaluations: EvaluationRepository,
    private readonly achievement: AchievementQuery,
    private readonly issuer: DocumentIssuer,
    private readonly clock: Clock,
    @Inject(DOCUMENTS_PUBLIC_URL) private readonly publicBase: string,
  ) {}

  execute(principal: Principal, evaluationId: string): Promise<PdfFile> {
    return this.dataSource.transaction(async (m) => {
      const e = await this.evaluations.find(m, evaluationId);
      if (!e) throw EvaluationMessages.error('EVALUASI_TIDAK_DITEMUKAN');
      const s = await this.reader.readable(m, principal, e.skpId);
      const a = await this.achievement.of(m, s);
      const ctx = await this.issuer.contextOf(m, s);
      const { code, body } = await this.issuer.issue(m, 'EVALUASI_KINERJA', s, evaluationDigest(e), e.id, (c) =>
        renderEvaluationPdf(s, { ...e, indicators: a.indicators }, { code: c, url: `${this.publicBase}/${c}`, issuedOn: this.clock.today() }, ctx),
      );
      return { fileName: `EVALUASI-${s.snapshot.nip}-${s.year}.pdf`, body, code };
    });
  }
}
