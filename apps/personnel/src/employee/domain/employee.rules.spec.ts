import { checkCapacity, checkJenisAsnChange, checkPromotion, checkStatusChange, checkSupervisorOverride, derivedPangkat, splitName, validateEmployeeFacts } from './employee.rules';

const today = { referenceDate: '2026-11-28' };

describe('employee rules', () => {
  it('accepts consistent facts of the demo users', () => {
    expect(validateEmployeeFacts({ nip: '199203152019031004', jenisAsn: 'PNS', birthDate: '1992-03-15', sex: 'L', golongan: 'III/b' }, today)).toEqual([]);
    expect(validateEmployeeFacts({ nip: '199505052023212005', jenisAsn: 'PPPK', birthDate: '1995-05-05', sex: 'P', golongan: 'IX' }, today)).toEqual([]);
  });

  it('reports every inconsistency with its field', () => {
    const errors = validateEmployeeFacts({ nip: '199203152019031004', jenisAsn: 'PNS', birthDate: '1992-03-16', sex: 'P', golongan: 'IX', pangkat: 'Penata' }, today);
    expect(errors.map((e) => `${e.field}:${e.code}`).sort()).toEqual(
      ['golongan:GOLONGAN_TIDAK_SESUAI_JENIS_ASN', 'nip:NIP_JENIS_KELAMIN_TIDAK_SESUAI', 'nip:NIP_TANGGAL_LAHIR_TIDAK_SESUAI'].sort(),
    );
  });

  it('reads a PPPK number as NI PPPK, never as NIP', () => {
    expect(validateEmployeeFacts({ nip: '199505052023212005', jenisAsn: 'PNS', birthDate: '1995-05-05', sex: 'P', golongan: 'III/a' }, today).map((e) => e.code)).toContain(
      'NIP_TMT_TIDAK_VALID',
    );
  });

  it('derives pangkat from golongan', () => {
    expect(derivedPangkat('III/b')).toBe('Penata Muda Tingkat I');
    expect(derivedPangkat('IX')).toBeNull();
    expect(derivedPangkat(null)).toBeNull();
  });

  it.each([
    [1, 0, null],
    [1, 1, 'JABATAN_PENUH'],
    [4, 3, null],
    [4, 4, 'JABATAN_PENUH'],
  ])('capacity %i with %i holders → %s', (capacity, occupants, code) => {
    expect(checkCapacity('X', capacity, occupants)?.code ?? null).toBe(code);
  });

  it.each([
    ['AKTIF', 'CUTI', null],
    ['CUTI', 'AKTIF', null],
    ['AKTIF', 'PENSIUN', null],
    ['CUTI', 'KELUAR', null],
    ['AKTIF', 'AKTIF', 'STATUS_TIDAK_BERUBAH'],
    ['PENSIUN', 'AKTIF', 'PEGAWAI_SUDAH_BERHENTI'],
    ['KELUAR', 'CUTI', 'PEGAWAI_SUDAH_BERHENTI'],
  ] as const)('status %s → %s: %s', (from, to, code) => {
    expect(checkStatusChange(from, to)?.code ?? null).toBe(code);
  });

  it.each([
    ['PNS', 'III/a', 'III/b', null],
    ['PNS', 'III/d', 'IV/a', null],
    ['PNS', 'III/b', 'III/b', 'GOLONGAN_TIDAK_NAIK'],
    ['PNS', 'III/b', 'III/a', 'GOLONGAN_TIDAK_NAIK'],
    ['PNS', 'III/b', 'X', 'GOLONGAN_TIDAK_SESUAI_JENIS_ASN'],
    ['PPPK', 'IX', 'X', null],
    ['PPPK', 'IX', 'III/a', 'GOLONGAN_TIDAK_SESUAI_JENIS_ASN'],
  ] as const)('%s promotion %s → %s: %s', (jenis, from, to, code) => {
    expect(checkPromotion(jenis, from, to)?.code ?? null).toBe(code);
  });

  it.each([
    ['CPNS', 'PNS', null],
    ['PNS', 'PNS', null],
    ['PNS', 'CPNS', 'PERUBAHAN_JENIS_ASN_TIDAK_DIIZINKAN'],
    ['PPPK', 'PNS', 'PERUBAHAN_JENIS_ASN_TIDAK_DIIZINKAN'],
  ] as const)('jenis ASN %s → %s: %s', (from, to, code) => {
    expect(checkJenisAsnChange(from, to)?.code ?? null).toBe(code);
  });

  it('refuses overrides to oneself, to someone gone, and to someone below', () => {
    expect(checkSupervisorOverride('a', { id: 'a', status: 'AKTIF' }, [])?.code).toBe('ATASAN_DIRI_SENDIRI');
    expect(checkSupervisorOverride('a', { id: 'b', status: 'PENSIUN' }, [])?.code).toBe('ATASAN_TIDAK_AKTIF');
    expect(checkSupervisorOverride('a', { id: 'b', status: 'AKTIF' }, ['c', 'a'])?.code).toBe('ATASAN_SIKLUS');
    expect(checkSupervisorOverride('a', { id: 'b', status: 'CUTI' }, ['c', 'd'])).toBeNull();
  });

  it('splits names for Keycloak', () => {
    expect(splitName('Siti Rahmawati')).toEqual({ firstName: 'Siti', lastName: 'Rahmawati' });
    expect(splitName('Muhammad Rizki Saputra')).toEqual({ firstName: 'Muhammad Rizki', lastName: 'Saputra' });
    expect(splitName('Sukarno')).toEqual({ firstName: 'Sukarno', lastName: 'Sukarno' });
  });
});
