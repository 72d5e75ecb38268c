import type { EntityManager } from 'typeorm';

/**
 * What appraisal knows about a person, from its local read model of personnel's events (never a
 * synchronous call to personnel): the position, unit, OPD and golongan of the SKP snapshot, the two
 * appraisers, and the elevated roles for access checks.
 */
export interface PersonRef {
  employeeId: string;
  nip: string;
  name: string;
}

export interface EmployeeView extends PersonRef {
  jenisAsn: string | null;
  golongan: string | null;
  status: string | null;
  jabatan: { positionId: string; name: string; jenisJabatan: string; unitHead: boolean } | null;
  unit: { unitId: string; code: string | null; name: string } | null;
  opd: { unitId: string; code: string; name: string } | null;
  pejabatPenilai: PersonRef | null;
  atasanPejabatPenilai: PersonRef | null;
}

export interface UnitView {
  unitId: string;
  code: string;
  name: string;
  level: number;
}

/** The port; its adapter (ProjectionPeople) reads the personnel projection kept in the appraisal database. */
export abstract class AppraisalPeople {
  abstract employeeByNip(m: EntityManager, nip: string): Promise<EmployeeView | null>;
  /** Units of an OPD (the OPD itself included), for the dashboard's numbers per unit. */
  abstract unitsOfOpd(m: EntityManager, opdCode: string): Promise<UnitView[]>;
  /** Active employees of an OPD: nip, unit and penilai, for the dashboard. */
  abstract employeesOfOpd(m: EntityManager, opdCode: string): Promise<{ nip: string; name: string; unitId: string | null; penilai: PersonRef | null }[]>;
  /** Whether the OPD code is known. */
  abstract opdExists(m: EntityManager, opdCode: string): Promise<boolean>;
}
