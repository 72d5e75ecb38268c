import { currentCorrelationId } from '@capaian/shared/http';
import { Column, CreateDateColumn, Entity, EntityManager, Index, PrimaryGeneratedColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Who changed what, when, from which state to which. Written in the same transaction as the change
 * it describes, so the trail can never disagree with the data; the correlation id ties the row to the
 * request's logs and to the events it produced.
 */
@Entity({ name: 'audit_trail' })
@Index(['entityType', 'entityId', 'occurredAt'])
export class AuditEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  /** Keycloak subject of the actor, or `system`. */
  @Column({ name: 'actor', type: 'text' })
  actor: string;

  @Column({ name: 'actor_nip', type: 'text', nullable: true })
  actorNip: string | null;

  @Column({ name: 'action', type: 'text' })
  action: string;

  @Column({ name: 'entity_type', type: 'text' })
  entityType: string;

  @Column({ name: 'entity_id', type: 'text' })
  entityId: string;

  @Column({ name: 'from_state', type: 'text', nullable: true })
  fromState: string | null;

  @Column({ name: 'to_state', type: 'text', nullable: true })
  toState: string | null;

  @Column({ name: 'reason', type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'details', type: 'jsonb', nullable: true })
  details: Record<string, unknown> | null;

  @Column({ name: 'correlation_id', type: 'text', nullable: true })
  correlationId: string | null;
}

export interface AuditRecord {
  actor: string;
  actorNip?: string | null;
  action: string;
  entityType: string;
  entityId: string;
  fromState?: string | null;
  toState?: string | null;
  reason?: string | null;
  details?: Record<string, unknown> | null;
  /**
   * Only for work that runs outside the request that caused it (a background job carrying the id it
   * was started with). Left out, the current request's id is used.
   */
  correlationId?: string | null;
}

/**
 * Records an audit entry inside the caller's transaction. The correlation id comes from the request
 * context (set for every HTTP request and consumed event), so no caller can forget it.
 */
export async function recordAudit(manager: EntityManager, record: AuditRecord): Promise<void> {
  await manager.insert(AuditEntry, {
    actor: record.actor,
    actorNip: record.actorNip ?? null,
    action: record.action,
    entityType: record.entityType,
    entityId: record.entityId,
    fromState: record.fromState ?? null,
    toState: record.toState ?? null,
    reason: record.reason ?? null,
    details: (record.details ?? null) as never,
    correlationId: record.correlationId ?? currentCorrelationId() ?? null,
  });
}

/** Include in every service's migration list. */
export class CreateAuditTrail1764300000000 implements MigrationInterface {
  name = 'CreateAuditTrail1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE IF NOT EXISTS audit_trail (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      occurred_at timestamptz NOT NULL DEFAULT now(),
      actor text NOT NULL,
      actor_nip text,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id text NOT NULL,
      from_state text,
      to_state text,
      reason text,
      details jsonb,
      correlation_id text
    )`);
    await q.query(`CREATE INDEX IF NOT EXISTS audit_trail_entity_idx ON audit_trail (entity_type, entity_id, occurred_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS audit_trail`);
  }
}
