import { EmployeeHiredV1, EmployeePromotedV1, EmployeeTransferredV1, OrgUnitChangedV1, ReportingLineChangedV1, Topics } from '@capaian/contracts';
import { todayInJakarta } from '@capaian/kinerja';
import { watchTopic, type TopicWatcher } from '@capaian/shared/messaging';
import { DEMO_CLIENTS, DEMO_NIP, getClientToken, getToken } from '@capaian/shared/testing';
import { AccountDirectoryError, type AccountProfile } from '../src/accounts/domain/account-directory.port';
import { InMemoryAccountDirectory } from '../src/accounts/infrastructure/in-memory-account-directory';
import { api, http, startPersonnelApp, type PersonnelTestApp } from './personnel-test-app';
import { workingEmployee } from '../src/employee/infrastructure/employee.repository';

/**
 * An event's envelope, or nothing for a message that is not JSON: other test files publish poison
 * messages to the same topics on purpose, and a watcher started in this file may see them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function envelope(m: { text(): string }): any {
  try {
    return JSON.parse(m.text());
  } catch {
    return {};
  }
}

/**
 * The personnel service against the real PostgreSQL, Kafka and Keycloak (tokens of the demo users):
 * organisation rules, hiring with NIP rules, reporting lines with vacancies and overrides, transfer
 * and its events, history "as of", and the access matrix. Keycloak's user directory is replaced by
 * an in-memory one here only (accounts.int-spec.ts provisions real accounts).
 */
jest.setTimeout(60_000);

let t: PersonnelTestApp;
let base: string;
let employees: TopicWatcher;
let units: TopicWatcher;
const token: Record<string, string> = {};
/** An identity provider that can be switched off, to show that a hire never depends on it. */
class SwitchableDirectory extends InMemoryAccountDirectory {
  down = false;
  override async create(profile: AccountProfile): Promise<string> {
    if (this.down) throw new AccountDirectoryError('Keycloak unreachable: connect ECONNREFUSED');
    return super.create(profile);
  }
}
const directory = new SwitchableDirectory();

// Valid numbers for people this test hires (never the demo users').
const NEW_HEAD = { nip: '198201012008011003', birthDate: '1982-01-01', sex: 'L', name: 'Bambang Nugroho', golongan: 'III/d' };
const NEW_STAFF = { nip: '199404042020122007', birthDate: '1994-04-04', sex: 'P', name: 'Maya Kusuma', golongan: 'III/a' };
const today = todayInJakarta();
const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

function get(path: string, who: string) {
  return http('GET', `${base}${path}`, { token: token[who] });
}
function send(method: string, path: string, who: string, body?: unknown) {
  return http(method, `${base}${path}`, { token: token[who], body: body ?? {} });
}

beforeAll(async () => {
  employees = await watchTopic(Topics.personnelEmployee);
  units = await watchTopic(Topics.personnelOrgUnit);
  t = await startPersonnelApp({ accountDirectory: directory });
  base = api(t);
  for (const [who, nip] of Object.entries(DEMO_NIP)) token[who] = await getToken(nip);
  token.sipd = await getClientToken(DEMO_CLIENTS.sipdReader.clientId, DEMO_CLIENTS.sipdReader.secret);
});

afterAll(async () => {
  await Promise.all([employees?.stop(), units?.stop()]);
  await t?.close();
});

describe('reporting lines of the demo organisation', () => {
  it('Dimas and Putri report to Siti, Siti to Ahmad, Ahmad to the Sekda', async () => {
    expect((await get(`/employees/${DEMO_NIP.dimas}/supervisor`, 'dimas')).body).toMatchObject({ supervisor: { nip: DEMO_NIP.siti }, override: false });
    expect((await get('/me/supervisor', 'putri')).body.supervisor.nip).toBe(DEMO_NIP.siti);
    const reports = await get('/me/direct-reports', 'siti');
    expect(reports.status).toBe(200);
    expect(reports.body.items.map((e: any) => e.nip)).toEqual(expect.arrayContaining([DEMO_NIP.dimas, DEMO_NIP.putri]));
    expect((await get('/me/chain', 'dimas')).body.items.map((e: any) => e.nip)).toEqual([DEMO_NIP.siti, DEMO_NIP.ahmad]);
    // The chain stops at the OPD head: the Sekda above Ahmad is not part of it.
    expect((await get('/me/chain', 'ahmad')).body.items).toEqual([]);
    const sekda = (await get(`/employees/${DEMO_NIP.ahmad}/supervisor`, 'ahmad')).body.supervisor;
    expect(sekda.position.code).toBe('SETDA-SEKDA');
  });

  it('gives pejabat penilai and atasan pejabat penilai', async () => {
    const dimas = await get('/me/appraisers', 'dimas');
    expect(dimas.body).toMatchObject({ pejabatPenilai: { nip: DEMO_NIP.siti }, atasanPejabatPenilai: { nip: DEMO_NIP.ahmad }, basis: 'ATASAN_LANGSUNG' });
    const ahmad = await get('/me/appraisers', 'ahmad');
    expect(ahmad.body.pejabatPenilai.position.code).toBe('SETDA-SEKDA');
    expect(ahmad.body.atasanPejabatPenilai).toBeNull();
  });

  it('shows the demo employees with their positions and OPD', async () => {
    const me = await get('/me', 'putri');
    expect(me.body).toMatchObject({ nip: DEMO_NIP.putri, jenisAsn: 'PPPK', golongan: 'IX', pangkat: null, opd: { code: 'DISKOMINFO' }, position: { code: 'DISKOMINFO-APTIKA-JF1' } });
  });
});

