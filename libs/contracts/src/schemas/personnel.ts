import type { EventContract } from '../registry';
import { Topics } from '../topics';

/**
 * Events of the personnel service: the source of truth for who works where and who reports to
 * whom. Every payload carries a full snapshot of the aggregate after the change, so a consumer can
 * keep its read model from the latest event alone (events of one aggregate share a Kafka key and
 * stay in order). Dates are `YYYY-MM-DD`; `effectiveDate` is when the change takes effect
 * (TMT), which may be before the event's `time`.
 */
export const OrgUnitCreatedV1 = 'capaian.personnel.org-unit.created.v1';
export const OrgUnitChangedV1 = 'capaian.personnel.org-unit.changed.v1';
export const OrgUnitClosedV1 = 'capaian.personnel.org-unit.closed.v1';
export const PositionCreatedV1 = 'capaian.personnel.position.created.v1';
export const PositionChangedV1 = 'capaian.personnel.position.changed.v1';
export const PositionClosedV1 = 'capaian.personnel.position.closed.v1';
export const EmployeeHiredV1 = 'capaian.personnel.employee.hired.v1';
export const EmployeeChangedV1 = 'capaian.personnel.employee.changed.v1';
export const EmployeeTransferredV1 = 'capaian.personnel.employee.transferred.v1';
export const EmployeePromotedV1 = 'capaian.personnel.employee.promoted.v1';
export const EmployeeLeftV1 = 'capaian.personnel.employee.left.v1';
/** The effective supervisor of an employee changed (override set or removed, or the position tree changed). */
export const ReportingLineChangedV1 = 'capaian.personnel.employee.reporting-line-changed.v1';
/**
 * The pejabat penilai kinerja or the atasan pejabat penilai of an employee changed, for any reason
 * (a new supervisor, a supervisor's new position, a unit head appointed, an override…). A new
 * event type rather than new fields on reporting-line-changed: the appraisers can change while
 * the direct supervisor stays the same, and v1 consumers of that event must keep working.
 */
export const AppraisersChangedV1 = 'capaian.personnel.employee.appraisers-changed.v1';
/** An elevated role (admin-opd for one OPD, admin-bkpsdm, pimpinan) was granted to an employee's account. */
export const RoleGrantedV1 = 'capaian.personnel.employee.role-granted.v1';
/** An elevated role was taken away (also when a transfer to another OPD ends an admin-opd role). */
export const RoleRevokedV1 = 'capaian.personnel.employee.role-revoked.v1';

/**
 * Full current state of one aggregate, published by the republish command on the log-compacted
 * topic `personnel.snapshot.v1` (Kafka key = aggregate id, so compaction keeps the latest state of
 * each unit, position and employee). A new or wiped consumer rebuilds from this topic and then
 * follows the delta topics; consumers order a snapshot and the deltas of one aggregate by the
 * envelope's `time` (see libs/shared/projection/README.md).
 */
export const OrgUnitSnapshotV1 = 'capaian.personnel.org-unit.snapshot.v1';
export const PositionSnapshotV1 = 'capaian.personnel.position.snapshot.v1';
export const EmployeeSnapshotV1 = 'capaian.personnel.employee.snapshot.v1';

export type OrgUnitStatus = 'AKTIF' | 'DITUTUP';
export type PositionStatus = 'AKTIF' | 'DITUTUP';

export interface OrgUnitSnapshot {
  unitId: string;
  code: string;
  name: string;
  /** e.g. PEMERINTAH_KOTA, DINAS, BADAN, KECAMATAN, BIDANG, SEKSI. */
  kind: string;
  parentId: string | null;
  /** The OPD the unit belongs to (itself for an OPD; null for the city root). */
  opdId: string | null;
  opdCode: string | null;
  /** 0 = Pemerintah Kota, 1 = OPD, 2 = bidang/bagian, 3 = seksi/subbagian. */
  level: number;
  headPositionId: string | null;
  status: OrgUnitStatus;
  effectiveDate: string;
}
export type OrgUnitCreatedData = OrgUnitSnapshot;
export interface OrgUnitChangedData extends OrgUnitSnapshot {
  /** Names of the fields that changed, e.g. ["name"], ["parentId", "opdId", "level"]. */
  changes: string[];
}
export interface OrgUnitClosedData extends OrgUnitSnapshot {
  reason: string | null;
}

export interface PositionSnapshot {
  positionId: string;
  code: string;
  name: string;
  jenisJabatan: string;
  jenjang: string | null;
  kelasJabatan: number | null;
  unitId: string;
  opdId: string | null;
  reportsToPositionId: string | null;
  /** True if this is the head position (kepala) of its unit. */
  head: boolean;
  /** How many people may hold it at once (formasi); head positions hold one. */
  capacity: number;
  status: PositionStatus;
  effectiveDate: string;
}
export type PositionCreatedData = PositionSnapshot;
export interface PositionChangedData extends PositionSnapshot {
  changes: string[];
}
export interface PositionClosedData extends PositionSnapshot {
  reason: string | null;
}

