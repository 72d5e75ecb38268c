import { randomInt } from 'node:crypto';
import { todayInJakarta, validateNip } from '@capaian/kinerja';
import { DEMO_NIP, getToken } from '@capaian/shared/testing';
import { KeycloakAccountDirectory } from '../src/accounts/infrastructure/keycloak-account-directory';
import { api, http, startPersonnelApp, type PersonnelTestApp } from './personnel-test-app';

/**
 * SSO accounts against the real Keycloak (admin API through the capaian-personnel service account):
 * linking the demo users' existing accounts, provisioning on hire, the OPD-scoped admin-opd role,
 * following a transfer to another OPD, disabling on leave. Users created here are deleted afterwards.
 */
jest.setTimeout(90_000);

let t: PersonnelTestApp;
let base: string;
let hendra: string;
let rudi: string;
let directory: KeycloakAccountDirectory;
const created: string[] = [];
const usernames: string[] = [];

/** A valid NIP that no Keycloak user has yet. */
async function freshNip(): Promise<{ nip: string; birthDate: string }> {
  for (;;) {
    const y = randomInt(1980, 2000);
    const m = String(randomInt(1, 13)).padStart(2, '0');
    const d = String(randomInt(1, 29)).padStart(2, '0');
    const nip = `${y}${m}${d}${y + 23}${String(randomInt(1, 13)).padStart(2, '0')}1${String(randomInt(100, 1000))}`;
    if (!validateNip(nip).valid) continue;
    if (await directory.findByUsername(nip)) continue;
    usernames.push(nip);
    return { nip, birthDate: `${y}-${m}-${d}` };
  }
}

beforeAll(async () => {
  t = await startPersonnelApp({ seed: { linkDemoAccounts: true } });
  base = api(t);
  directory = new KeycloakAccountDirectory(t.config.keycloakAdmin);
  [hendra, rudi] = await Promise.all([getToken(DEMO_NIP.hendra), getToken(DEMO_NIP.rudi)]);
});

afterAll(async () => {
  // By id, and by username for any account a failed step created without telling us its id.
  for (const id of created) await directory.delete(id).catch(() => undefined);
  for (const username of usernames) {
    const left = await directory.findByUsername(username).catch(() => null);
    if (left) await directory.delete(left.id).catch(() => undefined);
  }
  await t?.close();
});

