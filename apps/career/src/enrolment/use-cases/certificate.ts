import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JpRecognisedV1, type JpEventData } from '@capaian/contracts';
import { Clock } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { OutboxService } from '@capaian/shared/messaging';
import { DEFAULT_UPLOAD_POLICY, OBJECT_STORE, safeFileName, storeUpload, type ObjectDownload, type ObjectStore } from '@capaian/shared/storage';
import { DataSource } from 'typeorm';
import { audit, CareerPeople } from '../../common/career-people';
import { recognisedJp } from '../../development-program/domain/jp-conversion';
import { JpLedgerRepository } from '../../jp-ledger/infrastructure/jp-ledger.repository';
import { SessionRepository } from '../../session/infrastructure/session.repository';
import { canManage, canSee, requireBkpsdm } from '../enrolment.access';
import { publishEnrolmentChanges } from '../enrolment.events';
import { EnrolmentMessages as M } from '../enrolment.messages';
import { EnrolmentRepository, type EnrolmentRow } from '../infrastructure/enrolment.repository';

/**
 * The certificate (STTPP) of a passed place: streamed to the S3 store, then recorded; a refused or
 * failed upload leaves no object, and a failure to record deletes the object. BKPSDM's verification
 * recognises the JP once — the ledger's unique key per source makes a second recognition impossible.
 */
@Injectable()
export class EnrolmentCertificate {
  private readonly logger = new Logger(EnrolmentCertificate.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly enrolments: EnrolmentRepository,
    private readonly sessions: SessionRepository,
    private readonly ledger: JpLedgerRepository,
    private readonly people: CareerPeople,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
  ) {}

  async upload(actor: Principal, id: string, jp: number, rawName: string | undefined, body: Readable, contentType: string | undefined, length: number | undefined): Promise<EnrolmentRow> {
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
        const session = (await this.sessions.find(m, locked.sessionId))!;
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
    return (await this.enrolments.find(this.dataSource.manager, id))!;
  }

  async download(actor: Principal, id: string): Promise<{ row: EnrolmentRow; file: ObjectDownload }> {
    const row = await this.enrolments.find(this.dataSource.manager, id);
    if (!row) throw M.error('PENDAFTARAN_TIDAK_DITEMUKAN');
    if (!canSee(actor, await this.people.selfOrNull(actor), row)) throw M.error('AKSES_PENDAFTARAN_DITOLAK');
    const file = row.certificateKey ? await this.store.get(row.certificateKey) : null;
    if (!file) throw M.error('SERTIFIKAT_BELUM_DIUNGGAH');
    return { row, file };
  }

  /** BKPSDM verifies: the JP is converted by the rules in force and entered in the ledger once. */
  async verify(actor: Principal, id: string): Promise<EnrolmentRow> {
    requireBkpsdm(actor);
    await this.dataSource.transaction(async (m) => {
      const { row, enrolment } = await this.enrolments.lock(m, id);
      const session = (await this.sessions.find(m, row.sessionId))!;
      const days = row.daysPresent;
      const jp = enrolment.status === 'SERTIFIKAT_DIUNGGAH' ? recognisedJp({ form: session.form, scope: session.scope, certificateJp: row.certificateJp ?? 0, days }) : 0;
      enrolment.verifyCertificate(jp);
      const year = Number(session.endDate.slice(0, 4));
      const recorded = await this.ledger.recognise(m, {
        employeeId: row.employeeId, nip: row.nip, opdCode: row.opdCode, jenisAsn: row.jenisAsn, year, jp,
        source: 'PENDAFTARAN', sourceId: id, note: session.programName, recognisedBy: actor.subject, recognisedAt: this.clock.now(),
      });
      if (!recorded) throw M.error('TRANSISI_PENDAFTARAN_TIDAK_DIIZINKAN', { status: row.status, action: 'diverifikasi sertifikatnya' });
      await this.enrolments.save(m, enrolment, this.clock.now());
      await audit(m, actor, { action: 'enrolment.jp-recognised', entityType: 'enrolment', entityId: id, from: row.status, to: enrolment.status, details: { jp, year } });
      await publishEnrolmentChanges(m, this.outbox, enrolment, row, session);
      const data: JpEventData = { employeeId: row.employeeId, nip: row.nip, opdCode: row.opdCode, year, jp, source: 'PENDAFTARAN', sourceId: id, yearTotalJp: recorded.yearTotalJp };
      await this.outbox.enqueue(m, { type: JpRecognisedV1, subject: row.employeeId, data });
    });
    return (await this.enrolments.find(this.dataSource.manager, id))!;
  }
}
