import { randomInt, randomUUID } from 'node:crypto';
import { createEnvelope, RoleGrantedV1, Topics, validateEnvelope, type ElevatedRole, type EmployeeSnapshot, type EventEnvelope, type RoleGrantedData } from '@capaian/contracts';
import { eventHeaders, produceRawMessages } from '@capaian/shared/messaging';

/** A fresh 18-digit NIP (birth date, TMT, sex, serial), unique enough per test run. */
export function freshNip(): string {
  return `1990${String(randomInt(1, 12)).padStart(2, '0')}15201${randomInt(0, 10)}0${randomInt(1, 3)}${String(randomInt(0, 10_000)).padStart(4, '0')}`.slice(0, 18).padEnd(18, '0');
}

export const OPD_DISKOMINFO = { unitId: randomUUID(), code: 'DISKOMINFO', name: 'Dinas Komunikasi dan Informatika' };
export const OPD_BAPPEDA = { unitId: randomUUID(), code: 'BAPPEDA', name: 'Badan Perencanaan Pembangunan Daerah' };
const UNIT_APTIKA = randomUUID();

/** Personnel's ids are UUIDs (the projection stores them as such); one per NIP for this run. */
const ids = new Map<string, string>();
export function employeeIdOf(nip: string): string {
  let id = ids.get(nip);
  if (!id) ids.set(nip, (id = randomUUID()));
  return id;
}

export function employee(p: {
  nip: string;
  name: string;
  email: string | null;
  opd?: { unitId: string; code: string; name: string };
  supervisor?: { nip: string; name: string } | null;
  position?: string;
}): EmployeeSnapshot {
  const opd = p.opd ?? OPD_DISKOMINFO;
  return {
    employeeId: employeeIdOf(p.nip),
    nip: p.nip,
    name: p.name,
    jenisAsn: 'PNS',
    sex: 'L',
    birthDate: '1990-01-15',
    golongan: 'III/a',
    pangkat: 'Penata Muda',
    status: 'AKTIF',
    email: p.email,
    position: { positionId: randomUUID(), code: 'PRAN', name: p.position ?? 'Pranata Komputer Ahli Pertama', jenisJabatan: 'FUNGSIONAL', jenjang: 'AHLI_PERTAMA', kelasJabatan: 8 },
    unit: { unitId: UNIT_APTIKA, code: 'APTIKA', name: 'Bidang Aplikasi Informatika' },
    opd,
    supervisor: p.supervisor ? { employeeId: employeeIdOf(p.supervisor.nip), nip: p.supervisor.nip, name: p.supervisor.name } : null,
    tmtJabatan: '2026-01-02',
    effectiveDate: '2026-12-01',
  };
}

/** This test file's run (Jest loads the module once per file): in every source, subject and scratch database it makes. */
export const RUN_TAG = randomUUID().slice(0, 8);

/** The `source` of this test run's personnel events; the test service acts on these only (see EventFilter). */
export const TEST_SOURCE = `/capaian/test/personnel-${RUN_TAG}`;

/** A subject (Kafka key) for this run's own events on a shared topic such as `platform.ping.v1`, e.g. `ping-1a2b3c4d`. */
export function runSubject(prefix: string): string {
  return `${prefix}-${RUN_TAG}`;
}

/**
 * The events this run produced: its personnel-like events by their source, and the pings it sent
 * (through the topic or its own outbox) by their subject. Another run's events, or a running
 * platform's, on the same shared topics are ignored.
 */
export const ownEventsOnly = (e: { source: string; subject: string }) => e.source === TEST_SOURCE || e.subject.endsWith(`-${RUN_TAG}`);

export function personnelEvent<T>(type: string, data: T, subject: string): EventEnvelope<T> {
  return validateEnvelope<T>(createEnvelope({ source: TEST_SOURCE, type, subject, data }));
}

/** Personnel's event when an account gains an elevated role (admin OPD of `opd`, admin BKPSDM). */
export function roleGranted(nip: string, role: ElevatedRole, opd: { unitId: string; code: string; name: string } | null): EventEnvelope<RoleGrantedData> {
  return personnelEvent<RoleGrantedData>(RoleGrantedV1, { employeeId: employeeIdOf(nip), nip, role, opd, reason: null }, nip);
}

/** An event of another producer (appraisal) with this run's source, published on `topic`. */
export async function publishEvents(topic: string, ...envelopes: EventEnvelope<unknown>[]): Promise<void> {
  await produceRawMessages(
    topic,
    envelopes.map((e) => ({ key: e.subject, value: JSON.stringify(e), headers: eventHeaders(e) })),
  );
}

/** Publishes as personnel's relay would: structured CloudEvents on `personnel.employee.v1`, keyed by subject. */
export async function publishPersonnel(...envelopes: EventEnvelope<unknown>[]): Promise<void> {
  await produceRawMessages(
    Topics.personnelEmployee,
    envelopes.map((e) => ({ key: e.subject, value: JSON.stringify(e), headers: eventHeaders(e) })),
  );
}
