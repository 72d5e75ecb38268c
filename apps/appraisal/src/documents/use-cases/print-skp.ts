import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { DataSource } from 'typeorm';
import { SkpReader } from '../../common/skp-reader';
import { DocumentIssuer, DOCUMENTS_PUBLIC_URL, skpDigest, type PdfFile } from '../document-issuer';
import { DocumentMessages } from '../documents.messages';
import { renderSkpPdf } from '../infrastructure/pdf-renderer';

/** The SKP (from its set version on) as PDF in the Lampiran layout, with its verification code and QR code. */
@Injectable()
export class PrintSkp {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reader: SkpReader,
    private readonly issuer: DocumentIssuer,
    private readonly clock: Clock,
    @Inject(DOCUMENTS_PUBLIC_URL) private readonly publicBase: string,
  ) {}

  execute(principal: Principal, skpId: string): Promise<PdfFile> {
    return this.dataSource.transaction(async (m) => {
      const s = await this.reader.readable(m, principal, skpId);
      if (!s.setOn) throw DocumentMessages.error('DOKUMEN_SKP_BELUM_TERSEDIA');
      const ctx = await this.issuer.contextOf(m, s);
      const { code, body } = await this.issuer.issue(m, 'SKP', s, skpDigest(s), s.id, (c) => renderSkpPdf(s, { code: c, url: `${this.publicBase}/${c}`, issuedOn: this.clock.today() }, ctx));
      return { fileName: `SKP-${s.snapshot.nip}-${s.year}-v${s.version}.pdf`, body, code };
    });
  }
}
