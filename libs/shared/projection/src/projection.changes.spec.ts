import {
  AppraisersChangedV1,
  EmployeeHiredV1,
  EmployeeSnapshotV1,
  OrgUnitClosedV1,
  PlatformPingV1,
  PositionSnapshotV1,
  ReportingLineChangedV1,
  RoleRevokedV1,
  createEnvelope,
  type EmployeeSnapshot,
  type EmployeeSnapshotData,
} from '@capaian/contracts';
import { changesOf, UnsupportedEventError } from './projection.changes';

const envelope = (type: string, data: unknown, time = new Date('2026-12-01T01:02:03.004Z')) =>
  createEnvelope({ source: '/capaian/personnel', type, subject: 's', data, time });

const siti = { employeeId: 'e2', nip: '198507222010012003', name: 'Siti Rahmawati' };
const ahmad = { employeeId: 'e3', nip: '197512251998031001', name: 'Ahmad Fauzi' };
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
  email: null,
  position: { positionId: 'p1', code: 'P1', name: 'Pranata Komputer', jenisJabatan: 'FUNGSIONAL_KEAHLIAN', jenjang: 'AHLI_PERTAMA', kelasJabatan: 8, unitHead: false },
  unit: { unitId: 'u2', code: 'APTIKA', name: 'Bidang Aptika' },
  opd: { unitId: 'u1', code: 'DISKOMINFO', name: 'Diskominfo' },
  supervisor: siti,
  tmtJabatan: null,
  effectiveDate: '2026-12-01',
};

describe('what each personnel event changes in the read model', () => {
  it('an employee event replaces the core data and the supervisor, versioned by the event time', () => {
    const [change] = changesOf(envelope(EmployeeHiredV1, employee));
    expect(change).toMatchObject({ kind: 'employee', id: 'e1', nip: employee.nip, version: '2026-12-01T01:02:03.004Z' });
    if (change.kind !== 'employee') throw new Error('unexpected');
    expect(Object.keys(change.groups).sort()).toEqual(['core', 'supervisor']);
    expect(change.groups.core).toMatchObject({ golongan: 'III/b', jenis_jabatan: 'FUNGSIONAL_KEAHLIAN', unit_head: false, opd_code: 'DISKOMINFO' });
    expect(change.groups.supervisor).toEqual({ supervisor_id: 'e2', supervisor_nip: siti.nip, supervisor_name: siti.name });
  });

  it('a position reference produced before the unit-head flag existed leaves the flag unknown', () => {
    const { unitHead: _u, ...oldRef } = employee.position!;
    const [change] = changesOf(envelope(EmployeeHiredV1, { ...employee, position: oldRef }));
    expect(change.kind === 'employee' && change.groups.core?.unit_head).toBeNull();
  });

  it('reporting-line and appraiser events touch only their own group', () => {
    const [line] = changesOf(envelope(ReportingLineChangedV1, { employeeId: 'e1', nip: employee.nip, supervisor: ahmad, previousSupervisor: siti, override: true, reason: null, effectiveDate: '2026-12-01' }));
    expect(line.kind === 'employee' && Object.keys(line.groups)).toEqual(['supervisor']);
    const [appraisers] = changesOf(
      envelope(AppraisersChangedV1, {
        employeeId: 'e1',
        nip: employee.nip,
        pejabatPenilai: siti,
        atasanPejabatPenilai: ahmad,
        basis: 'ATASAN_LANGSUNG',
        previousPejabatPenilai: null,
        previousAtasanPejabatPenilai: null,
        reason: null,
        effectiveDate: '2026-12-01',
      }),
    );
    expect(appraisers.kind === 'employee' && appraisers.groups).toEqual({
      appraisers: { penilai_id: 'e2', penilai_nip: siti.nip, penilai_name: siti.name, atasan_penilai_id: 'e3', atasan_penilai_nip: ahmad.nip, atasan_penilai_name: ahmad.name, penilai_basis: 'ATASAN_LANGSUNG' },
    });
  });

  it('a snapshot sets every group and states every elevated role, held or not', () => {
    const snapshot: EmployeeSnapshotData = {
      ...employee,
      pejabatPenilai: siti,
      atasanPejabatPenilai: ahmad,
      basis: 'ATASAN_LANGSUNG',
      supervisorOverride: false,
      roles: [{ role: 'admin-opd', opd: employee.opd }],
    };
    const [row, roles] = changesOf(envelope(EmployeeSnapshotV1, snapshot));
    expect(row.kind === 'employee' && Object.keys(row.groups).sort()).toEqual(['appraisers', 'core', 'supervisor']);
    expect(roles).toEqual({
      kind: 'roles',
      version: '2026-12-01T01:02:03.004Z',
      employeeId: 'e1',
      roles: [
        { role: 'admin-opd', granted: true, opd: employee.opd },
        { role: 'admin-bkpsdm', granted: false, opd: null },
        { role: 'pimpinan', granted: false, opd: null },
      ],
    });
  });

  it('a revocation is a role row with granted = false', () => {
    const [change] = changesOf(envelope(RoleRevokedV1, { employeeId: 'e1', nip: employee.nip, role: 'pimpinan', opd: null, reason: null }));
    expect(change).toMatchObject({ kind: 'roles', roles: [{ role: 'pimpinan', granted: false, opd: null }] });
  });

  it('units and positions are whole rows; other event types are refused', () => {
    const unit = { unitId: 'u1', code: 'DISKOMINFO', name: 'Diskominfo', kind: 'DINAS', parentId: 'root', opdId: 'u1', opdCode: 'DISKOMINFO', level: 1, headPositionId: null, status: 'DITUTUP', effectiveDate: '2026-12-01', reason: 'x' };
    expect(changesOf(envelope(OrgUnitClosedV1, unit))[0]).toMatchObject({ kind: 'unit', values: { id: 'u1', status: 'DITUTUP', level: 1 } });
    const position = { positionId: 'p1', code: 'P1', name: 'Kepala', jenisJabatan: 'JPT_PRATAMA', jenjang: null, kelasJabatan: 14, unitId: 'u1', opdId: 'u1', reportsToPositionId: null, head: true, capacity: 1, status: 'AKTIF', effectiveDate: '2026-12-01' };
    expect(changesOf(envelope(PositionSnapshotV1, position))[0]).toMatchObject({ kind: 'position', values: { id: 'p1', head: true } });
    expect(() => changesOf(envelope(PlatformPingV1, { message: 'x' }))).toThrow(UnsupportedEventError);
  });
});
