import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface PartnerRecord {
  id: string;
  name: string;
  kind: 'LEMBAGA_PENDIDIKAN' | 'ORGANISASI_PROFESI';
  city: string | null;
}

export interface AgreementRecord {
  id: string;
  partnerId: string;
  kind: 'MOU' | 'PKS';
  number: string;
  validFrom: string;
  validUntil: string;
  quota: number;
  seatsUsed: number;
}

const AGREEMENT_COLUMNS = `id, partner_id AS "partnerId", kind, number, valid_from::text AS "validFrom", valid_until::text AS "validUntil", quota, seats_used AS "seatsUsed"`;

/** The only writer of `partner` and `partner_agreement`. */
@Injectable()
export class PartnerRepository {
  async insert(m: EntityManager, p: Omit<PartnerRecord, 'id'> & { createdAt: Date; createdBy: string }): Promise<PartnerRecord> {
    const [row] = await m.query(`INSERT INTO partner (name, kind, city, created_at, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id, name, kind, city`, [p.name, p.kind, p.city, p.createdAt, p.createdBy]);
    return row;
  }

  async find(m: EntityManager, id: string): Promise<PartnerRecord | null> {
    const [row] = await m.query(`SELECT id, name, kind, city FROM partner WHERE id = $1`, [id]);
    return row ?? null;
  }

  async insertAgreement(m: EntityManager, a: Omit<AgreementRecord, 'id' | 'seatsUsed'> & { createdAt: Date }): Promise<AgreementRecord | null> {
    const [row] = await m.query(
      `INSERT INTO partner_agreement (partner_id, kind, number, valid_from, valid_until, quota, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (number) DO NOTHING RETURNING ${AGREEMENT_COLUMNS}`,
      [a.partnerId, a.kind, a.number, a.validFrom, a.validUntil, a.quota, a.createdAt],
    );
    return row ?? null;
  }

  /** The agreement under the transaction's lock, so that two sessions cannot both take its last seats. */
  async lockAgreement(m: EntityManager, id: string): Promise<AgreementRecord | null> {
    const [row] = await m.query(`SELECT ${AGREEMENT_COLUMNS} FROM partner_agreement WHERE id = $1 FOR UPDATE`, [id]);
    return row ?? null;
  }

  async useSeats(m: EntityManager, id: string, seats: number): Promise<void> {
    await m.query(`UPDATE partner_agreement SET seats_used = seats_used + $2 WHERE id = $1`, [id, seats]);
  }

  async list(m: EntityManager): Promise<(PartnerRecord & { agreements: AgreementRecord[] })[]> {
    return m.query(
      `SELECT p.id, p.name, p.kind, p.city,
              COALESCE((SELECT json_agg(json_build_object('id', a.id, 'partnerId', a.partner_id, 'kind', a.kind, 'number', a.number, 'validFrom', a.valid_from,
                 'validUntil', a.valid_until, 'quota', a.quota, 'seatsUsed', a.seats_used) ORDER BY a.valid_from) FROM partner_agreement a WHERE a.partner_id = p.id), '[]'::json) AS agreements
         FROM partner p ORDER BY p.name`,
    );
  }
}
