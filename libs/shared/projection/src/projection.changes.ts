import {
  AppraisersChangedV1,
  ELEVATED_ROLES,
  EmployeeChangedV1,
  EmployeeHiredV1,
  EmployeeLeftV1,
  EmployeePromotedV1,
  EmployeeSnapshotV1,
  EmployeeTransferredV1,
  OrgUnitChangedV1,
  OrgUnitClosedV1,
  OrgUnitCreatedV1,
  OrgUnitSnapshotV1,
  PositionChangedV1,
  PositionClosedV1,
  PositionCreatedV1,
  PositionSnapshotV1,
  ReportingLineChangedV1,
  RoleGrantedV1,
  RoleRevokedV1,
  type AppraisersChangedData,
  type EmployeeRef,
  type EmployeeSnapshot,
  type EmployeeSnapshotData,
  type EventEnvelope,
  type OrgUnitSnapshot,
  type PositionSnapshot,
  type ReportingLineChangedData,
  type RoleChangedData,
  type UnitRef,
} from '@capaian/contracts';

/**
 * What one personnel event means for the read model, as plain data (no database): the projection
 * writes it with a version check. Pure, so the mapping of every event type is unit-tested.
 */
export type ProjectionChange =
  | { kind: 'unit'; version: string; eventId: string; values: Record<string, unknown> }
  | { kind: 'position'; version: string; eventId: string; values: Record<string, unknown> }
  | { kind: 'employee'; version: string; id: string; nip: string; groups: EmployeeGroups }
  | { kind: 'roles'; version: string; employeeId: string; roles: RoleState[] };

/** Column values per group of personnel_employee; a group absent from an event is left alone. */
export interface EmployeeGroups {
  core?: Record<string, unknown>;
  supervisor?: Record<string, unknown>;
  appraisers?: Record<string, unknown>;
}

export interface RoleState {
  role: string;
  granted: boolean;
  opd: UnitRef | null;
}

/** The event types the projection applies; any other type reaching it goes to the DLQ. */
export const PROJECTED_EVENT_TYPES: readonly string[] = [
  OrgUnitCreatedV1,
  OrgUnitChangedV1,
  OrgUnitClosedV1,
  OrgUnitSnapshotV1,
  PositionCreatedV1,
  PositionChangedV1,
  PositionClosedV1,
  PositionSnapshotV1,
  EmployeeHiredV1,
  EmployeeChangedV1,
  EmployeeTransferredV1,
  EmployeePromotedV1,
  EmployeeLeftV1,
  EmployeeSnapshotV1,
  ReportingLineChangedV1,
  AppraisersChangedV1,
  RoleGrantedV1,
  RoleRevokedV1,
];

const UNIT_TYPES = new Set([OrgUnitCreatedV1, OrgUnitChangedV1, OrgUnitClosedV1, OrgUnitSnapshotV1]);
const POSITION_TYPES = new Set([PositionCreatedV1, PositionChangedV1, PositionClosedV1, PositionSnapshotV1]);
const EMPLOYEE_TYPES = new Set([EmployeeHiredV1, EmployeeChangedV1, EmployeeTransferredV1, EmployeePromotedV1, EmployeeLeftV1, EmployeeSnapshotV1]);

export class UnsupportedEventError extends Error {
  constructor(type: string) {
    super(`the personnel projection does not apply events of type ${type}`);
    this.name = 'UnsupportedEventError';
  }
}

function supervisorGroup(ref: EmployeeRef | null): Record<string, unknown> {
  return { supervisor_id: ref?.employeeId ?? null, supervisor_nip: ref?.nip ?? null, supervisor_name: ref?.name ?? null };
}

function coreGroup(e: EmployeeSnapshot): Record<string, unknown> {
  return {
    name: e.name,
    jenis_asn: e.jenisAsn,
    sex: e.sex,
    birth_date: e.birthDate,
    golongan: e.golongan,
    pangkat: e.pangkat,
    status: e.status,
    email: e.email,
    tmt_jabatan: e.tmtJabatan,
    position_id: e.position?.positionId ?? null,
    position_code: e.position?.code ?? null,
    position_name: e.position?.name ?? null,
    jenis_jabatan: e.position?.jenisJabatan ?? null,
    jenjang: e.position?.jenjang ?? null,
    kelas_jabatan: e.position?.kelasJabatan ?? null,
    unit_head: e.position ? (e.position.unitHead ?? null) : false,
    unit_id: e.unit?.unitId ?? null,
    unit_code: e.unit?.code ?? null,
    unit_name: e.unit?.name ?? null,
    opd_id: e.opd?.unitId ?? null,
    opd_code: e.opd?.code ?? null,
    opd_name: e.opd?.name ?? null,
    effective_date: e.effectiveDate,
  };
}

