import {
  golonganRank,
  isActiveStatus,
  isGolonganPns,
  isGolonganPppk,
  pangkatOf,
  validateGolongan,
  validateJabatanForJenisAsn,
  validateNomorInduk,
  type IsoDate,
  type JenisAsn,
  type JenisJabatan,
  type JenisKelamin,
  type NomorIndukOptions,
  type StatusPegawai,
  type Violation,
} from '@capaian/kinerja';
import { kernelViolation } from '../../common/personnel.messages';
import { PositionMessages } from '../../position/position.messages';
import { EmployeeMessages as M } from '../employee.messages';

/**
 * The statuses in which an employee holds a position and counts as working (on leave included).
 * Every query and rule about "active employees" uses this list, through `isWorking` here and the
 * employee repository's SQL condition.
 */
export const WORKING_STATUSES: readonly StatusPegawai[] = ['AKTIF', 'CUTI'];

export function isWorking(status: string): boolean {
  return (WORKING_STATUSES as readonly string[]).includes(status);
}

/** The identity and rank of an employee as the rules check them (hire, import, edit). */
export interface EmployeeFacts {
  nip: string;
  jenisAsn: JenisAsn;
  birthDate: IsoDate;
  sex: JenisKelamin;
  golongan: string | null;
  pangkat?: string | null;
}

/**
 * NIP/NI PPPK against jenis ASN, birth date and sex; golongan and pangkat against jenis ASN.
 * Every problem is returned (field, code, message), not just the first.
 */
export function validateEmployeeFacts(facts: EmployeeFacts, options: NomorIndukOptions = {}): Violation[] {
  const errors: Violation[] = [];
  const nomor = validateNomorInduk(facts.nip, facts.jenisAsn, { ...options, tanggalLahir: facts.birthDate, jenisKelamin: facts.sex });
  for (const e of nomor.errors) errors.push(kernelViolation(M, e, 'nip'));
  for (const e of validateGolongan(facts.jenisAsn, facts.golongan, facts.pangkat)) errors.push(kernelViolation(M, e));
  return errors;
}

/** The pangkat stored with a golongan: derived, so it can never disagree with it. */
export function derivedPangkat(golongan: string | null): string | null {
  return golongan ? pangkatOf(golongan) : null;
}

export function checkJabatanForJenisAsn(jenisAsn: JenisAsn, jenisJabatan: JenisJabatan, field = 'positionId'): Violation | null {
  const e = validateJabatanForJenisAsn(jenisAsn, jenisJabatan);
  return e ? kernelViolation(M, e, field) : null;
}

/** A position takes people up to its capacity (formasi). */
export function checkCapacity(positionCode: string, capacity: number, occupants: number, field = 'positionId'): Violation | null {
  if (occupants >= capacity) return PositionMessages.violation('JABATAN_PENUH', { code: positionCode, occupied: occupants, capacity }, field);
  return null;
}

/** Status changes: AKTIF ↔ CUTI; either to PENSIUN or KELUAR; nothing after leaving. */
export function checkStatusChange(from: StatusPegawai, to: StatusPegawai): Violation | null {
  if (from === to) return M.violation('STATUS_TIDAK_BERUBAH', { status: to }, 'status');
  return checkStillWorking(from, 'diubah statusnya');
}

/** Who has left (pensiun, keluar) is history: no transfer, promotion or other change any more. */
export function checkStillWorking(status: StatusPegawai, action: string): Violation | null {
  return isActiveStatus(status) ? null : M.violation('PEGAWAI_SUDAH_BERHENTI', { status, action });
}

/** Kenaikan pangkat moves up within the employee's own scale. */
export function checkPromotion(jenisAsn: JenisAsn, from: string | null, to: string | null, field = 'golongan'): Violation | null {
  const pppk = jenisAsn === 'PPPK' || jenisAsn === 'PPPK_PARUH_WAKTU';
  if (to === null) return M.violation('GOLONGAN_TIDAK_NAIK', { from: from ?? '-' }, field);
  const sameScale = pppk ? isGolonganPppk(to) : isGolonganPns(to);
  if (!sameScale) return M.violation('GOLONGAN_TIDAK_SESUAI_JENIS_ASN', { golongan: to, jenisAsn }, field);
  if (from && golonganRank(to) <= golonganRank(from)) return M.violation('GOLONGAN_TIDAK_NAIK', { from }, field);
  return null;
}

/** Jenis ASN changes only by appointment of a CPNS as PNS; a PPPK who becomes PNS gets a new NIP. */
export function checkJenisAsnChange(from: JenisAsn, to: JenisAsn, field = 'jenisAsn'): Violation | null {
  if (from === to) return null;
  if (from === 'CPNS' && to === 'PNS') return null;
  return M.violation('PERUBAHAN_JENIS_ASN_TIDAK_DIIZINKAN', { from, to }, field);
}

/**
 * An override names another working employee who is not below this one (else the reporting line
 * would loop). `chainOfCandidate` is the candidate's own supervisor chain (ids, nearest first).
 */
export function checkSupervisorOverride(
  employeeId: string,
  candidate: { id: string; status: StatusPegawai },
  chainOfCandidate: readonly string[],
): Violation | null {
  if (candidate.id === employeeId) return M.violation('ATASAN_DIRI_SENDIRI', {}, 'supervisorId');
  if (!isActiveStatus(candidate.status)) return M.violation('ATASAN_TIDAK_AKTIF', {}, 'supervisorId');
  if (chainOfCandidate.includes(employeeId)) return M.violation('ATASAN_SIKLUS', {}, 'supervisorId');
  return null;
}

/** Splits a full name into the given and family names Keycloak wants (the last word is the family name). */
export function splitName(name: string): { firstName: string; lastName: string } {
  const words = name.trim().split(/\s+/);
  if (words.length === 1) return { firstName: words[0], lastName: words[0] };
  return { firstName: words.slice(0, -1).join(' '), lastName: words[words.length - 1] };
}
