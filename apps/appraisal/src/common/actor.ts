import type { Principal } from '@capaian/shared/auth';
import { currentCorrelationId } from '@capaian/shared/http';
import { recordAudit } from '@capaian/shared/persistence';
import type { EntityManager } from 'typeorm';

/** Who acts: a caller with a token, or the system (a scheduled job, a personnel event). */
export interface ActingParty {
  subject: string;
  nip: string | null;
}

export const SYSTEM: ActingParty = { subject: 'system', nip: null };

export function partyOf(principal: Principal): ActingParty {
  return { subject: principal.subject, nip: principal.nip ?? null };
}

/** One audit entry per transition: who, when (the row's time), from which state to which, why, and the request's correlation id. */
export async function auditTransition(
  m: EntityManager,
  who: ActingParty,
  entry: { action: string; entityType: string; entityId: string; from?: string | null; to?: string | null; reason?: string | null; details?: Record<string, unknown> },
): Promise<void> {
  await recordAudit(m, {
    actor: who.subject,
    actorNip: who.nip,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    fromState: entry.from ?? null,
    toState: entry.to ?? null,
    reason: entry.reason ?? null,
    details: entry.details ?? null,
    correlationId: currentCorrelationId() ?? null,
  });
}