function appraisersGroup(a: Pick<AppraisersChangedData, 'pejabatPenilai' | 'atasanPejabatPenilai' | 'basis'>): Record<string, unknown> {
  return {
    penilai_id: a.pejabatPenilai?.employeeId ?? null,
    penilai_nip: a.pejabatPenilai?.nip ?? null,
    penilai_name: a.pejabatPenilai?.name ?? null,
    atasan_penilai_id: a.atasanPejabatPenilai?.employeeId ?? null,
    atasan_penilai_nip: a.atasanPejabatPenilai?.nip ?? null,
    atasan_penilai_name: a.atasanPejabatPenilai?.name ?? null,
    penilai_basis: a.basis,
  };
}

/** The changes an (already contract-validated) event makes; throws UnsupportedEventError for other types. */
export function changesOf(event: EventEnvelope<unknown>): ProjectionChange[] {
  const version = event.time;
  if (UNIT_TYPES.has(event.type)) {
    const u = event.data as OrgUnitSnapshot;
    return [
      {
        kind: 'unit',
        version,
        eventId: event.id,
        values: {
          id: u.unitId,
          code: u.code,
          name: u.name,
          kind: u.kind,
          parent_id: u.parentId,
          opd_id: u.opdId,
          opd_code: u.opdCode,
          level: u.level,
          head_position_id: u.headPositionId,
          status: u.status,
          effective_date: u.effectiveDate,
        },
      },
    ];
  }
  if (POSITION_TYPES.has(event.type)) {
    const p = event.data as PositionSnapshot;
    return [
      {
        kind: 'position',
        version,
        eventId: event.id,
        values: {
          id: p.positionId,
          code: p.code,
          name: p.name,
          jenis_jabatan: p.jenisJabatan,
          jenjang: p.jenjang,
          kelas_jabatan: p.kelasJabatan,
          unit_id: p.unitId,
          opd_id: p.opdId,
          reports_to_id: p.reportsToPositionId,
          head: p.head,
          capacity: p.capacity,
          status: p.status,
          effective_date: p.effectiveDate,
        },
      },
    ];
  }
  if (EMPLOYEE_TYPES.has(event.type)) {
    const e = event.data as EmployeeSnapshot;
    const groups: EmployeeGroups = { core: coreGroup(e), supervisor: supervisorGroup(e.supervisor) };
    const changes: ProjectionChange[] = [{ kind: 'employee', version, id: e.employeeId, nip: e.nip, groups }];
    if (event.type === EmployeeSnapshotV1) {
      const s = event.data as EmployeeSnapshotData;
      groups.appraisers = appraisersGroup(s);
      // A snapshot lists every role held, so the roles it does not list are not held.
      const held = new Map(s.roles.map((r) => [r.role, r.opd]));
      changes.push({
        kind: 'roles',
        version,
        employeeId: e.employeeId,
        roles: ELEVATED_ROLES.map((role) => ({ role, granted: held.has(role), opd: held.get(role) ?? null })),
      });
    }
    return changes;
  }
  if (event.type === ReportingLineChangedV1) {
    const r = event.data as ReportingLineChangedData;
    return [{ kind: 'employee', version, id: r.employeeId, nip: r.nip, groups: { supervisor: supervisorGroup(r.supervisor) } }];
  }
  if (event.type === AppraisersChangedV1) {
    const a = event.data as AppraisersChangedData;
    return [{ kind: 'employee', version, id: a.employeeId, nip: a.nip, groups: { appraisers: appraisersGroup(a) } }];
  }
  if (event.type === RoleGrantedV1 || event.type === RoleRevokedV1) {
    const r = event.data as RoleChangedData;
    return [{ kind: 'roles', version, employeeId: r.employeeId, roles: [{ role: r.role, granted: event.type === RoleGrantedV1, opd: r.opd }] }];
  }
  throw new UnsupportedEventError(event.type);
}
