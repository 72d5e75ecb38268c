import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JpRecognisedV1, type JpEventData } from '@capaian/contracts';
import { Clock } from '@capaian/kinerja';
import type { Principal } from '@capaian/shared/auth';
import { OutboxService } from '@capaian/shared/messaging';
import { DataSource } from 'typeorm';
import { audit } from '../../common/career-people';
import { recognisedJp } from '../../development-program/domain/jp-conversion';
import { JpLedgerRepository } from '../../jp-ledger/infrastructure/jp-ledger.repository';
import { SessionRepository } from '../../session/infrastructure/session.repository';
import { requireBkpsdm } from '../enrolment.access';
import { publishEnrolmentChanges } from '../enrolment.events';
import { EnrolmentMessages as M } from '../enrolment.messages';
import { EnrolmentRepository, type EnrolmentRow } from '../infrastructure/enrolment.repository';

/**
 * BKPSDM verifies the uploaded certificate: the JP is converted by the rules in force (the
 * certificate's JP, or days present for per-day forms) and enters the JP ledger once — the ledger's
 * unique key per source makes a second recognition impossible. Without an upload: 422.
 */
@Injectable()
export class VerifyCertificate {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly enrolments: EnrolmentRepository,
    private readonly sessions: SessionRepository,
    private readonly ledger: JpLedgerRepository,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Principal, id: string): Promise<EnrolmentRow> {
    requireBkpsdm(actor);
    await this.dataSource.transaction(async (m) => {
      const { row, enrolment } = await this.enrolments.lock(m, id);
      const session = await this.sessions.get(m, row.sessionId);
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
    return await this.enrolments.get(this.dataSource.manager, id);
  }
}
