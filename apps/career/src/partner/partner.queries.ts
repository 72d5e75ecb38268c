import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { scorecard, type Scorecard } from '../evaluation/domain/scorecard';
import { PartnerRepository } from './infrastructure/partner.repository';
import { PartnerMessages as M } from './partner.messages';

/** Reads of partners: the list with agreements, and each partner's scorecard. */
@Injectable()
export class PartnerQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly partners: PartnerRepository,
  ) {}

  list() {
    return this.partners.list(this.dataSource.manager);
  }

  /** Built from participants' feedback and supervisors' follow-ups on the sessions the partner delivered. */
  async scorecard(id: string): Promise<{ partnerId: string; name: string } & Scorecard> {
    const partner = await this.partners.find(this.dataSource.manager, id);
    if (!partner) throw M.error('MITRA_TIDAK_DITEMUKAN');
    const feedback = await this.dataSource.query(`SELECT content, facilitator, organisation FROM training_feedback WHERE partner_id = $1`, [id]);
    const followUps = await this.dataSource.query(`SELECT application FROM training_follow_up WHERE partner_id = $1`, [id]);
    return { partnerId: id, name: partner.name, ...scorecard(feedback, followUps) };
  }
}
