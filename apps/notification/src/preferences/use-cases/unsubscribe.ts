import { Inject, Injectable } from '@nestjs/common';
import { recordAudit } from '@capaian/shared/persistence';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../../clock/clock';
import { NOTIFICATION_SETTINGS, type NotificationSettings } from '../../notification.config';
import { PreferenceMessages } from '../preferences.messages';
import { verifyUnsubscribeToken } from '../domain/unsubscribe-token';
import type { UnsubscribeResultDto } from '../dto/unsubscribe-result.dto';
import { PreferenceRepository } from '../infrastructure/preference.repository';
import { checkedCategory } from './update-preference';

/**
 * The link in an optional mail: no login, the signed token names the person and the category.
 * A forged, altered or expired token changes nothing and answers 403; a mandatory category in a
 * genuine token (cannot happen: such mails carry no link) would answer 422.
 */
@Injectable()
export class Unsubscribe {
  constructor(
    private readonly dataSource: DataSource,
    private readonly preferences: PreferenceRepository,
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(token: unknown): Promise<UnsubscribeResultDto> {
    // A repeated `?token=` arrives as an array: refused like any malformed link.
    if (typeof token !== 'string' || !token || token.length > 1000) throw PreferenceMessages.error('TAUTAN_TIDAK_VALID', {}, 'token');
    const now = this.clock.now();
    const check = verifyUnsubscribeToken(this.settings.unsubscribeSecret, token, now);
    if (!check.ok) {
      const code = check.reason === 'expired' ? 'TAUTAN_KEDALUWARSA' : check.reason === 'forged' ? 'TAUTAN_PALSU' : 'TAUTAN_TIDAK_VALID';
      throw PreferenceMessages.error(code, {}, 'token');
    }
    const category = checkedCategory(check.claims.kategori);
    if (category.mandatory) throw PreferenceMessages.error('KATEGORI_WAJIB', { label: category.label }, 'token');
    await this.dataSource.transaction(async (m) => {
      await this.preferences.set(m, check.claims.nip, category.code, false, now);
      // No login: the signed link is the authority; the NIP it names is recorded as the actor.
      await recordAudit(m, { actor: 'tautan-berhenti-langganan', actorNip: check.claims.nip, action: 'notification.preference.unsubscribed', entityType: 'preference', entityId: `${check.claims.nip}/${category.code}`, toState: 'inbox-saja' });
    });
    return {
      kategori: category.code,
      label: category.label,
      email: false,
      pesan: `Anda tidak akan lagi menerima e-mail untuk "${category.label}". Pemberitahuan tetap ada di kotak masuk Capaian.`,
    };
  }
}
