import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ELEVATED_ROLES,
  EmployeeSnapshotV1,
  OrgUnitSnapshotV1,
  PositionSnapshotV1,
  Topics,
  createEnvelope,
  validateEnvelope,
  type ElevatedRole,
  type EmployeeSnapshotData,
  type EventEnvelope,
  type RoleAssignment,
} from '@capaian/contracts';
import { todayInJakarta } from '@capaian/kinerja';
import { ProblemException, currentCorrelationId } from '@capaian/shared/http';
import { KafkaConnection, MESSAGING_OPTIONS, eventHeaders, type OutgoingMessage, type ResolvedMessagingOptions } from '@capaian/shared/messaging';
import { recordAudit } from '@capaian/shared/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ACCOUNT_DIRECTORY, AccountDirectoryError, type AccountDirectory } from '../accounts/domain/account-directory.port';
import type { Actor } from '../common/access';
import { appraisersIn } from '../reporting/domain';
import { loadReportingGraph } from '../reporting/infrastructure/reporting-graph.queries';
import { RepublishMessages } from './republish.messages';
import { allEmployeeBases, allPositionSnapshots, allUnitSnapshots, type EmployeeBase } from './republish.queries';

export interface RepublishResult {
  units: number;
  positions: number;
  employees: number;
  /** Elevated role assignments included in the employee snapshots. */
  roles: number;
  /** The `time` of every snapshot: consumers keep a newer delta over it. */
  time: string;
  correlationId: string;
  ms: { read: number; roles: number; publish: number; total: number };
}

/** Messages per produce request: the broker refuses a request above ~1 MB per partition batch. */
const PUBLISH_CHUNK = 500;
/** How long the republish waits for transactions already writing when it starts. */
const WRITER_WAIT_MS = 60_000;
/** Keycloak calls in flight while reading roles. */
const ROLE_LOOKUP_CONCURRENCY = 8;

/**
 * Publishes the full current state of every unit, position and employee (with supervisor,
 * appraisers and elevated roles) on the log-compacted topic `personnel.snapshot.v1`, keyed by the
 * aggregate id, so that a new or wiped read model (libs/shared/projection) can rebuild.
 *
 * Why a direct batched producer and not the outbox: snapshots describe state that is already
 * committed and can be produced again at any time, so they need none of the outbox's atomicity with
 * a write; publishing twice or stopping halfway is harmless (consumers keep the newest per
 * aggregate, and a rerun completes). Through the outbox, ~15,000 rows would be written and then
 * relayed 500 per pass by the single ordered relay, delaying every ordinary event queued behind
 * them; produced directly they go out in a few requests. Everything is read in one REPEATABLE READ
 * transaction (one consistent state) and every envelope is validated before the first is sent.
 *
 * Ordering against deltas: every snapshot carries `time` = a moment taken before the state is
 * read, and consumers ignore anything older than what they hold (per aggregate). A delta stamped
 * before that moment must therefore already be in what is read: the read starts only once every
 * transaction that was in progress at that moment has ended (waitForEarlierWriters). Deltas stamped
 * later are newer than the snapshot and win over it in the read models.
 */
