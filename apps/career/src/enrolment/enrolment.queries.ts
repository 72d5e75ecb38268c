import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@capaian/shared/auth';
import { OBJECT_STORE, type ObjectDownload, type ObjectStore } from '@capaian/shared/storage';
import { DataSource } from 'typeorm';
import { CareerPeople, isBkpsdm } from '../common/career-people';
import { canSee } from './enrolment.access';
import { EnrolmentMessages as M } from './enrolment.messages';
import { ENROLMENT_COLUMNS, type EnrolmentRow } from './infrastructure/enrolment.repository';

/** Reads of places, scoped: one's own, one's reports', one's OPD's (admin-opd), or all (BKPSDM). */
@Injectable()
export class EnrolmentQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: CareerPeople,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
  ) {}

  /** The certificate file, for those who may see the place, always as a download. */
  async certificate(actor: Principal, id: string): Promise<{ row: EnrolmentRow; file: ObjectDownload }> {
    const row = await this.one(actor, id);
    const file = row.certificateKey ? await this.store.get(row.certificateKey) : null;
    if (!file) throw M.error('SERTIFIKAT_BELUM_DIUNGGAH');
    return { row, file };
  }

  async one(actor: Principal, id: string): Promise<EnrolmentRow> {
    const [row] = await this.dataSource.query(`SELECT ${ENROLMENT_COLUMNS} FROM enrolment e WHERE e.id = $1`, [id]);
    if (!row) throw M.error('PENDAFTARAN_TIDAK_DITEMUKAN');
    if (!canSee(actor, await this.people.selfOrNull(actor), row)) throw M.error('AKSES_PENDAFTARAN_DITOLAK');
    return row;
  }

  /** What the caller may see, newest first. */
  async visible(actor: Principal, sessionId?: string): Promise<EnrolmentRow[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (sessionId) where.push(`e.session_id = $${params.push(sessionId)}`);
    if (!isBkpsdm(actor)) {
      const self = await this.people.selfOrNull(actor);
      const scope = [`e.nip = $${params.push(actor.nip ?? '')}`];
      if (self) scope.push(`e.supervisor_id = $${params.push(self.id)}`);
      if (actor.roles.includes('admin-opd') && actor.opd) scope.push(`e.opd_code = $${params.push(actor.opd)}`);
      where.push(`(${scope.join(' OR ')})`);
    }
    return this.dataSource.query(`SELECT ${ENROLMENT_COLUMNS} FROM enrolment e ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY e.created_at DESC, e.id LIMIT 1000`, params);
  }
}
