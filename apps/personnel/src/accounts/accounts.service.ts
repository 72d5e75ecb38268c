import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ELEVATED_ROLES, RoleGrantedV1, RoleRevokedV1, type ElevatedRole, type RoleChangedData, type UnitRef } from '@capaian/contracts';
import { ProblemException } from '@capaian/shared/http';
import { recordAudit } from '@capaian/shared/persistence';
import { DataSource } from 'typeorm';
import { Role, type Actor } from '../common/access';
import { PersonnelEvents } from '../common/events';
import { AccountMessages } from './accounts.messages';
import { isWorking, splitName } from '../employee/domain/employee.rules';
import { ACCOUNT_DIRECTORY, AccountDirectoryError, type AccountDirectory } from './domain/account-directory.port';

export interface AccountState {
  status: 'TIDAK_ADA' | 'AKTIF' | 'NONAKTIF' | 'GAGAL';
  accountId: string | null;
  username: string;
  error: string | null;
  roles?: string[];
}

interface EmployeeAccountRow {
  id: string;
  nip: string;
  name: string;
  email: string | null;
  status: string;
  opd_id: string | null;
  opd_code: string | null;
  opd_name: string | null;
  account_id: string | null;
  account_status: AccountState['status'];
  account_error: string | null;
}

/**
 * SSO accounts in Keycloak: hiring creates the account (username = NIP, attributes `nip` and `opd`,
 * role `pegawai`), a transfer to another OPD updates `opd` and drops `admin-opd` (it was scoped to the
 * old OPD), leaving disables it. Keycloak is not transactional with our database: these run after
 * the commit, the outcome is stored on the employee (`account_status`), and a failed provisioning can
 * be retried with POST /employees/{id}/account. An existing account with the same username is linked,
 * not duplicated (the demo users exist in the realm before the data is loaded).
 */
