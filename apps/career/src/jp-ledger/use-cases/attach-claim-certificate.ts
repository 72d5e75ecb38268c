import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { DEFAULT_UPLOAD_POLICY, OBJECT_STORE, safeFileName, storeUpload, type ObjectStore } from '@capaian/shared/storage';
import { DataSource } from 'typeorm';
import { audit } from '../../common/career-people';
import { ExternalClaimRepository, type ClaimRow } from '../infrastructure/external-claim.repository';
import { JpLedgerMessages as M } from '../jp-ledger.messages';

/** The employee attaches the certificate of a claim: stored in S3 first, recorded after; a failure leaves no object. */
@Injectable()
export class AttachClaimCertificate {
  private readonly logger = new Logger(AttachClaimCertificate.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly claims: ExternalClaimRepository,
    private readonly clock: Clock,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
  ) {}

  async execute(actor: Principal, id: string, rawName: string | undefined, body: Readable, contentType: string | undefined, length: number | undefined): Promise<ClaimRow> {
    const row = await this.claims.find(this.dataSource.manager, id);
    try {
      if (!row) throw M.error('KLAIM_TIDAK_DITEMUKAN');
      if (row.nip !== actor.nip) throw M.error('AKSES_KLAIM_DITOLAK');
      if (row.status !== 'DIAJUKAN') throw M.error('KLAIM_SUDAH_DIPUTUS', { status: row.status === 'DIVERIFIKASI' ? 'diverifikasi' : 'ditolak' });
    } catch (e) {
      body.resume();
      throw e;
    }
    const key = `jp-claims/${id}/${randomUUID()}`;
    const stored = await storeUpload(this.store, { key, body, contentType, declaredLength: length, policy: DEFAULT_UPLOAD_POLICY });
    let previous: string | null = null;
    try {
      await this.dataSource.transaction(async (m) => {
        const { claim } = await this.claims.lock(m, id);
        previous = claim.attachCertificate(key);
        await this.claims.save(m, claim, null, this.clock.now(), { fileName: safeFileName(rawName), contentType: stored.contentType, size: stored.size, sha256: stored.sha256 });
        await audit(m, actor, { action: 'jp-claim.certificate-attached', entityType: 'jp-claim', entityId: id, details: { sha256: stored.sha256, size: stored.size } });
      });
    } catch (e) {
      await this.store.delete(key).catch((err) => this.logger.error(`orphan claim certificate ${key}: ${String(err)}`));
      throw e;
    }
    if (previous) await this.store.delete(previous).catch(() => undefined);
    return this.claims.get(this.dataSource.manager, id);
  }
}
