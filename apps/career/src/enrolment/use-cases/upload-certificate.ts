import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { OutboxService } from '@capaian/shared/messaging';
import { DEFAULT_UPLOAD_POLICY, OBJECT_STORE, safeFileName, storeUpload, type ObjectStore } from '@capaian/shared/storage';
import { DataSource } from 'typeorm';
import { audit } from '../../common/career-people';
import { SessionRepository } from '../../session/infrastructure/session.repository';
import { canManage } from '../enrolment.access';
import { publishEnrolmentChanges } from '../enrolment.events';
import { EnrolmentMessages as M } from '../enrolment.messages';
import { EnrolmentRepository, type EnrolmentRow } from '../infrastructure/enrolment.repository';

/**
 * The participant (or an admin) uploads the certificate (STTPP) of a passed place: streamed to the
 * S3 store with size, type and magic-byte checks, then recorded; a refused or failed upload leaves
 * no object, and a failure to record deletes the object. Uploading again replaces it until verified.
 */
@Injectable()
export class UploadCertificate {
  private readonly logger = new Logger(UploadCertificate.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly enrolments: EnrolmentRepository,
    private readonly sessions: SessionRepository,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
  ) {}

  async execute(actor: Principal, id: string, jp: number, rawName: string | undefined, body: Readable, contentType: string | undefined, length: number | undefined): Promise<EnrolmentRow> {
    const row = await this.enrolments.find(this.dataSource.manager, id);
    try {
      if (!row) throw M.error('PENDAFTARAN_TIDAK_DITEMUKAN');
      if (actor.nip !== row.nip && !canManage(actor, row)) throw M.error('AKSES_PENDAFTARAN_DITOLAK');
      if (row.status !== 'LULUS' && row.status !== 'SERTIFIKAT_DIUNGGAH') throw M.error('TRANSISI_PENDAFTARAN_TIDAK_DIIZINKAN', { status: row.status, action: 'menerima unggahan sertifikat' });
    } catch (e) {
      body.resume();
      throw e;
    }
    const key = `certificates/${id}/${randomUUID()}`;
    const stored = await storeUpload(this.store, { key, body, contentType, declaredLength: length, policy: DEFAULT_UPLOAD_POLICY });
    let previous: string | null = null;
    try {
      await this.dataSource.transaction(async (m) => {
        const { row: locked, enrolment } = await this.enrolments.lock(m, id);
        const session = await this.sessions.get(m, locked.sessionId);
        previous = enrolment.uploadCertificate(key, jp, session.jp);
        await this.enrolments.save(m, enrolment, this.clock.now());
        await this.enrolments.setCertificateFile(m, id, { fileName: safeFileName(rawName), contentType: stored.contentType, size: stored.size, sha256: stored.sha256 });
        await audit(m, actor, { action: 'enrolment.certificate-uploaded', entityType: 'enrolment', entityId: id, from: locked.status, to: enrolment.status, details: { sha256: stored.sha256, size: stored.size, jp } });
        await publishEnrolmentChanges(m, this.outbox, enrolment, locked, session);
      });
    } catch (e) {
      await this.store.delete(key).catch((err) => this.logger.error(`orphan certificate object ${key}: ${String(err)}`));
      throw e;
    }
    if (previous) await this.store.delete(previous).catch((err) => this.logger.warn(`replaced certificate ${previous} not deleted: ${String(err)}`));
    return await this.enrolments.get(this.dataSource.manager, id);
  }
}
