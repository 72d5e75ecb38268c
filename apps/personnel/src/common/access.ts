import { hasAnyRole, type Principal } from '@capaian/shared/auth';

/**
 * Who may see and change what in personnel (docs/architecture.md §4.3: access is data, not only roles):
 * - admin-bkpsdm: everything in the city;
 * - admin-opd: their own OPD (the `opd` claim), nothing city-wide (no new OPDs, no moves between OPDs);
 * - integrasi-baca: read-only, city-wide (agency apps such as SIPD);
 * - pegawai / pimpinan: themselves and, read-only, the people who report to them (directly or further down).
 * The organisation tree and positions are not personal data: every authenticated caller may read them.
 */
export const Role = {
  pegawai: 'pegawai',
  adminOpd: 'admin-opd',
  adminBkpsdm: 'admin-bkpsdm',
  pimpinan: 'pimpinan',
  integrasiBaca: 'integrasi-baca',
} as const;

export function isBkpsdm(p: Principal): boolean {
  return hasAnyRole(p, [Role.adminBkpsdm]);
}

export function isOpdAdminOf(p: Principal, opdCode: string | null | undefined): boolean {
  return !!opdCode && hasAnyRole(p, [Role.adminOpd]) && p.opd === opdCode;
}

/** Reads every employee of the city. */
export function readsCityWide(p: Principal): boolean {
  return hasAnyRole(p, [Role.adminBkpsdm, Role.integrasiBaca]);
}

/** May change units, positions and employees of this OPD. */
export function managesOpd(p: Principal, opdCode: string | null | undefined): boolean {
  return isBkpsdm(p) || isOpdAdminOf(p, opdCode);
}

/** May read the employees of this OPD without being their supervisor. */
export function readsOpd(p: Principal, opdCode: string | null | undefined): boolean {
  return readsCityWide(p) || isOpdAdminOf(p, opdCode);
}

/** The identity of whoever makes a change, for the audit trail and history rows. */
export interface Actor {
  subject: string;
  nip: string | null;
}

export function actorOf(p: Principal): Actor {
  return { subject: p.subject, nip: p.nip ?? null };
}

export const SYSTEM_ACTOR: Actor = { subject: 'system', nip: null };
