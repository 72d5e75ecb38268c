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
];