export interface PositionRef {
  positionId: string;
  code: string;
  name: string;
  jenisJabatan: string;
  jenjang: string | null;
  kelasJabatan: number | null;
  /**
   * True when the position is the head (kepala) of its unit: a kepala sekolah or kepala puskesmas
   * may hold a fungsional position and still appraise their staff. Optional in the schema only
   * because events produced before the field existed lack it; personnel always sets it.
   */
  unitHead?: boolean;
}
export interface UnitRef {
  unitId: string;
  code: string;
  name: string;
}
export interface EmployeeRef {
  employeeId: string;
  nip: string;
  name: string;
}

export interface EmployeeSnapshot {
  employeeId: string;
  nip: string;
  name: string;
  jenisAsn: 'PNS' | 'CPNS' | 'PPPK' | 'PPPK_PARUH_WAKTU';
  sex: 'L' | 'P';
  birthDate: string;
  golongan: string | null;
  pangkat: string | null;
  status: 'AKTIF' | 'CUTI' | 'PENSIUN' | 'KELUAR';
  email: string | null;
  position: PositionRef | null;
  unit: UnitRef | null;
  opd: UnitRef | null;
  /** The effective direct supervisor (override or position tree) after the change. */
  supervisor: EmployeeRef | null;
  tmtJabatan: string | null;
  effectiveDate: string;
}
export type EmployeeHiredData = EmployeeSnapshot;
export interface EmployeeChangedData extends EmployeeSnapshot {
  changes: string[];
}
export interface EmployeeTransferredData extends EmployeeSnapshot {
  from: { position: PositionRef | null; unit: UnitRef | null; opd: UnitRef | null };
  /** True when the OPD changed (mutasi antar OPD). */
  betweenOpd: boolean;
  nomorSk: string | null;
  reason: string | null;
}
export interface EmployeePromotedData extends EmployeeSnapshot {
  fromGolongan: string | null;
  fromPangkat: string | null;
  nomorSk: string | null;
}
export interface EmployeeLeftData extends EmployeeSnapshot {
  reason: string | null;
  /** Where the employee held a position before leaving. */
  lastPosition: PositionRef | null;
  lastOpd: UnitRef | null;
}
export type PenilaiBasis = 'ATASAN_LANGSUNG' | 'PENUNJUKAN' | 'ATASAN_BERJENJANG';

export interface Appraisers {
  /** Pejabat penilai kinerja; null when nobody in the reporting chain qualifies (e.g. the Sekda). */
  pejabatPenilai: EmployeeRef | null;
  /** Atasan pejabat penilai kinerja (the penilai's own supervisor), or null. */
  atasanPejabatPenilai: EmployeeRef | null;
  /** How the penilai was found: the direct supervisor, an explicit delegation, or a higher supervisor. */
  basis: PenilaiBasis | null;
}

export interface AppraisersChangedData extends Appraisers {
  employeeId: string;
  nip: string;
  previousPejabatPenilai: EmployeeRef | null;
  previousAtasanPejabatPenilai: EmployeeRef | null;
  reason: string | null;
  effectiveDate: string;
}

/** The roles personnel publishes; `pegawai` (every employee) and `integrasi-baca` (apps) are not. */
export type ElevatedRole = 'admin-opd' | 'admin-bkpsdm' | 'pimpinan';
export const ELEVATED_ROLES: readonly ElevatedRole[] = ['admin-opd', 'admin-bkpsdm', 'pimpinan'];

export interface RoleAssignment {
  role: ElevatedRole;
  /** The OPD an admin-opd administers (always the employee's own OPD); null for the other roles. */
  opd: UnitRef | null;
}

export interface RoleChangedData extends RoleAssignment {
  employeeId: string;
  nip: string;
  reason: string | null;
}
export type RoleGrantedData = RoleChangedData;
export type RoleRevokedData = RoleChangedData;

export type OrgUnitSnapshotData = OrgUnitSnapshot;
export type PositionSnapshotData = PositionSnapshot;
export interface EmployeeSnapshotData extends EmployeeSnapshot, Appraisers {
  /** True when the supervisor comes from an explicit override rather than the position tree. */
  supervisorOverride: boolean;
  /** Every elevated role the employee's account holds now (empty when none or no account). */
  roles: RoleAssignment[];
}

export interface ReportingLineChangedData {
  employeeId: string;
  nip: string;
  supervisor: EmployeeRef | null;
  previousSupervisor: EmployeeRef | null;
  /** True when the supervisor comes from an explicit override rather than the position tree. */
  override: boolean;
  reason: string | null;
  effectiveDate: string;
}

