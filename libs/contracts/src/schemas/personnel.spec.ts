import { createEnvelope } from '../envelope';
import { ContractViolationError, contractFor, validateEnvelope } from '../registry';
import { Topics } from '../topics';
import { topicDefinitions } from '../topics';
import {
  AppraisersChangedV1,
  EmployeeHiredV1,
  EmployeeSnapshotV1,
  EmployeeTransferredV1,
  OrgUnitCreatedV1,
  OrgUnitSnapshotV1,
  PositionSnapshotV1,
  ReportingLineChangedV1,
  RoleGrantedV1,
  RoleRevokedV1,
  type EmployeeSnapshot,
  type EmployeeSnapshotData,
  type OrgUnitSnapshot,
} from './personnel';

const unit: OrgUnitSnapshot = {
  unitId: 'u1',
  code: 'DISKOMINFO',
  name: 'Dinas Komunikasi dan Informatika',
  kind: 'DINAS',
  parentId: 'root',
  opdId: 'u1',
  opdCode: 'DISKOMINFO',
  level: 1,
  headPositionId: null,
  status: 'AKTIF',
  effectiveDate: '2026-01-01',
};

const employee: EmployeeSnapshot = {
  employeeId: 'e1',
  nip: '199203152019031004',
  name: 'Dimas Pratama',
  jenisAsn: 'PNS',
  sex: 'L',
  birthDate: '1992-03-15',
  golongan: 'III/b',
  pangkat: 'Penata Muda Tingkat I',
  status: 'AKTIF',
  email: 'dimas@palembang.go.id',
  position: { positionId: 'p1', code: 'P1', name: 'Pranata Komputer Ahli Pertama', jenisJabatan: 'FUNGSIONAL_KEAHLIAN', jenjang: 'AHLI_PERTAMA', kelasJabatan: 8 },
  unit: { unitId: 'u2', code: 'DISKOMINFO-APTIKA', name: 'Bidang Aptika' },
  opd: { unitId: 'u1', code: 'DISKOMINFO', name: 'Diskominfo' },
  supervisor: { employeeId: 'e2', nip: '198507222010012003', name: 'Siti Rahmawati' },
  tmtJabatan: '2023-01-01',
  effectiveDate: '2026-01-01',
};

function envelope(type: string, data: unknown) {
  return createEnvelope({ source: '/capaian/personnel', type, subject: 'x', data });
}

