import { Injectable } from '@nestjs/common';
import { AppraisersChangedV1, EmployeeLeftV1, EmployeePromotedV1, EmployeeTransferredV1, type AppraisersChangedData, type EmployeeSnapshot, type EventEnvelope } from '@capaian/contracts';
import { Clock } from '@capaian/kinerja';
import { PersonnelProjection } from '@capaian/shared/projection';
import type { EntityManager } from 'typeorm';
import { addDays } from '../../cadence/domain/cadence';
import { SYSTEM } from '../../common/actor';
import { AppraisalPeople } from '../../personnel-view/appraisal-people';
import { draftSkp } from './create-skp';
import { SkpRepository } from '../infrastructure/skp.repository';
import { ReassignPenilai } from './reassign-penilai';
import { SkpEventRecorder } from '../skp.events';

/** The personnel events the SKP reacts to. */
export const FOLLOWED_PERSONNEL_EVENTS = [AppraisersChangedV1, EmployeeTransferredV1, EmployeePromotedV1, EmployeeLeftV1] as const;

/**
 * What personnel's changes mean for open SKPs:
 * - a new pejabat penilai: every open SKP (and with it its reports waiting for feedback and its
 *   rating) moves to the new penilai;
 * - a move to another position (transfer, promotion into a new jabatan): the open SKP closes the
 *   day before the move and a new draft opens on the day of the move for the new position, so the
 *   employee's SKPs never overlap;
 * - leaving: the open SKP closes the day before.
 * The projection applies the same event first (idempotently), so the new SKP's snapshot is the
 * state after the change whichever handler Kafka delivers to first.
 */
@Injectable()
export class FollowPersonnelChanges {
  constructor(
    private readonly projection: PersonnelProjection,
    private readonly people: AppraisalPeople,
    private readonly skps: SkpRepository,
    private readonly reassign: ReassignPenilai,
    private readonly events: SkpEventRecorder,
    private readonly clock: Clock,
  ) {}

  async apply(event: EventEnvelope<unknown>, m: EntityManager): Promise<void> {
    await this.projection.apply(event, m);
    if (event.type === AppraisersChangedV1) {
      const data = event.data as AppraisersChangedData;
      await this.reassign.execute(m, SYSTEM, data.nip, data.pejabatPenilai?.nip ?? null);
      return;
    }
    const data = event.data as EmployeeSnapshot;
    for (const skp of await this.skps.lockOpenOf(m, data.nip)) {
      const s = skp.toState();
      const left = event.type === EmployeeLeftV1;
      if (s.endDate < data.effectiveDate) continue; // ended before the change: untouched
      if (!left && s.snapshot.jabatan?.positionId === (data.position?.positionId ?? null)) continue; // same position: the SKP stands
      const from = skp.status;
      const lastDay = addDays(data.effectiveDate, -1);
      skp.close({ nip: null, admin: true }, left ? 'Pegawai berhenti' : 'Pindah jabatan (mutasi atau promosi)', lastDay < s.startDate ? s.startDate : lastDay);
      await this.skps.update(m, skp, this.clock.now());
      await this.events.record(m, SYSTEM, skp, from);
      const closed = skp.toState();
      if (left || !data.effectiveDate.startsWith(`${closed.year}-`)) continue; // a move in another year starts that year's SKP afresh
      const employee = await this.people.employeeByNip(m, data.nip);
      if (!employee) continue;
      await draftSkp(m, this.skps, SYSTEM, this.clock.now(), {
        employee,
        year: closed.year,
        startDate: data.effectiveDate > closed.endDate ? data.effectiveDate : addDays(closed.endDate, 1),
        endDate: `${closed.year}-12-31`,
        content: { pendekatan: closed.pendekatan, rhk: [], annex: { resources: [], accountability: [], consequences: [] } },
      });
    }
  }
}
