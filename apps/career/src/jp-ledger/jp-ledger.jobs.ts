import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Scheduler, yearlyOn } from '@capaian/shared/scheduling';
import { AnnounceAtRisk } from './use-cases/announce-at-risk';

/** The year-end at-risk announcements on the shared scheduler: 1 October, 1 November and 1 December at 07.00 WIB. */
export const AT_RISK_DATES = ['10-01', '11-01', '12-01'] as const;

@Injectable()
export class JpLedgerJobs implements OnModuleInit {
  constructor(
    private readonly scheduler: Scheduler,
    private readonly announce: AnnounceAtRisk,
  ) {}

  onModuleInit(): void {
    for (const day of AT_RISK_DATES) {
      this.scheduler.register({
        name: `career.jp-at-risk.${day}`,
        schedule: yearlyOn(day, '07:00'),
        // Still useful later that week; not a month late.
        catchUpWindow: { days: 7 },
        run: async ({ manager, clock }) => void (await this.announce.execute(manager, clock.year())),
      });
    }
  }
}