describe('personnel contracts', () => {
  it('route to the personnel topics', () => {
    expect(contractFor(OrgUnitCreatedV1).topic).toBe(Topics.personnelOrgUnit);
    expect(contractFor(EmployeeHiredV1).topic).toBe(Topics.personnelEmployee);
    expect(contractFor(ReportingLineChangedV1).topic).toBe(Topics.personnelEmployee);
  });

  it('accept complete snapshots, with nulls where allowed', () => {
    expect(() => validateEnvelope(envelope(OrgUnitCreatedV1, unit))).not.toThrow();
    expect(() => validateEnvelope(envelope(EmployeeHiredV1, employee))).not.toThrow();
    expect(() => validateEnvelope(envelope(EmployeeHiredV1, { ...employee, position: null, unit: null, opd: null, supervisor: null, email: null }))).not.toThrow();
    expect(() =>
      validateEnvelope(
        envelope(EmployeeTransferredV1, { ...employee, from: { position: null, unit: null, opd: null }, betweenOpd: true, nomorSk: null, reason: 'Mutasi' }),
      ),
    ).not.toThrow();
  });

  it.each([
    ['a missing field', (() => { const { nip: _n, ...rest } = employee; return rest; })()],
    ['a bad NIP', { ...employee, nip: '123' }],
    ['an unknown jenis ASN', { ...employee, jenisAsn: 'HONORER' }],
    ['an unknown field', { ...employee, gaji: 1 }],
    ['a bad date', { ...employee, effectiveDate: '28/11/2026' }],
  ])('refuse %s', (_name, data) => {
    expect(() => validateEnvelope(envelope(EmployeeHiredV1, data))).toThrow(ContractViolationError);
  });

  it('carry the unit-head flag on position references, and still accept events produced before it existed', () => {
    const head = { ...employee, position: { ...employee.position!, unitHead: true } };
    expect(() => validateEnvelope(envelope(EmployeeHiredV1, head))).not.toThrow();
    expect(() => validateEnvelope(envelope(EmployeeHiredV1, employee))).not.toThrow();
    expect(() => validateEnvelope(envelope(EmployeeHiredV1, { ...employee, position: { ...employee.position!, unitHead: 'ya' } }))).toThrow(ContractViolationError);
  });

  const siti = { employeeId: 'e2', nip: '198507222010012003', name: 'Siti Rahmawati' };
  const ahmad = { employeeId: 'e3', nip: '197512251998031001', name: 'Ahmad Fauzi' };

  it('describe appraiser changes on the employee topic', () => {
    expect(contractFor(AppraisersChangedV1).topic).toBe(Topics.personnelEmployee);
    const data = {
      employeeId: 'e1',
      nip: employee.nip,
      pejabatPenilai: siti,
      atasanPejabatPenilai: ahmad,
      basis: 'ATASAN_LANGSUNG',
      previousPejabatPenilai: null,
      previousAtasanPejabatPenilai: null,
      reason: 'Pengangkatan pegawai',
      effectiveDate: '2026-12-01',
    };
    expect(() => validateEnvelope(envelope(AppraisersChangedV1, data))).not.toThrow();
    // An employee who left has none.
    expect(() => validateEnvelope(envelope(AppraisersChangedV1, { ...data, pejabatPenilai: null, atasanPejabatPenilai: null, basis: null }))).not.toThrow();
    expect(() => validateEnvelope(envelope(AppraisersChangedV1, { ...data, basis: 'ATASAN_SIAPA_SAJA' }))).toThrow(ContractViolationError);
  });

  it('describe role grants and revocations, limited to the elevated roles', () => {
    const grant = { employeeId: 'e4', nip: '198811102012121001', role: 'admin-opd', opd: { unitId: 'u1', code: 'DISKOMINFO', name: 'Diskominfo' }, reason: null };
    expect(() => validateEnvelope(envelope(RoleGrantedV1, grant))).not.toThrow();
    expect(() => validateEnvelope(envelope(RoleRevokedV1, { ...grant, role: 'pimpinan', opd: null }))).not.toThrow();
    expect(() => validateEnvelope(envelope(RoleGrantedV1, { ...grant, role: 'pegawai' }))).toThrow(ContractViolationError);
  });

  it('put full snapshots on the log-compacted snapshot topic', () => {
    for (const type of [OrgUnitSnapshotV1, PositionSnapshotV1, EmployeeSnapshotV1]) expect(contractFor(type).topic).toBe(Topics.personnelSnapshot);
    expect(topicDefinitions.find((t) => t.name === Topics.personnelSnapshot)?.config).toMatchObject({ 'cleanup.policy': 'compact' });
    const snapshot: EmployeeSnapshotData = {
      ...employee,
      pejabatPenilai: siti,
      atasanPejabatPenilai: ahmad,
      basis: 'ATASAN_LANGSUNG',
      supervisorOverride: false,
      roles: [{ role: 'pimpinan', opd: null }],
    };
    expect(() => validateEnvelope(envelope(EmployeeSnapshotV1, snapshot))).not.toThrow();
    expect(() => validateEnvelope(envelope(OrgUnitSnapshotV1, unit))).not.toThrow();
    const { roles: _r, ...withoutRoles } = snapshot;
    expect(() => validateEnvelope(envelope(EmployeeSnapshotV1, withoutRoles))).toThrow(ContractViolationError);
  });
});
