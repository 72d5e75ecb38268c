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
} from '@capaian/kinerja';
import type { RuleViolation } from '../../org-unit/domain/org-unit.rules';
import type { FieldViolation } from '../../position/domain/position.rules';

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
export function validateEmployeeFacts(facts: EmployeeFacts, options: NomorIndukOptions = {}): FieldViolation[] {
  const errors: FieldViolation[] = [];
  const nomor = validateNomorInduk(facts.nip, facts.jenisAsn, { ...options, tanggalLahir: facts.birthDate, jenisKelamin: facts.sex });
  for (const e of nomor.errors) errors.push({ field: 'nip', code: e.code, message: e.message });
  for (const e of validateGolongan(facts.jenisAsn, facts.golongan, facts.pangkat)) errors.push({ field: e.field, code: e.code, message: e.message });
  return errors;
}

/** The pangkat stored with a golongan: derived, so it can never disagree with it. */
export function derivedPangkat(golongan: string | null): string | null {
  return golongan ? pangkatOf(golongan) : null;
}

export function checkJabatanForJenisAsn(jenisAsn: JenisAsn, jenisJabatan: JenisJabatan): FieldViolation | null {
  const e = validateJabatanForJenisAsn(jenisAsn, jenisJabatan);
  return e ? { field: 'positionId', code: e.code, message: e.message } : null;
}

/** A position takes people up to its capacity (formasi). */
export function checkCapacity(positionCode: string, capacity: number, occupants: number): RuleViolation | null {
  if (occupants >= capacity) {
    return { status: 409, code: 'JABATAN_PENUH', field: 'positionId', message: `Jabatan ${positionCode} sudah terisi penuh (${occupants} dari ${capacity})` };
  }
  return null;
}

/** Status changes: AKTIF ↔ CUTI; either to PENSIUN or KELUAR; nothing after leaving. */
export function checkStatusChange(from: StatusPegawai, to: StatusPegawai): RuleViolation | null {
  if (from === to) return { status: 409, code: 'STATUS_TIDAK_BERUBAH', field: 'status', message: `Status pegawai sudah ${to}` };
  if (!isActiveStatus(from)) {
    return { status: 409, code: 'PEGAWAI_SUDAH_BERHENTI', message: `Pegawai sudah berstatus ${from}; perubahan status tidak dapat dilakukan` };
  }
  return null;
}

/** Kenaikan pangkat moves up within the employee's own scale. */
export function checkPromotion(jenisAsn: JenisAsn, from: string | null, to: string): RuleViolation | null {
  const pppk = jenisAsn === 'PPPK' || jenisAsn === 'PPPK_PARUH_WAKTU';
  const sameScale = pppk ? isGolonganPppk(to) : isGolonganPns(to);
  if (!sameScale) {
    return { status: 422, code: 'GOLONGAN_TIDAK_SESUAI_JENIS_ASN', field: 'golongan', message: `Golongan ${to} tidak berlaku untuk ${jenisAsn}` };
  }
  if (from && golonganRank(to) <= golonganRank(from)) {
    return { status: 422, code: 'GOLONGAN_TIDAK_NAIK', field: 'golongan', message: `Kenaikan pangkat harus ke golongan yang lebih tinggi dari ${from}` };
  }
  return null;
}

/** Jenis ASN changes only by appointment of a CPNS as PNS; a PPPK who becomes PNS gets a new NIP. */
export function checkJenisAsnChange(from: JenisAsn, to: JenisAsn): RuleViolation | null {
  if (from === to) return null;
  if (from === 'CPNS' && to === 'PNS') return null;
  return { status: 422, code: 'PERUBAHAN_JENIS_ASN_TIDAK_DIIZINKAN', field: 'jenisAsn', message: `Jenis ASN tidak dapat diubah dari ${from} menjadi ${to}` };
}

/**
 * An override names another working employee who is not below this one (else the reporting line
 * would loop). `chainOfCandidate` is the candidate's own supervisor chain (ids, nearest first).
 */
export function checkSupervisorOverride(
  employeeId: string,
  candidate: { id: string; status: StatusPegawai },
  chainOfCandidate: readonly string[],
): RuleViolation | null {
  if (candidate.id === employeeId) {
    return { status: 422, code: 'ATASAN_DIRI_SENDIRI', field: 'supervisorId', message: 'Pegawai tidak dapat menjadi atasan dirinya sendiri' };
  }
  if (!isActiveStatus(candidate.status)) {
    return { status: 422, code: 'ATASAN_TIDAK_AKTIF', field: 'supervisorId', message: 'Atasan yang ditunjuk tidak lagi aktif' };
  }
  if (chainOfCandidate.includes(employeeId)) {
    return { status: 422, code: 'ATASAN_SIKLUS', field: 'supervisorId', message: 'Atasan yang ditunjuk adalah bawahan pegawai ini; garis atasan akan berputar' };
  }
  return null;
}

/** Splits a full name into the given and family names Keycloak wants (the last word is the family name). */
export function splitName(name: string): { firstName: string; lastName: string } {
  const words = name.trim().split(/\s+/);
  if (words.length === 1) return { firstName: words[0], lastName: words[0] };
  return { firstName: words.slice(0, -1).join(' '), lastName: words[words.length - 1] };
}
