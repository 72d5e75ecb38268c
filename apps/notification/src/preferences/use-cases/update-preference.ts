import { Inject, Injectable } from '@nestjs/common';
import { recordAudit } from '@capaian/shared/persistence';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../../clock/clock';
import { categoryOf, type Category } from '../../dispatch/domain/categories';
import { PreferenceMessages } from '../preferences.messages';
import type { PreferenceViewDto } from '../dto/preference-view.dto';
import { PreferenceRepository } from '../infrastructure/preference.repository';

/** Switches e-mail for one optional category on or off; a mandatory category cannot be switched off. */
@Injectable()
export class UpdatePreference {
  constructor(
    private readonly dataSource: DataSource,
    private readonly preferences: PreferenceRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(actor: { subject: string; nip: string }, kategori: string, email: boolean): Promise<PreferenceViewDto> {
    const category = checkedCategory(kategori);
    if (category.mandatory && !email) throw PreferenceMessages.error('KATEGORI_WAJIB', { label: category.label }, 'email');
    if (!category.mandatory) {
      await this.dataSource.transaction(async (m) => {
        await this.preferences.set(m, actor.nip, category.code, email, this.clock.now());
        await recordAudit(m, { actor: actor.subject, actorNip: actor.nip, action: 'notification.preference.set', entityType: 'preference', entityId: `${actor.nip}/${category.code}`, toState: email ? 'email' : 'inbox-saja' });
      });
    }
    return { kategori: category.code, label: category.label, wajib: category.mandatory, email: category.mandatory ? true : email };
  }
}

export function checkedCategory(kategori: string): Category {
  const category = categoryOf(kategori);
  if (!category || category.code === 'platform.ping') throw PreferenceMessages.error('KATEGORI_TIDAK_DIKENAL', { kategori: kategori.slice(0, 64) }, 'kategori');
  return category;
}
