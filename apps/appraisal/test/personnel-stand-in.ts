import { createEnvelope, type UnitRef, EmployeeSnapshotV1, OrgUnitSnapshotV1, PositionSnapshotV1, validateEnvelope, type EventEnvelope } from '@capaian/contracts';
import { DEMO_NIP } from '@capaian/shared/testing';
import type { DataSource } from 'typeorm';

/**
 * DISKOMINFO's demo people as personnel's republish describes them (snapshot events of units,
 * positions and employees with their appraisers and roles), checked against the contracts. The
 * test hands them to appraisal's own projection — the same code that consumes them from Kafka —
 * so that the SKP year runs without the personnel service.
 */
export const UNIT = { opd: '00000000-0000-4000-8000-0000000000a1', bidang: '00000000-0000-4000-8000-0000000000a2' } as const;
const pos = (n: number) => `00000000-0000-4000-8000-0000000000b${n}`;
const emp = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

const opdRef: UnitRef = { unitId: UNIT.opd, code: 'DISKOMINFO', name: 'Dinas Komunikasi dan Informatika' };
const bidangRef: UnitRef = { unitId: UNIT.bidang, code: 'DISKOMINFO-APTIKA', name: 'Bidang Aplikasi Informatika' };

interface Person {
  id: string;
  nip: string;
  name: string;
  jenisAsn: 'PNS' | 'PPPK';
  golongan: string;
  position: { positionId: string; code: string; name: string; jenisJabatan: string; head: boolean; unit: UnitRef };
  penilai: number | null;
  atasan: number | null;
  roles: { role: 'admin-opd' | 'pimpinan' | 'admin-bkpsdm'; opd: UnitRef | null }[];
}

export const PEOPLE: Person[] = [
  { id: emp(1), nip: DEMO_NIP.ahmad, name: 'Ahmad Fauzi', jenisAsn: 'PNS', golongan: 'IV/c', position: { positionId: pos(1), code: 'DISKOMINFO-KADIS', name: 'Kepala Dinas', jenisJabatan: 'JPT_PRATAMA', head: true, unit: opdRef }, penilai: null, atasan: null, roles: [{ role: 'pimpinan', opd: null }] },
  { id: emp(2), nip: DEMO_NIP.siti, name: 'Siti Rahmawati', jenisAsn: 'PNS', golongan: 'IV/a', position: { positionId: pos(2), code: 'DISKOMINFO-APTIKA-KABID', name: 'Kepala Bidang Aplikasi Informatika', jenisJabatan: 'ADMINISTRATOR', head: true, unit: bidangRef }, penilai: 1, atasan: null, roles: [{ role: 'pimpinan', opd: null }] },
  { id: emp(3), nip: DEMO_NIP.dimas, name: 'Dimas Pratama', jenisAsn: 'PNS', golongan: 'III/b', position: { positionId: pos(3), code: 'DISKOMINFO-APTIKA-JF1', name: 'Pranata Komputer Ahli Pertama', jenisJabatan: 'FUNGSIONAL_KEAHLIAN', head: false, unit: bidangRef }, penilai: 2, atasan: 1, roles: [] },
  { id: emp(4), nip: DEMO_NIP.putri, name: 'Putri Lestari', jenisAsn: 'PPPK', golongan: 'IX', position: { positionId: pos(4), code: 'DISKOMINFO-APTIKA-JF2', name: 'Pranata Komputer Ahli Pertama', jenisJabatan: 'FUNGSIONAL_KEAHLIAN', head: false, unit: bidangRef }, penilai: 2, atasan: 1, roles: [] },
  { id: emp(5), nip: DEMO_NIP.rudi, name: 'Rudi Hartono', jenisAsn: 'PNS', golongan: 'III/c', position: { positionId: pos(5), code: 'DISKOMINFO-SEKRE-JF1', name: 'Analis Kepegawaian', jenisJabatan: 'FUNGSIONAL_KEAHLIAN', head: false, unit: opdRef }, penilai: 1, atasan: null, roles: [{ role: 'admin-opd', opd: opdRef }] },
];

