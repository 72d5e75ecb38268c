import { createEnvelope, EmployeeSnapshotV1, OrgUnitSnapshotV1, PositionSnapshotV1, validateEnvelope, type EventEnvelope, type UnitRef } from '@capaian/contracts';
import { DEMO_NIP } from '@capaian/shared/testing';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * People as personnel's republish describes them (snapshot events checked against the contracts),
 * handed to career's own projection — the same code that consumes them from Kafka — so that the
 * tests run without the personnel service. DISKOMINFO's demo users, BKPSDM's Hendra, and `extra`
 * synthetic employees of DISKOMINFO for the concurrency test.
 */
const U = (n: number) => `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;
const P = (n: number) => `00000000-0000-4000-8100-${String(n).padStart(12, '0')}`;
const E = (n: number) => `00000000-0000-4000-8200-${String(n).padStart(12, '0')}`;

const diskominfo: UnitRef = { unitId: U(1), code: 'DISKOMINFO', name: 'Dinas Komunikasi dan Informatika' };
const aptika: UnitRef = { unitId: U(2), code: 'DISKOMINFO-APTIKA', name: 'Bidang Aplikasi Informatika' };
const bkpsdm: UnitRef = { unitId: U(3), code: 'BKPSDM', name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia' };

export interface StandInPerson {
  n: number;
  nip: string;
  name: string;
  jenisAsn: 'PNS' | 'PPPK';
  jenisJabatan: string;
  head: boolean;
  unit: UnitRef;
  opd: UnitRef;
  supervisor: number | null;
  roles: { role: 'admin-opd' | 'pimpinan' | 'admin-bkpsdm'; opd: UnitRef | null }[];
}

export const PEOPLE: StandInPerson[] = [
  { n: 1, nip: DEMO_NIP.ahmad, name: 'Ahmad Fauzi', jenisAsn: 'PNS', jenisJabatan: 'JPT_PRATAMA', head: true, unit: diskominfo, opd: diskominfo, supervisor: null, roles: [{ role: 'pimpinan', opd: null }] },
  { n: 2, nip: DEMO_NIP.siti, name: 'Siti Rahmawati', jenisAsn: 'PNS', jenisJabatan: 'ADMINISTRATOR', head: true, unit: aptika, opd: diskominfo, supervisor: 1, roles: [{ role: 'pimpinan', opd: null }] },
  { n: 3, nip: DEMO_NIP.dimas, name: 'Dimas Pratama', jenisAsn: 'PNS', jenisJabatan: 'FUNGSIONAL_KEAHLIAN', head: false, unit: aptika, opd: diskominfo, supervisor: 2, roles: [] },
  { n: 4, nip: DEMO_NIP.putri, name: 'Putri Lestari', jenisAsn: 'PPPK', jenisJabatan: 'FUNGSIONAL_KEAHLIAN', head: false, unit: aptika, opd: diskominfo, supervisor: 2, roles: [] },
  { n: 5, nip: DEMO_NIP.rudi, name: 'Rudi Hartono', jenisAsn: 'PNS', jenisJabatan: 'FUNGSIONAL_KEAHLIAN', head: false, unit: diskominfo, opd: diskominfo, supervisor: 1, roles: [{ role: 'admin-opd', opd: diskominfo }] },
  { n: 6, nip: DEMO_NIP.hendra, name: 'Hendra Saputra', jenisAsn: 'PNS', jenisJabatan: 'FUNGSIONAL_KEAHLIAN', head: false, unit: bkpsdm, opd: bkpsdm, supervisor: null, roles: [{ role: 'admin-bkpsdm', opd: null }] },
];

/** `count` synthetic DISKOMINFO pelaksana reporting to Siti, NIPs 19900101 201501 1 0nn… */
export function extraPeople(count: number): StandInPerson[] {
  return Array.from({ length: count }, (_, i) => ({
    n: 100 + i,
    nip: `199001012015011${String(i).padStart(3, '0')}`,
    name: `Pegawai Uji ${i + 1}`,
    jenisAsn: 'PNS' as const,
    jenisJabatan: 'PELAKSANA',
    head: false,
    unit: aptika,
    opd: diskominfo,
    supervisor: 2,
    roles: [],
  }));
}

export const employeeIdOf = (p: StandInPerson) => E(p.n);

function event<T>(type: string, subject: string, data: T): EventEnvelope<T> {
  return validateEnvelope<T>(createEnvelope({ source: '/capaian/personnel', type, subject, data, time: new Date('2026-01-01T00:00:00Z') }));
}

function snapshots(people: StandInPerson[]): EventEnvelope<unknown>[] {
  const all = [...PEOPLE, ...people];
  const byN = new Map(all.map((p) => [p.n, p]));
  const ref = (n: number | null) => {
    const p = n === null ? null : byN.get(n)!;
    return p ? { employeeId: E(p.n), nip: p.nip, name: p.name } : null;
  };
  const units = [diskominfo, aptika, bkpsdm].map((u, i) => ({
    unitId: u.unitId, code: u.code, name: u.name, kind: i === 1 ? 'BIDANG' : i === 0 ? 'DINAS' : 'BADAN', parentId: i === 1 ? diskominfo.unitId : null,
    opdId: i === 2 ? bkpsdm.unitId : diskominfo.unitId, opdCode: i === 2 ? 'BKPSDM' : 'DISKOMINFO', level: i === 1 ? 2 : 1, headPositionId: null, status: 'AKTIF', effectiveDate: '2024-01-01',
  }));
  const positions = all.map((p) => ({
    positionId: P(p.n), code: `POS-${p.n}`, name: `Jabatan ${p.n}`, jenisJabatan: p.jenisJabatan, jenjang: null, kelasJabatan: null,
    unitId: p.unit.unitId, opdId: p.opd.unitId, reportsToPositionId: p.supervisor ? P(p.supervisor) : null, head: p.head, capacity: 1, status: 'AKTIF', effectiveDate: '2024-01-01',
  }));
  const employees = all.map((p) => ({
    employeeId: E(p.n), nip: p.nip, name: p.name, jenisAsn: p.jenisAsn, sex: 'L', birthDate: `${p.nip.slice(0, 4)}-${p.nip.slice(4, 6)}-${p.nip.slice(6, 8)}`,
    golongan: p.jenisAsn === 'PPPK' ? 'IX' : 'III/b', pangkat: null, status: 'AKTIF', email: null,
    position: { positionId: P(p.n), code: `POS-${p.n}`, name: `Jabatan ${p.n}`, jenisJabatan: p.jenisJabatan, jenjang: null, kelasJabatan: null, unitHead: p.head },
    unit: p.unit, opd: p.opd, supervisor: ref(p.supervisor), tmtJabatan: '2024-01-01', effectiveDate: '2024-01-01',
    pejabatPenilai: ref(p.supervisor), atasanPejabatPenilai: null, basis: p.supervisor ? 'ATASAN_LANGSUNG' : null, supervisorOverride: false, roles: p.roles,
  }));
  return [
    ...units.map((u) => event(OrgUnitSnapshotV1, u.unitId, u)),
    ...positions.map((p) => event(PositionSnapshotV1, p.positionId, p)),
    ...employees.map((e) => event(EmployeeSnapshotV1, e.employeeId, e)),
  ];
}

/** Applies the snapshots through the app's projection, in one transaction. */
export async function seedPersonnel(ds: DataSource, apply: (event: EventEnvelope<unknown>, manager: EntityManager) => Promise<void>, extra: StandInPerson[] = []): Promise<void> {
  await ds.transaction(async (m) => {
    for (const e of snapshots(extra)) await apply(e, m);
  });
}
