import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CATEGORIES, type Category } from '../dispatch/domain/categories';
import type { PreferenceViewDto } from './dto/preference-view.dto';
import { PreferenceRepository } from './infrastructure/preference.repository';

/** Every category with the caller's choice (default on; mandatory ones always on). */
@Injectable()
export class PreferencesQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly preferences: PreferenceRepository,
  ) {}

  async ofPerson(nip: string): Promise<PreferenceViewDto[]> {
    const chosen = await this.preferences.all(this.dataSource.manager, nip);
    return (Object.values(CATEGORIES) as Category[])
      .filter((c) => c.code !== 'platform.ping')
      .map((c) => ({ kategori: c.code, label: c.label, wajib: c.mandatory, email: c.mandatory ? true : (chosen.get(c.code) ?? true) }));
  }
}
