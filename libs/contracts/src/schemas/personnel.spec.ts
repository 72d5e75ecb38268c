import { createEnvelope } from '../envelope';
import { ContractViolationError, contractFor, validateEnvelope } from '../registry';
import { Topics } from '../topics';
import { EmployeeHiredV1, EmployeeTransferredV1, OrgUnitCreatedV1, ReportingLineChangedV1, type EmployeeSnapshot, type OrgUnitSnapshot } from './personnel';

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
});