const ref = (p: Person | null) => (p ? { employeeId: p.id, nip: p.nip, name: p.name } : null);

export function personnelEvent<T>(type: string, subject: string, data: T, time = new Date('2026-01-01T00:00:00Z')): EventEnvelope<T> {
  return validateEnvelope<T>(createEnvelope({ source: '/capaian/personnel', type, subject, data, time }));
}

export function employeeData(p: Person) {
  const penilai = p.penilai ? PEOPLE[p.penilai - 1] : null;
  const atasan = p.atasan ? PEOPLE[p.atasan - 1] : null;
  const { head, unit, ...position } = p.position;
  return {
    employeeId: p.id,
    nip: p.nip,
    name: p.name,
    jenisAsn: p.jenisAsn,
    sex: p.name === 'Siti Rahmawati' || p.name === 'Putri Lestari' ? 'P' : 'L',
    birthDate: `${p.nip.slice(0, 4)}-${p.nip.slice(4, 6)}-${p.nip.slice(6, 8)}`,
    golongan: p.golongan,
    pangkat: null,
    status: 'AKTIF',
    email: null,
    position: { ...position, jenjang: null, kelasJabatan: null, unitHead: head },
    unit: { unitId: unit.unitId, code: unit.code, name: unit.name },
    opd: opdRef,
    supervisor: ref(penilai),
    tmtJabatan: '2024-01-01',
    effectiveDate: '2024-01-01',
    pejabatPenilai: ref(penilai),
    atasanPejabatPenilai: ref(atasan),
    basis: penilai ? 'ATASAN_LANGSUNG' : null,
    supervisorOverride: false,
    roles: p.roles,
  };
}

/** The snapshot events of DISKOMINFO's two units, five positions and five demo employees. */
export function diskominfoSnapshots(): EventEnvelope<unknown>[] {
  const units = [
    { unitId: UNIT.opd, code: 'DISKOMINFO', name: opdRef.name, kind: 'DINAS', parentId: null, opdId: UNIT.opd, opdCode: 'DISKOMINFO', level: 1, headPositionId: pos(1), status: 'AKTIF', effectiveDate: '2024-01-01' },
    { unitId: UNIT.bidang, code: 'DISKOMINFO-APTIKA', name: bidangRef.name, kind: 'BIDANG', parentId: UNIT.opd, opdId: UNIT.opd, opdCode: 'DISKOMINFO', level: 2, headPositionId: pos(2), status: 'AKTIF', effectiveDate: '2024-01-01' },
  ];
  const positions = PEOPLE.map((p, i) => ({
    positionId: p.position.positionId,
    code: p.position.code,
    name: p.position.name,
    jenisJabatan: p.position.jenisJabatan,
    jenjang: null,
    kelasJabatan: null,
    unitId: p.position.unit.unitId,
    opdId: UNIT.opd,
    reportsToPositionId: i === 0 ? null : PEOPLE[(p.penilai ?? 1) - 1].position.positionId,
    head: p.position.head,
    capacity: 1,
    status: 'AKTIF',
    effectiveDate: '2024-01-01',
  }));
  return [
    ...units.map((u) => personnelEvent(OrgUnitSnapshotV1, u.unitId, u)),
    ...positions.map((p) => personnelEvent(PositionSnapshotV1, p.positionId, p)),
    ...PEOPLE.map((p) => personnelEvent(EmployeeSnapshotV1, p.id, employeeData(p))),
  ];
}

/** Applies the snapshots through appraisal's projection, in one transaction. */
export async function seedPersonnel(ds: DataSource, apply: (event: EventEnvelope<unknown>, manager: import('typeorm').EntityManager) => Promise<void>): Promise<void> {
  await ds.transaction(async (m) => {
    for (const event of diskominfoSnapshots()) await apply(event, m);
  });
}
