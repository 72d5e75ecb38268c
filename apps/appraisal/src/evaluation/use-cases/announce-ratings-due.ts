import { Injectable } from '@nestjs/common';
import { RatingDueV1, type RatingDueEventData } from '@capaian/contracts';
import { Clock } from '@capaian/kinerja';
import { OutboxService } from '@capaian/shared/messaging';
import type { EntityManager } from 'typeorm';
import { addDays, defaultCadence } from '../../cadence/domain/cadence';
import { awaitsRating, isRatingAnnouncedOn, ratingYears } from '../domain/rating-due';
import { RatingNoticeRepository } from '../infrastructure/rating-notice.repository';

/**
 * How many days before the OPD's rating deadline the penilai is told of an SKP waiting for its
 * rating. Notification's reminder falls 5 days before the deadline and its two escalations 48 h
 * apart after it (docs/notifications.md), so the announcement comes well before the reminder.
 */
export const RATING_DUE_LEAD_DAYS = 14;

/**
 * The daily job: every SKP that is ratable and not rated, whose OPD's rating deadline is at most
 * `leadDays` away, gets one `rating-due` event for its acting penilai (notification reminds and
 * escalates while no rating comes). The SKP row is locked and marked announced in the job's
 * transaction, so each SKP is announced once across replicas and reruns.
 */
@Injectable()
export class AnnounceRatingsDue {
  constructor(
    private readonly notices: RatingNoticeRepository,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async execute(m: EntityManager, leadDays = RATING_DUE_LEAD_DAYS): Promise<number> {
    const today = this.clock.today();
    const now = this.clock.now();
    const defaults = ratingYears(today).map((year) => ({ year, ratingDeadline: defaultCadence(year).ratingDeadline }));
    let announced = 0;
    for (const skp of await this.notices.dueSkps(m, today, addDays(today, leadDays), defaults)) {
      // The query already filters; the rule is kept in one place and read again here.
      const waiting = awaitsRating({ status: skp.status, setOn: skp.setOn, endDate: skp.endDate, rated: false, reportsWithoutFeedback: 0 }, today);
      if (!waiting || !isRatingAnnouncedOn(skp.ratingDeadline, today, leadDays)) continue;
      if (!(await this.notices.markNoticed(m, skp.id, now))) continue;
      await this.outbox.enqueue(m, {
        type: RatingDueV1,
        subject: skp.id,
        data: {
          skpId: skp.id,
          employeeId: skp.employeeId,
          nip: skp.nip,
          opdCode: skp.opdCode,
          year: skp.year,
          startDate: skp.startDate,
          endDate: skp.endDate,
          penilaiNip: skp.penilaiNip,
          atasanPenilaiNip: skp.atasanNip,
          ratingDeadline: skp.ratingDeadline,
        } satisfies RatingDueEventData,
      });
      announced++;
    }
    return announced;
  }
}
