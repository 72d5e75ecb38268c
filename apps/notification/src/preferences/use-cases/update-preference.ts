import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../clock/clock';
import { categoryOf, type Category } from '../dispatch/domain/categories';
import { NotificationMessages } from '../notification.messages';
import type { PreferenceViewDto } from './dto/preference-view.dto';
import { PreferenceRepository } from './preference.repository';

/** Switches e-mail for one optional category on or off; a mandatory category cannot be switched off. */
@Injectable()
export class UpdatePreferenceUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly preferences: PreferenceRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(nip: string, kategori: string, email: boolean): Promise<PreferenceViewDto> {
    const category = checkedCategory(kategori);
    if (category.mandatory && !email) throw NotificationMessages.error('KATEGORI_WAJIB', { label: category.label }, 'email');
    if (!category.mandatory) await this.preferences.set(this.dataSource.manager, nip, category.code, email, this.clock.now());
    return { kategori: category.code, label: category.label, wajib: category.mandatory, email: category.mandatory ? true : email };
  }
}

export function checkedCategory(kategori: string): Category {
  const category = categoryOf(kategori);
  if (!category || category.code === 'platform.ping') throw NotificationMessages.error('KATEGORI_TIDAK_DIKENAL', { kategori: kategori.slice(0, 64) }, 'kategori');
  return category;
}
