import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SESSION_COLUMNS, SESSION_FROM, type SessionRecord } from './infrastructure/session.repository';
import { SessionMessages as M } from './session.messages';

/** Reads of sessions (any authenticated caller: the catalog is public inside the platform). */
@Injectable()
export class SessionQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  ofProgram(programId: string): Promise<SessionRecord[]> {
    return this.dataSource.query(`SELECT ${SESSION_COLUMNS} FROM ${SESSION_FROM} WHERE s.program_id = $1 ORDER BY s.start_date, s.id`, [programId]);
  }

  async one(id: string): Promise<SessionRecord> {
    const [row] = await this.dataSource.query(`SELECT ${SESSION_COLUMNS} FROM ${SESSION_FROM} WHERE s.id = $1`, [id]);
    if (!row) throw M.error('SESI_TIDAK_DITEMUKAN');
    return row;
  }
}