@Injectable()
export class AccountsService {
  private readonly logger = new Logger('AccountsService');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ACCOUNT_DIRECTORY) private readonly directory: AccountDirectory,
    private readonly events: PersonnelEvents,
  ) {}

  /**
   * The audit row and the role event in one transaction, after Keycloak took the change: the
   * directory is not transactional with our database, so the event follows what really happened.
   */
  private async recordRoleChange(
    employeeId: string,
    change: { granted: boolean; role: ElevatedRole; opd: UnitRef | null; nip: string; reason: string | null },
    actor: Actor,
  ): Promise<void> {
    const data: RoleChangedData = { employeeId, nip: change.nip, role: change.role, opd: change.opd, reason: change.reason };
    await this.dataSource.transaction(async (m) => {
      await recordAudit(m, {
        actor: actor.subject,
        actorNip: actor.nip,
        action: change.granted ? 'account.role-granted' : 'account.role-revoked',
        entityType: 'employee',
        entityId: employeeId,
        ...(change.granted ? { toState: change.role } : { fromState: change.role }),
        reason: change.reason,
        details: { role: change.role, ...(change.opd ? { opd: change.opd.code } : {}) },
      });
      await this.events.emit(m, change.granted ? RoleGrantedV1 : RoleRevokedV1, employeeId, data);
    });
  }

  private opdRef(e: EmployeeAccountRow): UnitRef | null {
    return e.opd_id && e.opd_code && e.opd_name ? { unitId: e.opd_id, code: e.opd_code, name: e.opd_name } : null;
  }

  private async row(employeeId: string): Promise<EmployeeAccountRow> {
    const [row] = await this.dataSource.query(
      `SELECT e.id, e.nip, e.name, e.email, e.status, o.id AS opd_id, o.code AS opd_code, o.name AS opd_name, e.account_id, e.account_status, e.account_error
         FROM employee e LEFT JOIN org_unit o ON o.id = e.opd_id WHERE e.id = $1`,
      [employeeId],
    );
    return row;
  }

  private async setState(employeeId: string, status: AccountState['status'], accountId: string | null, error: string | null): Promise<void> {
    await this.dataSource.query(`UPDATE employee SET account_status = $2, account_id = COALESCE($3, account_id), account_error = $4, updated_at = now() WHERE id = $1`, [
      employeeId,
      status,
      accountId,
      error,
    ]);
  }

  private profile(e: EmployeeAccountRow) {
    const { firstName, lastName } = splitName(e.name);
    return { username: e.nip, email: e.email, firstName, lastName, attributes: { nip: e.nip, opd: e.opd_code } };
  }

  /**
   * Creates or links the account and makes sure it is enabled with role `pegawai`. Never throws for
   * directory failures: returns state GAGAL with the reason, so a hire is not undone by an IdP outage.
   */
  async provision(employeeId: string, actor: Actor): Promise<AccountState> {
    const e = await this.row(employeeId);
    if (!isWorking(e.status)) throw AccountMessages.error('PEGAWAI_TIDAK_AKTIF');
    try {
      const existing = e.account_id ? { id: e.account_id } : await this.directory.findByUsername(e.nip);
      let accountId: string;
      let linked = false;
      if (existing) {
        accountId = existing.id;
        linked = !e.account_id;
        await this.directory.update(accountId, { ...this.profile(e), enabled: true });
      } else {
        accountId = await this.directory.create(this.profile(e));
      }
      const roles = await this.directory.realmRoles(accountId);
      if (!roles.includes(Role.pegawai)) await this.directory.addRealmRoles(accountId, [Role.pegawai]);
      await this.setState(employeeId, 'AKTIF', accountId, null);
      await recordAudit(this.dataSource.manager, {
        actor: actor.subject,
        actorNip: actor.nip,
        action: linked ? 'account.linked' : existing ? 'account.updated' : 'account.created',
        entityType: 'employee',
        entityId: employeeId,
        fromState: e.account_status,
        toState: 'AKTIF',
        details: { accountId, username: e.nip },
      });
      return { status: 'AKTIF', accountId, username: e.nip, error: null };
    } catch (error) {
      if (!(error instanceof AccountDirectoryError)) throw error;
      this.logger.warn(`provisioning the account of ${e.nip} failed: ${error.message}`);
      await this.setState(employeeId, 'GAGAL', null, error.message.slice(0, 1000));
      return { status: 'GAGAL', accountId: e.account_id, username: e.nip, error: error.message };
    }
  }

  /** After a change of name, e-mail or OPD: the account follows. Moving OPD drops admin-opd. */
  async syncProfile(employeeId: string, actor: Actor, options: { opdChanged?: boolean } = {}): Promise<void> {
    const e = await this.row(employeeId);
    if (!e.account_id) return;
    try {
      await this.directory.update(e.account_id, this.profile(e));
      if (options.opdChanged) {
        const roles = await this.directory.realmRoles(e.account_id);
        if (roles.includes(Role.adminOpd)) {
          await this.directory.removeRealmRoles(e.account_id, [Role.adminOpd]);
          // The old OPD is no longer on the row; the revocation names no OPD (the role is gone everywhere).
          await this.recordRoleChange(
            employeeId,
            { granted: false, role: Role.adminOpd, opd: null, nip: e.nip, reason: 'Pindah OPD: peran admin-opd hanya berlaku untuk OPD lama' },
            actor,
          );
        }
      }
    } catch (error) {
      if (!(error instanceof AccountDirectoryError)) throw error;
      this.logger.warn(`syncing the account of ${e.nip} failed: ${error.message}`);
      await this.setState(employeeId, 'GAGAL', null, error.message.slice(0, 1000));
    }
  }

  /** Leaving (pensiun, keluar) disables the account; it is kept for the audit trail, not deleted. */
  async disable(employeeId: string, actor: Actor): Promise<void> {
    const e = await this.row(employeeId);
    if (!e.account_id) return;
    try {
      const held = (await this.directory.realmRoles(e.account_id)).filter((r): r is ElevatedRole => (ELEVATED_ROLES as readonly string[]).includes(r));
      await this.directory.update(e.account_id, { enabled: false });
      await this.setState(employeeId, 'NONAKTIF', null, null);
      await recordAudit(this.dataSource.manager, {
        actor: actor.subject,
        actorNip: actor.nip,
        action: 'account.disabled',
        entityType: 'employee',
        entityId: employeeId,
        fromState: e.account_status,
        toState: 'NONAKTIF',
      });
      // A disabled account exercises no role: read models drop them (the republish publishes none for it either).
      // The role mappings stay in Keycloak for the record.
      for (const role of held) {
        await this.recordRoleChange(employeeId, { granted: false, role, opd: null, nip: e.nip, reason: 'Akun dinonaktifkan karena pegawai berhenti' }, actor);
      }
    } catch (error) {
      if (!(error instanceof AccountDirectoryError)) throw error;
      this.logger.warn(`disabling the account of ${e.nip} failed: ${error.message}`);
      await this.setState(employeeId, 'GAGAL', null, `menonaktifkan akun gagal: ${error.message}`.slice(0, 1000));
    }
  }

  async state(employeeId: string): Promise<AccountState> {
    const e = await this.row(employeeId);
    let roles: string[] | undefined;
    if (e.account_id) {
      try {
        roles = await this.directory.realmRoles(e.account_id);
      } catch (error) {
        if (!(error instanceof AccountDirectoryError)) throw error;
      }
    }
    return { status: e.account_status, accountId: e.account_id, username: e.nip, error: e.account_error, roles };
  }

  /**
   * Grants `admin-opd`. The role acts on the OPD in the account's `opd` attribute, which is always
   * the employee's own OPD: an admin-opd administers exactly one OPD, the one they work in.
   */
  async grantAdminOpd(employeeId: string, opdCode: string | undefined, actor: Actor): Promise<AccountState> {
    const e = await this.row(employeeId);
    if (!isWorking(e.status)) throw AccountMessages.error('PEGAWAI_TIDAK_AKTIF');
    if (opdCode && opdCode !== e.opd_code) {
      throw AccountMessages.error('ADMIN_OPD_DI_LUAR_OPD_PEGAWAI', { opd: e.opd_code }, 'opd');
    }
    const state = e.account_id && e.account_status === 'AKTIF' ? { status: 'AKTIF' as const, accountId: e.account_id } : await this.provision(employeeId, actor);
    if (state.status !== 'AKTIF' || !state.accountId) throw this.unavailable();
    let held: boolean;
    try {
      await this.directory.update(state.accountId, { attributes: { nip: e.nip, opd: e.opd_code } });
      held = (await this.directory.realmRoles(state.accountId)).includes(Role.adminOpd);
      if (!held) await this.directory.addRealmRoles(state.accountId, [Role.adminOpd]);
    } catch (error) {
      if (error instanceof AccountDirectoryError) throw this.unavailable();
      throw error;
    }
    // Granting a role the account already holds changes nothing and announces nothing.
    if (!held) await this.recordRoleChange(employeeId, { granted: true, role: Role.adminOpd, opd: this.opdRef(e), nip: e.nip, reason: null }, actor);
    return this.state(employeeId);
  }

  async revokeAdminOpd(employeeId: string, actor: Actor): Promise<AccountState> {
    return this.revokeRole(employeeId, Role.adminOpd, actor);
  }

  /**
   * Grants `admin-bkpsdm` or `pimpinan` (city-wide roles; admin-opd has its own rule above). The
   * account is created first when the employee has none yet.
   */
  async grantRole(employeeId: string, role: ElevatedRole, actor: Actor): Promise<AccountState> {
    if (role === Role.adminOpd) return this.grantAdminOpd(employeeId, undefined, actor);
    const e = await this.row(employeeId);
    if (!isWorking(e.status)) throw AccountMessages.error('PEGAWAI_TIDAK_AKTIF');
    const state = e.account_id && e.account_status === 'AKTIF' ? { status: 'AKTIF' as const, accountId: e.account_id } : await this.provision(employeeId, actor);
    if (state.status !== 'AKTIF' || !state.accountId) throw this.unavailable();
    let held: boolean;
    try {
      held = (await this.directory.realmRoles(state.accountId)).includes(role);
      if (!held) await this.directory.addRealmRoles(state.accountId, [role]);
    } catch (error) {
      if (error instanceof AccountDirectoryError) throw this.unavailable();
      throw error;
    }
    if (!held) await this.recordRoleChange(employeeId, { granted: true, role, opd: null, nip: e.nip, reason: null }, actor);
    return this.state(employeeId);
  }

  /** Takes an elevated role away; revoking a role the account does not hold changes nothing. */
  async revokeRole(employeeId: string, role: ElevatedRole, actor: Actor): Promise<AccountState> {
    const e = await this.row(employeeId);
    if (!e.account_id) throw AccountMessages.error('AKUN_TIDAK_ADA');
    let held: boolean;
    try {
      held = (await this.directory.realmRoles(e.account_id)).includes(role);
      if (held) await this.directory.removeRealmRoles(e.account_id, [role]);
    } catch (error) {
      if (error instanceof AccountDirectoryError) throw this.unavailable();
      throw error;
    }
    if (held) await this.recordRoleChange(employeeId, { granted: false, role, opd: role === Role.adminOpd ? this.opdRef(e) : null, nip: e.nip, reason: null }, actor);
    return this.state(employeeId);
  }

  private unavailable(): ProblemException {
    return new ProblemException(503, 'LAYANAN_IDENTITAS_TIDAK_TERSEDIA', 'Layanan identitas (Keycloak) sedang tidak dapat dihubungi; coba lagi');
  }
}