// ---- JSON schemas (ajv strict mode: every property typed; `nullable` for optional values) ----

const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const id = { type: 'string', minLength: 1, maxLength: 64 } as const;
const text = { type: 'string', minLength: 1, maxLength: 500 } as const;
const nullableId = { type: 'string', minLength: 1, maxLength: 64, nullable: true } as const;
const nullableText = { type: 'string', maxLength: 2000, nullable: true } as const;
const nip = { type: 'string', pattern: '^\\d{18}$' } as const;
const status = { type: 'string', enum: ['AKTIF', 'DITUTUP'] } as const;

const orgUnitProperties = {
  unitId: id,
  code: text,
  name: text,
  kind: text,
  parentId: nullableId,
  opdId: nullableId,
  opdCode: { type: 'string', maxLength: 64, nullable: true },
  level: { type: 'integer', minimum: 0, maximum: 10 },
  headPositionId: nullableId,
  status,
  effectiveDate: date,
} as const;
const orgUnitRequired = Object.keys(orgUnitProperties);

const positionProperties = {
  positionId: id,
  code: text,
  name: text,
  jenisJabatan: text,
  jenjang: { type: 'string', maxLength: 64, nullable: true },
  kelasJabatan: { type: 'integer', minimum: 1, maximum: 17, nullable: true },
  unitId: id,
  opdId: nullableId,
  reportsToPositionId: nullableId,
  head: { type: 'boolean' },
  capacity: { type: 'integer', minimum: 1 },
  status,
  effectiveDate: date,
} as const;
const positionRequired = Object.keys(positionProperties);

const positionRef = {
  type: 'object',
  nullable: true,
  required: ['positionId', 'code', 'name', 'jenisJabatan', 'jenjang', 'kelasJabatan'],
  properties: {
    positionId: id,
    code: text,
    name: text,
    jenisJabatan: text,
    jenjang: { type: 'string', maxLength: 64, nullable: true },
    kelasJabatan: { type: 'integer', minimum: 1, maximum: 17, nullable: true },
    unitHead: { type: 'boolean' },
  },
  additionalProperties: false,
} as const;
const unitRef = {
  type: 'object',
  nullable: true,
  required: ['unitId', 'code', 'name'],
  properties: { unitId: id, code: text, name: text },
  additionalProperties: false,
} as const;
const employeeRef = {
  type: 'object',
  nullable: true,
  required: ['employeeId', 'nip', 'name'],
  properties: { employeeId: id, nip, name: text },
  additionalProperties: false,
} as const;

const employeeProperties = {
  employeeId: id,
  nip,
  name: text,
  jenisAsn: { type: 'string', enum: ['PNS', 'CPNS', 'PPPK', 'PPPK_PARUH_WAKTU'] },
  sex: { type: 'string', enum: ['L', 'P'] },
  birthDate: date,
  golongan: { type: 'string', maxLength: 8, nullable: true },
  pangkat: { type: 'string', maxLength: 64, nullable: true },
  status: { type: 'string', enum: ['AKTIF', 'CUTI', 'PENSIUN', 'KELUAR'] },
  email: { type: 'string', format: 'email', nullable: true },
  position: positionRef,
  unit: unitRef,
  opd: unitRef,
  supervisor: employeeRef,
  tmtJabatan: { ...date, nullable: true },
  effectiveDate: date,
} as const;
const employeeRequired = Object.keys(employeeProperties);

const penilaiBasis = { type: 'string', enum: ['ATASAN_LANGSUNG', 'PENUNJUKAN', 'ATASAN_BERJENJANG', null], nullable: true } as const;
const appraiserProperties = { pejabatPenilai: employeeRef, atasanPejabatPenilai: employeeRef, basis: penilaiBasis } as const;
const elevatedRole = { type: 'string', enum: ['admin-opd', 'admin-bkpsdm', 'pimpinan'] } as const;
const roleAssignment = {
  type: 'object',
  required: ['role', 'opd'],
  properties: { role: elevatedRole, opd: unitRef },
  additionalProperties: false,
} as const;
const roleChangedProperties = { employeeId: id, nip, role: elevatedRole, opd: unitRef, reason: nullableText } as const;

const changes = { type: 'array', items: { type: 'string', minLength: 1, maxLength: 64 }, maxItems: 50 } as const;

function objectSchema(properties: Record<string, unknown>, required: string[]): object {
  return { type: 'object', required, properties, additionalProperties: false };
}