@Injectable()
export class RepublishService {
  private readonly logger = new Logger('Republish');
  private running = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kafka: KafkaConnection,
    @Inject(ACCOUNT_DIRECTORY) private readonly directory: AccountDirectory,
    @Inject(MESSAGING_OPTIONS) private readonly messaging: Pick<ResolvedMessagingOptions, 'source'>,
  ) {}

  async republish(actor: Actor): Promise<RepublishResult> {
    if (this.running) throw RepublishMessages.error('REPUBLIKASI_SEDANG_BERJALAN');
    this.running = true;
    try {
      return await this.run(actor);
    } finally {
      this.running = false;
    }
  }

  private async run(actor: Actor): Promise<RepublishResult> {
    const started = Date.now();
    const correlationId = currentCorrelationId() ?? randomUUID();
    const time = new Date();
    const today = todayInJakarta();
    await this.waitForEarlierWriters();
    const state = await this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const units = await allUnitSnapshots(m);
      const positions = await allPositionSnapshots(m);
      const employees = await allEmployeeBases(m);
      const graph = await loadReportingGraph(m, 'all', today);
      return { units, positions, employees, graph };
    });
    const readMs = Date.now() - started;
    const roles = await this.rolesOf(state.employees);
    const rolesMs = Date.now() - started - readMs;

    const refs = new Map(state.employees.map((e) => [e.ref.employeeId, e.ref]));
    const ref = (id: string | null) => (id ? (refs.get(id) ?? null) : null);
    const envelope = <T>(type: string, subject: string, data: T): EventEnvelope<T> =>
      validateEnvelope<T>(createEnvelope({ source: this.messaging.source, type, subject, data, time, correlationId }));
    const envelopes: EventEnvelope<unknown>[] = [
      ...state.units.map((u) => envelope(OrgUnitSnapshotV1, u.unitId, u)),
      ...state.positions.map((p) => envelope(PositionSnapshotV1, p.positionId, p)),
      ...state.employees.map((e) => {
        const id = e.ref.employeeId;
        const node = state.graph.get(id);
        const appraisers = appraisersIn(id, state.graph);
        const data: EmployeeSnapshotData = {
          ...e.snapshot,
          supervisor: ref(node?.supervisorId ?? null),
          supervisorOverride: !!node?.supervisorId && node.overrideId === node.supervisorId,
          pejabatPenilai: ref(appraisers.penilaiId),
          atasanPejabatPenilai: ref(appraisers.atasanPenilaiId),
          basis: appraisers.basis,
          roles: roles.get(id) ?? [],
        };
        return envelope(EmployeeSnapshotV1, id, data);
      }),
    ];
    const messages: OutgoingMessage[] = envelopes.map((e) => ({
      topic: Topics.personnelSnapshot,
      key: e.subject,
      value: JSON.stringify(e),
      headers: eventHeaders(e),
    }));
    for (let i = 0; i < messages.length; i += PUBLISH_CHUNK) await this.kafka.publish(messages.slice(i, i + PUBLISH_CHUNK));
    const publishMs = Date.now() - started - readMs - rolesMs;

    const result: RepublishResult = {
      units: state.units.length,
      positions: state.positions.length,
      employees: state.employees.length,
      roles: [...roles.values()].reduce((n, list) => n + list.length, 0),
      time: time.toISOString(),
      correlationId,
      ms: { read: readMs, roles: rolesMs, publish: publishMs, total: Date.now() - started },
    };
    await recordAudit(this.dataSource.manager, {
      actor: actor.subject,
      actorNip: actor.nip,
      action: 'personnel.republished',
      entityType: 'personnel',
      entityId: '*',
      correlationId,
      details: { units: result.units, positions: result.positions, employees: result.employees, roles: result.roles, time: result.time },
    });
    this.logger.log({ msg: 'republished', ...result });
    return result;
  }

  /**
   * Waits until the transactions in progress now have committed or rolled back, so that every
   * event stamped before now (events are stamped inside their transaction, after its writes) is
   * visible to the read that follows. Gives up after WRITER_WAIT_MS (a very long import), logging it:
   * that transaction's events may then be masked by the snapshot until the aggregate changes again.
   */
  private async waitForEarlierWriters(): Promise<void> {
    const [{ xids }]: { xids: string[] }[] = await this.dataSource.query(`SELECT array(SELECT pg_snapshot_xip(pg_current_snapshot())::text) AS xids`);
    if (xids.length === 0) return;
    const deadline = Date.now() + WRITER_WAIT_MS;
    for (;;) {
      const [{ n }]: { n: number }[] = await this.dataSource.query(
        `SELECT count(*)::int AS n FROM unnest($1::text[]) x WHERE pg_xact_status(x::xid8) = 'in progress'`,
        [xids],
      );
      if (n === 0) return;
      if (Date.now() > deadline) {
        this.logger.warn(`${n} transaction(s) still writing after ${WRITER_WAIT_MS} ms; republishing anyway`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /**
   * Elevated roles live in the identity provider, per account: one lookup per employee with an
   * account, a few at a time. When the directory cannot be reached nothing is published (a snapshot
   * without roles would revoke them in every read model).
   */
  private async rolesOf(employees: readonly EmployeeBase[]): Promise<Map<string, RoleAssignment[]>> {
    const out = new Map<string, RoleAssignment[]>();
    const withAccount = employees.filter((e) => e.accountId);
    let next = 0;
    const worker = async () => {
      while (next < withAccount.length) {
        const e = withAccount[next++];
        const held = await this.directory.realmRoles(e.accountId!);
        const assignments = ELEVATED_ROLES.filter((r: ElevatedRole) => held.includes(r)).map((role) => ({
          role,
          opd: role === 'admin-opd' ? e.snapshot.opd : null,
        }));
        if (assignments.length > 0) out.set(e.ref.employeeId, assignments);
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(ROLE_LOOKUP_CONCURRENCY, withAccount.length) }, worker));
    } catch (error) {
      if (error instanceof AccountDirectoryError) {
        throw new ProblemException(503, 'LAYANAN_IDENTITAS_TIDAK_TERSEDIA', 'Layanan identitas (Keycloak) sedang tidak dapat dihubungi; coba lagi');
      }
      throw error;
    }
    return out;
  }
}