describe('SSO accounts', () => {
  it('links the six demo users to their existing accounts without duplicating them', async () => {
    expect(Object.values(t.seed!.demoAccounts)).toEqual(['AKTIF', 'AKTIF', 'AKTIF', 'AKTIF', 'AKTIF', 'AKTIF']);
    const [siti] = await t.dataSource.query(`SELECT account_id FROM employee WHERE nip = $1`, [DEMO_NIP.siti]);
    const account = await directory.findByUsername(DEMO_NIP.siti);
    expect(account?.id).toBe(siti.account_id);
    expect(account?.attributes).toMatchObject({ nip: [DEMO_NIP.siti], opd: ['DISKOMINFO'] });
    expect(await directory.realmRoles(account!.id)).toEqual(expect.arrayContaining(['pegawai', 'pimpinan']));
    // The demo users still log in with their password after linking.
    expect(await getToken(DEMO_NIP.siti)).toMatch(/^ey/);
  });

  let employeeId: string;
  let accountId: string;
  let nip: string;

  it('hiring creates the account: username = NIP, nip and OPD attributes, role pegawai, e-mail', async () => {
    const fresh = await freshNip();
    nip = fresh.nip;
    await http('PATCH', `${base}/positions/DISKOMINFO-APTIKA-JF2`, { token: hendra, body: { capacity: 10 } });
    const res = await http('POST', `${base}/employees`, {
      token: rudi,
      body: { nip, name: 'Uji Akun Sementara', jenisAsn: 'PNS', birthDate: fresh.birthDate, sex: 'L', golongan: 'III/c', positionId: 'DISKOMINFO-APTIKA-JF2', email: `uji.${nip}@palembang.go.id` },
    });
    expect(res.status).toBe(201);
    expect(res.body.account).toMatchObject({ status: 'AKTIF', username: nip });
    employeeId = res.body.employee.id;
    accountId = res.body.account.accountId;
    created.push(accountId);
    const account = await directory.findByUsername(nip);
    expect(account).toMatchObject({ id: accountId, enabled: true, email: `uji.${nip}@palembang.go.id`, firstName: 'Uji Akun', lastName: 'Sementara' });
    expect(account!.attributes).toMatchObject({ nip: [nip], opd: ['DISKOMINFO'] });
    expect(await directory.realmRoles(accountId)).toContain('pegawai');
    const state = await http('GET', `${base}/employees/${nip}/account`, { token: rudi });
    expect(state.body).toMatchObject({ status: 'AKTIF', accountId, roles: expect.arrayContaining(['pegawai']) });
    const audit = await t.dataSource.query(`SELECT action FROM audit_trail WHERE entity_id = $1 AND action LIKE 'account.%'`, [employeeId]);
    expect(audit.map((a: any) => a.action)).toEqual(['account.created']);
  });

  it('grants admin-opd only for the OPD the employee works in, and only by BKPSDM', async () => {
    expect((await http('POST', `${base}/employees/${nip}/roles/admin-opd`, { token: rudi, body: {} })).status).toBe(403);
    const wrong = await http('POST', `${base}/employees/${nip}/roles/admin-opd`, { token: hendra, body: { opd: 'BKPSDM' } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('ADMIN_OPD_DI_LUAR_OPD_PEGAWAI');
    const ok = await http('POST', `${base}/employees/${nip}/roles/admin-opd`, { token: hendra, body: { opd: 'DISKOMINFO' } });
    expect(ok.status).toBe(200);
    expect(ok.body.roles).toEqual(expect.arrayContaining(['pegawai', 'admin-opd']));
  });

  it('a transfer to another OPD moves the opd attribute and drops admin-opd', async () => {
    await http('PATCH', `${base}/positions/BKPSDM-MUTASI-JF1`, { token: hendra, body: { capacity: 10 } });
    const res = await http('POST', `${base}/employees/${nip}/transfers`, { token: hendra, body: { positionId: 'BKPSDM-MUTASI-JF1', effectiveDate: todayInJakarta() } });
    expect(res.status).toBe(200);
    expect(res.body.opd.code).toBe('BKPSDM');
    const account = await directory.findByUsername(nip);
    expect(account!.attributes.opd).toEqual(['BKPSDM']);
    expect(await directory.realmRoles(accountId)).not.toContain('admin-opd');
    // Rudi (admin-opd of DISKOMINFO) cannot act on someone who left his OPD.
    expect((await http('GET', `${base}/employees/${nip}/account`, { token: rudi })).status).toBe(403);
  });

  it('leaving disables the account (kept, not deleted)', async () => {
    const res = await http('POST', `${base}/employees/${nip}/status`, { token: hendra, body: { status: 'PENSIUN', effectiveDate: todayInJakarta(), reason: 'Pensiun dini' } });
    expect(res.status).toBe(200);
    expect(res.body.accountStatus).toBe('NONAKTIF');
    expect((await directory.findByUsername(nip))!.enabled).toBe(false);
    const again = await http('POST', `${base}/employees/${nip}/account`, { token: hendra, body: {} });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('PEGAWAI_TIDAK_AKTIF');
  });

  it('hiring with createAccount=false makes no account; provisioning later links or creates it', async () => {
    const fresh = await freshNip();
    const res = await http('POST', `${base}/employees`, {
      token: hendra,
      body: { nip: fresh.nip, name: 'Uji Tanpa Akun', jenisAsn: 'PNS', birthDate: fresh.birthDate, sex: 'L', golongan: 'III/c', positionId: 'DISKOMINFO-APTIKA-JF2', createAccount: false },
    });
    expect(res.status).toBe(201);
    expect(res.body.account).toBeNull();
    expect(res.body.employee.accountStatus).toBe('TIDAK_ADA');
    expect(await directory.findByUsername(fresh.nip)).toBeNull();
    const later = await http('POST', `${base}/employees/${fresh.nip}/account`, { token: hendra, body: {} });
    expect(later.status).toBe(200);
    expect(later.body.status).toBe('AKTIF');
    created.push(later.body.accountId);
    expect((await directory.findByUsername(fresh.nip))!.id).toBe(later.body.accountId);
  });
});