describe('organisation tree', () => {
  let bidangId: string;

  it('lets the OPD admin create a bidang in their OPD, and announces it', async () => {
    const res = await send('POST', '/units', 'rudi', { code: 'DISKOMINFO-EGOV', name: 'Bidang E-Government', kind: 'BIDANG', parentId: 'DISKOMINFO' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ code: 'DISKOMINFO-EGOV', level: 2, opd: { code: 'DISKOMINFO' }, head: null });
    bidangId = res.body.id;
    await units.waitFor((m) => envelope(m).subject === bidangId && envelope(m).type === 'capaian.personnel.org-unit.created.v1');
  });

  it.each([
    ['an OPD by an OPD admin', 'rudi', { code: 'DINAS-BARU', name: 'Dinas Baru', kind: 'DINAS', parentId: 'PEMKOT-PLG' }, 403, 'AKSES_DITOLAK'],
    ['a unit in another OPD', 'rudi', { code: 'BKPSDM-X', name: 'Bidang X', kind: 'BIDANG', parentId: 'BKPSDM' }, 403, 'AKSES_DITOLAK'],
    ['a kind that does not fit its parent', 'hendra', { code: 'DISKOMINFO-KEL', name: 'Kelurahan', kind: 'KELURAHAN', parentId: 'DISKOMINFO' }, 422, 'JENIS_UNIT_TIDAK_SESUAI_INDUK'],
    ['an orphan', 'hendra', { code: 'YATIM', name: 'Bidang Yatim', kind: 'BIDANG' }, 422, 'UNIT_INDUK_WAJIB'],
    ['an unknown parent', 'hendra', { code: 'X-Y', name: 'X', kind: 'BIDANG', parentId: 'TIDAK-ADA' }, 404, 'UNIT_TIDAK_DITEMUKAN'],
    ['a duplicate code', 'hendra', { code: 'DISKOMINFO-EGOV', name: 'Lagi', kind: 'BIDANG', parentId: 'DISKOMINFO' }, 409, 'KODE_UNIT_SUDAH_ADA'],
    ['a second city root', 'hendra', { code: 'PEMKOT-2', name: 'Kota Lain', kind: 'PEMERINTAH_KOTA' }, 409, 'UNIT_AKAR_SUDAH_ADA'],
    ['a bad code and an unknown field', 'hendra', { code: 'kecil', name: 'X', kind: 'BIDANG', parentId: 'DISKOMINFO', warna: 'merah' }, 400, 'VALIDASI_GAGAL'],
    ['a future effective date', 'hendra', { code: 'DISKOMINFO-F', name: 'F', kind: 'BIDANG', parentId: 'DISKOMINFO', effectiveDate: '2999-01-01' }, 422, 'TANGGAL_BERLAKU_DI_MASA_DEPAN'],
  ])('refuses %s', async (_name, who, body, status, code) => {
    const before = (await t.dataSource.query(`SELECT count(*)::int AS n FROM org_unit`))[0].n;
    const res = await send('POST', '/units', who, body);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.code).toBe(code);
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM org_unit`))[0].n).toBe(before);
  });

  it('refuses a move that makes a cycle, and renames with an event', async () => {
    const seksi = await send('POST', '/units', 'rudi', { code: 'DISKOMINFO-EGOV-SEKSI', name: 'Seksi Layanan', kind: 'SEKSI', parentId: bidangId });
    expect(seksi.status).toBe(201);
    const cycle = await send('POST', `/units/${bidangId}/move`, 'hendra', { parentId: seksi.body.id });
    expect(cycle.status).toBe(422);
    // The kind rule fires first for a bidang under a seksi; a seksi under its own bidang's child is the pure cycle:
    expect(['UNIT_SIKLUS', 'JENIS_UNIT_TIDAK_SESUAI_INDUK']).toContain(cycle.body.code);
    const self = await send('POST', `/units/${bidangId}/move`, 'hendra', { parentId: bidangId });
    expect(self.body.code).toBe('UNIT_SIKLUS');
    const renamed = await send('PATCH', `/units/${bidangId}`, 'rudi', { name: 'Bidang Pemerintahan Digital' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Bidang Pemerintahan Digital');
    const event = await units.waitFor((m) => envelope(m).subject === bidangId && envelope(m).type === OrgUnitChangedV1);
    expect(event[0].json<any>().data.changes).toEqual(['name']);
    const closeSeksi = await send('POST', `/units/${seksi.body.id}/close`, 'rudi', { reason: 'Digabung' });
    expect(closeSeksi.status).toBe(200);
    expect(closeSeksi.body.status).toBe('DITUTUP');
  });

  it('serves the tree with OPDs, kecamatan and heads', async () => {
    const tree = await get('/units/tree?depth=1', 'dimas');
    expect(tree.status).toBe(200);
    expect(tree.body).toHaveLength(1);
    const opds = tree.body[0].children;
    expect(opds.filter((u: any) => u.kind === 'KECAMATAN')).toHaveLength(18);
    expect(opds.find((u: any) => u.code === 'DISKOMINFO').head.holder.nip).toBe(DEMO_NIP.ahmad);
    expect(opds.every((u: any) => u.children.length === 0)).toBe(true);
    const list = await get('/units?opd=DISKOMINFO&kind=BIDANG&size=50', 'sipd');
    expect(list.body.items.map((u: any) => u.code)).toEqual(expect.arrayContaining(['DISKOMINFO-APTIKA', 'DISKOMINFO-EGOV']));
  });

  describe('positions, hiring and reporting through a vacancy', () => {
    let headPosition: string;
    let staffPosition: string;
    let staffId: string;

    it('creates the head and a staff position; the staff position reports to the head automatically', async () => {
      const head = await send('POST', '/positions', 'rudi', {
        code: 'DISKOMINFO-EGOV-KEPALA',
        name: 'Kepala Bidang Pemerintahan Digital',
        jenisJabatan: 'ADMINISTRATOR',
        kelasJabatan: 11,
        unitId: bidangId,
        head: true,
      });
      expect(head.status).toBe(201);
      headPosition = head.body.id;
      const staff = await send('POST', '/positions', 'rudi', {
        code: 'DISKOMINFO-EGOV-PRAKOM',
        name: 'Pranata Komputer Ahli Pertama',
        jenisJabatan: 'FUNGSIONAL_KEAHLIAN',
        jenjang: 'AHLI_PERTAMA',
        kelasJabatan: 8,
        unitId: 'DISKOMINFO-EGOV',
        capacity: 1,
      });
      expect(staff.status).toBe(201);
      expect(staff.body.reportsTo.id).toBe(headPosition);
      expect(staff.body.reportsToMode).toBe('OTOMATIS');
      staffPosition = staff.body.id;
      expect((await get('/units/DISKOMINFO-EGOV', 'dimas')).body.head.positionId).toBe(headPosition);
      const bad = await send('POST', '/positions', 'rudi', { code: 'DISKOMINFO-EGOV-JF', name: 'JF', jenisJabatan: 'FUNGSIONAL_KEAHLIAN', unitId: bidangId });
      // Malformed input on its own (no stored state needed to see it): 400, as in every service.
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('JENJANG_WAJIB');
    });

    it('refuses invalid NIPs with a code per error, and writes nothing', async () => {
      const res = await send('POST', '/employees', 'rudi', {
        ...NEW_STAFF,
        nip: '199413042020133000',
        sex: 'L',
        jenisAsn: 'PNS',
        golongan: 'IX',
        positionId: staffPosition,
        createAccount: false,
      });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDASI_GAGAL');
      expect(res.body.errors.map((e: any) => e.code).sort()).toEqual(
        ['GOLONGAN_TIDAK_SESUAI_JENIS_ASN', 'NIP_JENIS_KELAMIN_TIDAK_VALID', 'NIP_NOMOR_URUT_TIDAK_VALID', 'NIP_TANGGAL_LAHIR_TIDAK_VALID', 'NIP_TMT_TIDAK_VALID'].sort(),
      );
      expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM employee WHERE nip = '199413042020123000'`))[0].n).toBe(0);
    });

    it('hires into the staff position; with the head vacant, the supervisor is the OPD head', async () => {
      const res = await send('POST', '/employees', 'rudi', { ...NEW_STAFF, jenisAsn: 'PNS', positionId: 'DISKOMINFO-EGOV-PRAKOM', createAccount: false, email: 'maya.kusuma@palembang.go.id' });
      expect(res.status).toBe(201);
      expect(res.body.employee).toMatchObject({ nip: NEW_STAFF.nip, pangkat: 'Penata Muda', opd: { code: 'DISKOMINFO' }, status: 'AKTIF' });
      expect(res.body.account).toBeNull();
      staffId = res.body.employee.id;
      const hired = await employees.waitFor((m) => envelope(m).subject === staffId && envelope(m).type === EmployeeHiredV1);
      expect(hired[0].key).toBe(staffId);
      expect(hired[0].json<any>().data.supervisor.nip).toBe(DEMO_NIP.ahmad);
      expect((await get(`/employees/${staffId}/supervisor`, 'rudi')).body.supervisor.nip).toBe(DEMO_NIP.ahmad);
      const again = await send('POST', '/employees', 'rudi', { ...NEW_STAFF, jenisAsn: 'PNS', positionId: 'DISKOMINFO-APTIKA-JF2', createAccount: false });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('NIP_SUDAH_TERDAFTAR');
      // A NIP typed with spaces is the same NIP, in the API as in the import (one rule: spaces are dropped).
      const spacedNip = `${NEW_STAFF.nip.slice(0, 8)} ${NEW_STAFF.nip.slice(8, 14)} ${NEW_STAFF.nip.slice(14, 15)} ${NEW_STAFF.nip.slice(15)}`;
      const spaced = await send('POST', '/employees', 'rudi', { ...NEW_STAFF, nip: spacedNip, jenisAsn: 'PNS', positionId: 'DISKOMINFO-APTIKA-JF2', createAccount: false });
      expect(spaced.status).toBe(409);
      expect(spaced.body.code).toBe('NIP_SUDAH_TERDAFTAR');
      expect((await get(`/employees/${encodeURIComponent(spacedNip)}`, 'rudi')).body.id).toBe(staffId);
      const full = await send('POST', '/employees', 'rudi', { ...NEW_HEAD, jenisAsn: 'PNS', positionId: 'DISKOMINFO-EGOV-PRAKOM', createAccount: false });
      expect(full.status).toBe(409);
      expect(full.body.code).toBe('JABATAN_PENUH');
    });

    it('filling the head position moves the staff member’s reporting line, announced as an event', async () => {
      const res = await send('POST', '/employees', 'rudi', { ...NEW_HEAD, jenisAsn: 'PNS', positionId: headPosition, createAccount: false });
      expect(res.status).toBe(201);
      const headId = res.body.employee.id;
      expect((await get(`/employees/${staffId}/supervisor`, 'rudi')).body.supervisor.id).toBe(headId);
      const changed = await employees.waitFor((m) => envelope(m).subject === staffId && envelope(m).type === ReportingLineChangedV1);
      expect(changed[0].json<any>().data).toMatchObject({ supervisor: { employeeId: headId }, previousSupervisor: { nip: DEMO_NIP.ahmad }, override: false });
      expect((await get(`/employees/${headId}/direct-reports`, 'ahmad')).body.items.map((e: any) => e.id)).toEqual([staffId]);
      // The head of a bidang under Ahmad is read by Ahmad (below him), not by Dimas.
      expect((await get(`/employees/${headId}`, 'ahmad')).status).toBe(200);
      expect((await get(`/employees/${headId}`, 'dimas')).status).toBe(403);
    });

    it('overrides the supervisor with a reason (audited, announced), refuses cycles, and removes it', async () => {
      const set = await send('PUT', `/employees/${staffId}/supervisor-override`, 'rudi', { supervisorId: DEMO_NIP.siti, reason: 'Data atasan di SIASN keliru; sesuai SK penugasan' });
      expect(set.status).toBe(200);
      expect(set.body.supervisorOverride.reason).toContain('SIASN');
      expect((await get(`/employees/${staffId}/supervisor`, 'siti')).body).toMatchObject({ supervisor: { nip: DEMO_NIP.siti }, override: true });
      expect((await get(`/employees/${staffId}/appraisers`, 'rudi')).body).toMatchObject({ pejabatPenilai: { nip: DEMO_NIP.siti }, basis: 'PENUNJUKAN' });
      const event = await employees.waitFor((m) => envelope(m).subject === staffId && envelope(m).type === ReportingLineChangedV1 && envelope(m).data?.override === true);
      expect(event[0].json<any>().data.reason).toContain('SIASN');
      const audit = await t.dataSource.query(`SELECT reason, to_state FROM audit_trail WHERE action = 'employee.supervisor-overridden' AND entity_id = $1`, [staffId]);
      expect(audit).toHaveLength(1);
      const cycle = await send('PUT', `/employees/${DEMO_NIP.siti}/supervisor-override`, 'rudi', { supervisorId: staffId, reason: 'uji siklus' });
      expect(cycle.status).toBe(422);
      expect(cycle.body.code).toBe('ATASAN_SIKLUS');
      const self = await send('PUT', `/employees/${staffId}/supervisor-override`, 'rudi', { supervisorId: staffId, reason: 'x' });
      expect(self.body.code).toBe('ATASAN_DIRI_SENDIRI');
      const noReason = await send('PUT', `/employees/${staffId}/supervisor-override`, 'rudi', { supervisorId: DEMO_NIP.siti });
      expect(noReason.status).toBe(400);
      const removed = await http('DELETE', `${base}/employees/${staffId}/supervisor-override`, { token: token.rudi, body: { reason: 'Data SIASN sudah diperbaiki' } });
      expect(removed.status).toBe(200);
      expect((await get(`/employees/${staffId}/supervisor`, 'rudi')).body.override).toBe(false);
    });

    it('transfers with a past effective date: event with from/to, history, and answers as of before and after', async () => {
      // Someone of the seeded workforce in DISKOMINFO, recorded since long before yesterday.
      const [x] = await t.dataSource.query(
        `SELECT e.id, p.code AS position_code FROM employee e JOIN org_unit o ON o.id = e.opd_id JOIN position p ON p.id = e.position_id
          JOIN org_unit u ON u.id = p.unit_id
          WHERE o.code = 'DISKOMINFO' AND e.valid_from < $1 AND u.head_position_id <> p.id AND p.code <> 'DISKOMINFO-APTIKA-JF1' AND e.nip <> ALL($2)
          ORDER BY e.nip LIMIT 1`,
        [yesterday, Object.values(DEMO_NIP)],
      );
      const enlarged = await send('PATCH', '/positions/DISKOMINFO-APTIKA-JF1', 'rudi', { capacity: 3 });
      expect(enlarged.status).toBe(200);
      expect(enlarged.body.capacity).toBe(3);
      const res = await send('POST', `/employees/${x.id}/transfers`, 'rudi', {
        positionId: 'DISKOMINFO-APTIKA-JF1',
        effectiveDate: yesterday,
        nomorSk: '800/12/DISKOMINFO/2026',
        reason: 'Penguatan tim aplikasi',
      });
      expect(res.status).toBe(200);
      expect(res.body.position.code).toBe('DISKOMINFO-APTIKA-JF1');
      const event = (await employees.waitFor((m) => envelope(m).subject === x.id && envelope(m).type === EmployeeTransferredV1))[0].json<any>();
      expect(event.data).toMatchObject({
        effectiveDate: yesterday,
        betweenOpd: false,
        nomorSk: '800/12/DISKOMINFO/2026',
        from: { position: { code: x.position_code } },
        position: { code: 'DISKOMINFO-APTIKA-JF1' },
        supervisor: { nip: DEMO_NIP.siti },
      });
      const history = await get(`/employees/${x.id}/history`, 'rudi');
      const last = history.body.items[history.body.items.length - 1];
      expect(last).toMatchObject({ validFrom: yesterday, validTo: null, changes: ['MUTASI'], nomorSk: '800/12/DISKOMINFO/2026', position: { code: 'DISKOMINFO-APTIKA-JF1' } });
      // As of two days ago the old position and supervisor; as of today the new ones.
      const twoDaysAgo = new Date(Date.parse(`${yesterday}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      expect((await get(`/employees/${x.id}?asOf=${twoDaysAgo}`, 'rudi')).body.position.code).toBe(x.position_code);
      expect((await get(`/employees/${x.id}/supervisor?asOf=${twoDaysAgo}`, 'rudi')).body.supervisor.nip).not.toBe(DEMO_NIP.siti);
      expect((await get(`/employees/${x.id}/supervisor`, 'rudi')).body.supervisor.nip).toBe(DEMO_NIP.siti);
      expect((await get(`/me/direct-reports?asOf=${twoDaysAgo}`, 'siti')).body.items.map((e: any) => e.id)).not.toContain(x.id);
      expect((await get('/me/direct-reports', 'siti')).body.items.map((e: any) => e.id)).toContain(x.id);
      // A change cannot predate the last one.
      const before = await send('POST', `/employees/${x.id}/transfers`, 'rudi', { positionId: x.position_code, effectiveDate: '2020-01-01' });
      expect(before.status).toBe(422);
      expect(before.body.code).toBe('TANGGAL_BERLAKU_SEBELUM_PERUBAHAN_TERAKHIR');
    });

    it('answers "as of" a date from history', async () => {
      // Dimas's placement started at his TMT jabatan; before the structure existed he was not recorded.
      const past = await get(`/employees/${DEMO_NIP.dimas}?asOf=2023-01-01`, 'dimas');
      expect(past.status).toBe(200);
      expect(past.body.position.code).toBe('DISKOMINFO-APTIKA-JF1');
      expect((await get(`/employees/${DEMO_NIP.dimas}?asOf=2019-01-01`, 'dimas')).body.code).toBe('PEGAWAI_BELUM_TERCATAT_PADA_TANGGAL');
      expect((await get(`/employees/${DEMO_NIP.dimas}/supervisor?asOf=2023-01-01`, 'dimas')).body.supervisor.nip).toBe(DEMO_NIP.siti);
      expect((await get('/units/DISKOMINFO-EGOV?asOf=2023-01-01', 'dimas')).status).toBe(404);
      const jf1Then = await get('/positions/DISKOMINFO-APTIKA-JF1?asOf=2023-06-01', 'dimas');
      expect(jf1Then.body).toMatchObject({ capacity: 2, reportsTo: { code: 'DISKOMINFO-APTIKA-KEPALA' } });
      expect(jf1Then.body.holders.map((h: any) => h.nip)).toContain(DEMO_NIP.putri);
      expect((await get('/positions/DISKOMINFO-APTIKA-JF1', 'dimas')).body.capacity).toBe(3);
      expect((await get('/positions?opd=DISKOMINFO&asOf=2023-06-01&size=100', 'dimas')).body.items.map((p: any) => p.code)).not.toContain('DISKOMINFO-EGOV-PRAKOM');
      const list = await get(`/employees?opd=DISKOMINFO&asOf=2023-01-01&size=100`, 'hendra');
      expect(list.body.items.map((e: any) => e.nip)).not.toContain(NEW_STAFF.nip);
      expect((await get('/employees?asOf=2026-13-01', 'hendra')).body.code).toBe('TANGGAL_TIDAK_VALID');
    });

    it('promotes upward only and announces it', async () => {
      const up = await send('POST', `/employees/${staffId}/promotions`, 'rudi', { golongan: 'III/b', effectiveDate: today, nomorSk: 'KP-2026-04' });
      expect(up.status).toBe(200);
      expect(up.body).toMatchObject({ golongan: 'III/b', pangkat: 'Penata Muda Tingkat I' });
      const event = (await employees.waitFor((m) => envelope(m).subject === staffId && envelope(m).type === EmployeePromotedV1))[0].json<any>();
      expect(event.data).toMatchObject({ fromGolongan: 'III/a', golongan: 'III/b' });
      const down = await send('POST', `/employees/${staffId}/promotions`, 'rudi', { golongan: 'II/d', effectiveDate: today });
      expect(down.body.code).toBe('GOLONGAN_TIDAK_NAIK');
    });

    it('lets an employee leave: position freed, left event, no more changes', async () => {
      const left = await send('POST', `/employees/${staffId}/status`, 'rudi', { status: 'KELUAR', effectiveDate: today, reason: 'Pindah ke instansi lain' });
      expect(left.status).toBe(200);
      expect(left.body).toMatchObject({ status: 'KELUAR', position: null, opd: null });
      const event = (await employees.waitFor((m) => envelope(m).subject === staffId && envelope(m).type === 'capaian.personnel.employee.left.v1'))[0].json<any>();
      expect(event.data.lastPosition.code).toBe('DISKOMINFO-EGOV-PRAKOM');
      // Someone who left belongs to no OPD any more: only BKPSDM acts on them, and nothing brings them back.
      expect((await send('POST', `/employees/${staffId}/status`, 'rudi', { status: 'AKTIF', effectiveDate: today, reason: 'x' })).status).toBe(403);
      expect((await send('POST', `/employees/${staffId}/status`, 'hendra', { status: 'AKTIF', effectiveDate: today, reason: 'x' })).body.code).toBe('PEGAWAI_SUDAH_BERHENTI');
    });

    it('refuses to close a unit that still has people', async () => {
      const res = await send('POST', `/units/DISKOMINFO-EGOV/close`, 'rudi', { reason: 'Uji' });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('UNIT_MASIH_MEMILIKI_PEGAWAI');
    });
  });
});

describe('account provisioning when the identity provider is down', () => {
  it('keeps the hire, records GAGAL, and provisions on retry', async () => {
    await send('PATCH', '/positions/DISKOMINFO-TIK-JF1', 'hendra', { capacity: 20 });
    directory.down = true;
    const hired = await send('POST', '/employees', 'rudi', {
      nip: '199707072020121024',
      name: 'Fajar Gunawan',
      jenisAsn: 'PNS',
      birthDate: '1997-07-07',
      sex: 'L',
      golongan: 'III/a',
      positionId: 'DISKOMINFO-TIK-JF1',
      email: 'fajar.gunawan@palembang.go.id',
    });
    expect(hired.status).toBe(201);
    expect(hired.body.account).toMatchObject({ status: 'GAGAL', error: expect.stringContaining('Keycloak') });
    expect(hired.body.employee.accountStatus).toBe('GAGAL');
    directory.down = false;
    const retried = await send('POST', '/employees/199707072020121024/account', 'rudi');
    expect(retried.status).toBe(200);
    expect(retried.body.status).toBe('AKTIF');
    const account = await directory.findByUsername('199707072020121024');
    expect(account).toMatchObject({ email: 'fajar.gunawan@palembang.go.id', attributes: { nip: ['199707072020121024'], opd: ['DISKOMINFO'] } });
    expect(await directory.realmRoles(account!.id)).toEqual(['pegawai']);
  });
});

describe('access matrix (real tokens)', () => {
  const cases: [who: string, method: string, path: () => string, expected: number][] = [
    ['dimas', 'GET', () => '/employees', 403],
    ['dimas', 'GET', () => `/employees/${DEMO_NIP.dimas}`, 200],
    ['dimas', 'GET', () => `/employees/${DEMO_NIP.siti}`, 403],
    ['dimas', 'GET', () => `/employees/${DEMO_NIP.siti}/direct-reports`, 403],
    ['dimas', 'GET', () => '/units/DISKOMINFO', 200],
    ['dimas', 'GET', () => '/positions?opd=DISKOMINFO', 200],
    ['dimas', 'POST', () => '/units', 403],
    ['dimas', 'POST', () => '/imports', 403],
    ['putri', 'GET', () => `/employees/${DEMO_NIP.dimas}`, 403],
    ['siti', 'GET', () => `/employees/${DEMO_NIP.dimas}`, 200],
    ['siti', 'GET', () => `/employees/${DEMO_NIP.putri}/history`, 200],
    ['siti', 'GET', () => `/employees/${DEMO_NIP.hendra}`, 403],
    ['siti', 'GET', () => `/employees/${DEMO_NIP.ahmad}`, 403],
    ['ahmad', 'GET', () => `/employees/${DEMO_NIP.putri}/appraisers`, 200],
    ['ahmad', 'GET', () => '/employees', 403],
    ['rudi', 'GET', () => '/employees', 200],
    ['rudi', 'GET', () => '/employees?opd=DISKOMINFO', 200],
    ['rudi', 'GET', () => '/employees?opd=BKPSDM', 403],
    ['rudi', 'GET', () => `/employees/${DEMO_NIP.hendra}`, 403],
    ['rudi', 'GET', () => `/employees/${DEMO_NIP.ahmad}`, 200],
    ['rudi', 'POST', () => `/employees/${DEMO_NIP.hendra}/promotions`, 403],
    ['rudi', 'POST', () => `/employees/${DEMO_NIP.dimas}/roles/admin-opd`, 403],
    ['hendra', 'GET', () => '/employees?opd=DISKOMINFO', 200],
    ['hendra', 'GET', () => `/employees/${DEMO_NIP.putri}`, 200],
    ['hendra', 'GET', () => `/employees/${DEMO_NIP.dimas}/history`, 200],
    ['sipd', 'GET', () => '/employees?opd=BKPSDM', 200],
    ['sipd', 'GET', () => `/employees/${DEMO_NIP.ahmad}/chain`, 200],
    ['sipd', 'POST', () => '/employees', 403],
    ['sipd', 'PATCH', () => `/employees/${DEMO_NIP.dimas}`, 403],
  ];

  it.each(cases)('%s %s %p → %i', async (who, method, path, expected) => {
    const body = method === 'POST' && path().endsWith('/promotions') ? { golongan: 'IV/b', effectiveDate: today } : method === 'GET' ? undefined : {};
    const res = await http(method, `${base}${path()}`, { token: token[who], body });
    expect(res.status).toBe(expected);
    if (expected === 403) expect(['AKSES_DITOLAK', 'PERAN_TIDAK_MEMADAI']).toContain(res.body.code);
  });

  it('needs a token', async () => {
    const res = await http('GET', `${base}/employees/${DEMO_NIP.dimas}`);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('TOKEN_TIDAK_ADA');
  });

  it('pages a name search by cursor in name order: every match once, the same as the database finds them', async () => {
    const expected: string[] = (
      await t.dataSource.query(
        `SELECT nip FROM employee e WHERE ${workingEmployee('e')} AND (lower(e.name) LIKE 'sit%' OR lower(e.name) LIKE '% sit%') ORDER BY e.name, e.nip`,
      )
    ).map((r: { nip: string }) => r.nip);
    expect(expected.length).toBeGreaterThan(3);
    const seen: string[] = [];
    let next: string | null = null;
    do {
      const res = await get(`/employees?q=SIT&size=3${next ? `&after=${next}` : ''}`, 'hendra');
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((e: any) => e.nip));
      next = res.body.next;
    } while (next);
    expect(seen).toEqual(expected);
  });

  it('scopes the OPD admin’s list to their OPD and filters by prefix, jenis jabatan and golongan', async () => {
    const res = await get('/employees?size=100', 'rudi');
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items.every((e: any) => e.opd.code === 'DISKOMINFO')).toBe(true);
    expect((await get('/employees?q=1992031520', 'hendra')).body.items.map((e: any) => e.nip)).toEqual([DEMO_NIP.dimas]);
    expect((await get('/employees?q=siti%20rah&opd=DISKOMINFO', 'hendra')).body.items.map((e: any) => e.nip)).toContain(DEMO_NIP.siti);
    const jpt = await get('/employees?jenisJabatan=JPT_PRATAMA&size=100', 'hendra');
    expect(jpt.body.items.every((e: any) => e.position.jenisJabatan === 'JPT_PRATAMA')).toBe(true);
    const gol = await get('/employees?golongan=iii%2Fb&size=5&total=true', 'hendra');
    expect(gol.body.items.every((e: any) => e.golongan === 'III/b')).toBe(true);
    expect(gol.body.total).toBeGreaterThan(0);
  });
});

describe('through the gateway (happy path)', () => {
  let gateway: { close(): Promise<void>; getUrl(): Promise<string> } | undefined;
  let gatewayBase: string;

  beforeAll(async () => {
    // End to end through the real gateway composition, in-process, in front of this test's personnel
    // app. A test-only reach into another app: production code never does this.
    // eslint-disable-next-line @nx/enforce-module-boundaries
    const { createGatewayApp } = await import('../../gateway/src/gateway.app');
    // eslint-disable-next-line @nx/enforce-module-boundaries
    const { loadGatewayConfig } = await import('../../gateway/src/gateway.config');
    const app = await createGatewayApp(loadGatewayConfig({ ...process.env, LOG_LEVEL: 'error', PORT: '3100', PERSONNEL_URL: t.url }));
    await app.listen(0, '127.0.0.1');
    gateway = app;
    gatewayBase = `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/api/v1/personnel`;
  });

  afterAll(async () => {
    await gateway?.close();
  });

  it('a pegawai reads their appraisers; an admin imports a CSV and polls the job', async () => {
    const appraisers = await http('GET', `${gatewayBase}/me/appraisers`, { token: token.putri });
    expect(appraisers.status).toBe(200);
    expect(appraisers.body.pejabatPenilai.nip).toBe(DEMO_NIP.siti);
    const csv = ['NIP,Nama,Jenis ASN,Tanggal Lahir,Jenis Kelamin,Golongan,Kode Jabatan', '199612122021022023,Lewat Gerbang,PNS,1996-12-12,P,III/a,DISKOMINFO-APTIKA-JF1'].join('\n');
    await http('PATCH', `${gatewayBase}/positions/DISKOMINFO-APTIKA-JF1`, { token: token.hendra, body: { capacity: 5 } });
    const accepted = await http('POST', `${gatewayBase}/imports?dryRun=true`, { token: token.hendra, raw: csv, contentType: 'text/csv' });
    expect(accepted.status).toBe(202);
    let job: any;
    for (let i = 0; i < 100 && !['BERHASIL', 'DITOLAK', 'GAGAL'].includes(job?.status); i++) {
      job = (await http('GET', `${gatewayBase}/imports/${accepted.body.id}`, { token: token.hendra })).body;
      if (!['BERHASIL', 'DITOLAK', 'GAGAL'].includes(job.status)) await new Promise((r) => setTimeout(r, 50));
    }
    expect(job).toMatchObject({ status: 'BERHASIL', summary: { created: 1 } });
    const refused = await http('GET', `${gatewayBase}/employees`, { token: token.dimas });
    expect(refused.status).toBe(403);
  });
});
