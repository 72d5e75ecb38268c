import { Injectable } from '@nestjs/common';
import type { Principal } from '@capaian/shared/auth';
import type { EntityManager } from 'typeorm';
import type { SkpState } from '../skp/domain/skp';
import { SkpRepository } from '../skp/infrastructure/skp.repository';
import { SkpMessages } from '../skp/skp.messages';
import { SkpAccess } from './access';

/** Loads an SKP for a caller who wants to read it or anything under it: 404 when missing, 403 when not theirs to see. */
@Injectable()
export class SkpReader {
  constructor(
    private readonly skps: SkpRepository,
    private readonly access: SkpAccess,
  ) {}

  async readable(m: EntityManager, principal: Principal, skpId: string): Promise<SkpState> {
    const s = await this.skps.find(m, skpId);
    if (!s) throw SkpMessages.error('SKP_TIDAK_DITEMUKAN');
    const ok = await this.access.canRead(m, principal, {
      nip: s.snapshot.nip,
      penilaiNip: s.penilaiNip,
      atasanNip: s.snapshot.atasanPejabatPenilai?.nip ?? null,
      opdCode: s.snapshot.opd?.code ?? null,
      unitId: s.snapshot.unit?.unitId ?? null,
    });
    if (!ok) throw SkpMessages.error('AKSES_SKP_DITOLAK');
    return s;
  }
}