export const personnelContracts: EventContract[] = [
  { type: OrgUnitCreatedV1, topic: Topics.personnelOrgUnit, schema: objectSchema(orgUnitProperties, orgUnitRequired) },
  {
    type: OrgUnitChangedV1,
    topic: Topics.personnelOrgUnit,
    schema: objectSchema({ ...orgUnitProperties, changes }, [...orgUnitRequired, 'changes']),
  },
  {
    type: OrgUnitClosedV1,
    topic: Topics.personnelOrgUnit,
    schema: objectSchema({ ...orgUnitProperties, reason: nullableText }, [...orgUnitRequired, 'reason']),
  },
  { type: PositionCreatedV1, topic: Topics.personnelPosition, schema: objectSchema(positionProperties, positionRequired) },
  {
    type: PositionChangedV1,
    topic: Topics.personnelPosition,
    schema: objectSchema({ ...positionProperties, changes }, [...positionRequired, 'changes']),
  },
  {
    type: PositionClosedV1,
    topic: Topics.personnelPosition,
    schema: objectSchema({ ...positionProperties, reason: nullableText }, [...positionRequired, 'reason']),
  },
  { type: EmployeeHiredV1, topic: Topics.personnelEmployee, schema: objectSchema(employeeProperties, employeeRequired) },
  {
    type: EmployeeChangedV1,
    topic: Topics.personnelEmployee,
    schema: objectSchema({ ...employeeProperties, changes }, [...employeeRequired, 'changes']),
  },
  {
    type: EmployeeTransferredV1,
    topic: Topics.personnelEmployee,
    schema: objectSchema(
      {
        ...employeeProperties,
        from: {
          type: 'object',
          required: ['position', 'unit', 'opd'],
          properties: { position: positionRef, unit: unitRef, opd: unitRef },
          additionalProperties: false,
        },
        betweenOpd: { type: 'boolean' },
        nomorSk: { type: 'string', maxLength: 200, nullable: true },
        reason: nullableText,
      },
      [...employeeRequired, 'from', 'betweenOpd', 'nomorSk', 'reason'],
    ),
  },
  {
    type: EmployeePromotedV1,
    topic: Topics.personnelEmployee,
    schema: objectSchema(
      {
        ...employeeProperties,
        fromGolongan: { type: 'string', maxLength: 8, nullable: true },
        fromPangkat: { type: 'string', maxLength: 64, nullable: true },
        nomorSk: { type: 'string', maxLength: 200, nullable: true },
      },
      [...employeeRequired, 'fromGolongan', 'fromPangkat', 'nomorSk'],
    ),
  },
  {
    type: EmployeeLeftV1,
    topic: Topics.personnelEmployee,
    schema: objectSchema(
      { ...employeeProperties, reason: nullableText, lastPosition: positionRef, lastOpd: unitRef },
      [...employeeRequired, 'reason', 'lastPosition', 'lastOpd'],
    ),
  },
  {
    type: ReportingLineChangedV1,
    topic: Topics.personnelEmployee,
    schema: objectSchema(
      {
        employeeId: id,
        nip,
        supervisor: employeeRef,
        previousSupervisor: employeeRef,
        override: { type: 'boolean' },
        reason: nullableText,
        effectiveDate: date,
      },
      ['employeeId', 'nip', 'supervisor', 'previousSupervisor', 'override', 'reason', 'effectiveDate'],
    ),
  },
  {
    type: AppraisersChangedV1,
    topic: Topics.personnelEmployee,
    schema: objectSchema(
      {
        employeeId: id,
        nip,
        ...appraiserProperties,
        previousPejabatPenilai: employeeRef,
        previousAtasanPejabatPenilai: employeeRef,
        reason: nullableText,
        effectiveDate: date,
      },
      ['employeeId', 'nip', 'pejabatPenilai', 'atasanPejabatPenilai', 'basis', 'previousPejabatPenilai', 'previousAtasanPejabatPenilai', 'reason', 'effectiveDate'],
    ),
  },
  { type: RoleGrantedV1, topic: Topics.personnelEmployee, schema: objectSchema(roleChangedProperties, Object.keys(roleChangedProperties)) },
  { type: RoleRevokedV1, topic: Topics.personnelEmployee, schema: objectSchema(roleChangedProperties, Object.keys(roleChangedProperties)) },
  { type: OrgUnitSnapshotV1, topic: Topics.personnelSnapshot, schema: objectSchema(orgUnitProperties, orgUnitRequired) },
  { type: PositionSnapshotV1, topic: Topics.personnelSnapshot, schema: objectSchema(positionProperties, positionRequired) },
  {
    type: EmployeeSnapshotV1,
    topic: Topics.personnelSnapshot,
    schema: objectSchema(
      { ...employeeProperties, ...appraiserProperties, supervisorOverride: { type: 'boolean' }, roles: { type: 'array', items: roleAssignment, maxItems: 3 } },
      [...employeeRequired, 'pejabatPenilai', 'atasanPejabatPenilai', 'basis', 'supervisorOverride', 'roles'],
    ),
  },
];
