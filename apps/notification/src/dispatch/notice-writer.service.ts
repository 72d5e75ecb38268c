import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '../clock/clock';
import { firstSendableTime, wibTimeOnDay } from '../delivery/domain/schedule';
import { DeliveryRepository } from '../delivery/infrastructure/delivery.repository';
import type { Person } from '../directory/domain/person';
import { InboxRepository } from '../inbox/infrastructure/inbox.repository';
import { NOTIFICATION_SETTINGS, type NotificationSettings } from '../notification.config';
import { DispatchIssueMessages } from './dispatch.messages';
import { signUnsubscribeToken } from '../preferences/domain/unsubscribe-token';
import { PreferenceRepository } from '../preferences/infrastructure/preference.repository';
import { ReminderRepository } from '../reminders/infrastructure/reminder.repository';
import { CATEGORIES, type CategoryCode } from './domain/categories';
import { emailDisposition } from './domain/email-disposition';
import { composeNoticeEmail } from './domain/email-layout';
import { formatTanggalWib } from './domain/format';
import type { Channel } from './domain/recipient-rules';
import { renderNotice, TemplateValueMissingError, type TemplateKey, type TemplateValues } from './domain/templates';
import { DispatchIssueRepository } from './infrastructure/dispatch-issue.repository';

export interface NoticeRequest {
  eventId: string;
  eventType: string;
  correlationId: string;
  /** Who the notice is about or for, as named in the rules table (for issue records). */
  role: string;
  person: Person;
  /** The employee the notice is about (for a penilai's notice: the appraisee). */
  subjectNip: string;
  category: CategoryCode;
  template: TemplateKey;
  channels: readonly Channel[];
  values: TemplateValues;
  actionDueDays?: number;
  /** The deadline the event carries (reminded then, escalated like `actionDueDays`). */
  actionDueAt?: Date;
  /** Which occurrence of the awaited action the reminder waits for (`<skpId>:<period>`). */
  awaitedRef?: string;
  /** A plain reminder at this time instead (no escalation): a training session tomorrow. */
  remindAt?: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Turns one notice for one person into an inbox item and, where the rules, the person's address and
 * preferences allow, a queued e-mail: all in the caller's transaction (the consumer's, which also
 * records the event as seen), so the inbox item and the queued mail exist together or not at all.
 * Sending happens later in DeliveryWorker.
 */
@Injectable()
export class NoticeWriter {
  constructor(
    private readonly inbox: InboxRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly preferences: PreferenceRepository,
    private readonly reminders: ReminderRepository,
    private readonly issues: DispatchIssueRepository,
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Returns the inbox item id, or null when nothing was written (duplicate or recorded issue). */
  async write(m: EntityManager, req: NoticeRequest): Promise<string | null> {
    const now = this.clock.now();
    const category = CATEGORIES[req.category];
    const dueAt = req.remindAt ?? req.actionDueAt ?? (req.actionDueDays !== undefined ? new Date(now.getTime() + req.actionDueDays * DAY_MS) : null);
    const values: TemplateValues = { ...req.values, penerima: req.person.name, ...(dueAt && !req.remindAt ? { batas: formatTanggalWib(dueAt) } : {}) };
    let notice;
    try {
      notice = renderNotice(req.template, values);
    } catch (error) {
      if (!(error instanceof TemplateValueMissingError)) throw error;
      await this.issue(m, req, DispatchIssueMessages.violation('NILAI_TEMPLAT_KOSONG', { templat: error.template, nilai: error.value }));
      return null;
    }

    const itemId = await this.inbox.add(m, {
      recipientNip: req.person.nip,
      kategori: category.code,
      judul: notice.judul,
      isi: notice.isi,
      tautan: notice.tautan,
      sourceEventId: req.eventId,
      opdId: req.person.opdId,
      mandatory: category.mandatory,
      createdAt: now,
    });
    if (itemId === null) return null;
    if (dueAt) {
      // A notice that arrives on its deadline's morning or later is its own reminder: the ladder goes on from the escalation.
      const late = req.actionDueAt !== undefined && dueAt.getTime() <= now.getTime();
      await this.reminders.create(m, {
        notificationId: itemId,
        recipientNip: req.person.nip,
        kategori: category.code,
        judul: notice.judul,
        dueAt,
        template: req.template,
        subjectNip: req.subjectNip,
        awaitedRef: req.awaitedRef ?? null,
        ...(late ? { step: 1, nextAt: new Date(now.getTime() + this.settings.escalateAfterMs) } : {}),
      });
    }
    if (!req.channels.includes('email')) return itemId;

    const startOfDay = wibTimeOnDay(now, 0);
    const disposition = emailDisposition({
      mandatory: category.mandatory,
      address: req.person.email,
      emailPreference: category.mandatory ? null : await this.preferences.emailEnabled(m, req.person.nip, category.code),
      mailsToday: category.mandatory ? 0 : await this.deliveries.countSince(m, req.person.nip, startOfDay),
      digestThreshold: this.settings.digestThreshold,
    });
    if (disposition === 'no-address') {
      await this.issue(m, req, DispatchIssueMessages.violation('ALAMAT_EMAIL_TIDAK_ADA', { nip: req.person.nip }));
      return itemId;
    }
    if (disposition === 'switched-off') return itemId;

    const unsubscribeUrl = category.mandatory
      ? null
      : `${this.settings.publicApiUrl}/berhenti-langganan?token=${signUnsubscribeToken(this.settings.unsubscribeSecret, {
          nip: req.person.nip,
          kategori: category.code,
          expiresAt: new Date(now.getTime() + this.settings.unsubscribeTtlDays * DAY_MS),
        })}`;
    const mail = composeNoticeEmail({
      to: req.person.email as string,
      notice,
      portalBaseUrl: this.settings.portalBaseUrl,
      unsubscribeUrl,
      categoryLabel: category.label,
      eventId: req.eventId,
      correlationId: req.correlationId,
    });
    await this.deliveries.enqueue(m, {
      eventId: req.eventId,
      eventType: req.eventType,
      kategori: category.code,
      channel: 'email',
      recipientKey: req.person.nip,
      recipientNip: req.person.nip,
      opdId: req.person.opdId,
      address: mail.to,
      subject: mail.subject,
      bodyText: mail.text,
      bodyHtml: mail.html,
      headers: mail.headers,
      mandatory: category.mandatory,
      status: disposition === 'digest' ? 'digest' : 'pending',
      nextAttemptAt: firstSendableTime(now, this.settings.quietHours),
      createdAt: now,
    });
    return itemId;
  }

  private issue(m: EntityManager, req: NoticeRequest, violation: ReturnType<typeof DispatchIssueMessages.violation>): Promise<void> {
    return this.issues.record(m, { eventId: req.eventId, eventType: req.eventType, recipientRole: req.role, recipientNip: req.person.nip, violation, at: this.clock.now() });
  }
}
