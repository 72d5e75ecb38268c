import { automaticSuperior, checkPositionClosure, checkSuperior, validatePositionAttributes } from './position.rules';

describe('position rules', () => {
  it.each([
    [{ jenisJabatan: 'ADMINISTRATOR', jenjang: null, kelasJabatan: 11, capacity: 1, head: true }, []],
    [{ jenisJabatan: 'FUNGSIONAL_KEAHLIAN', jenjang: 'AHLI_MADYA', kelasJabatan: 10, capacity: 1, head: true }, []],
    [{ jenisJabatan: 'PELAKSANA', jenjang: null, kelasJabatan: 5, capacity: 8, head: false }, []],
    [{ jenisJabatan: 'PELAKSANA', jenjang: null, kelasJabatan: 5, capacity: 1, head: true }, ['KEPALA_UNIT_TIDAK_BOLEH_PELAKSANA']],
    [{ jenisJabatan: 'PENGAWAS', jenjang: null, kelasJabatan: 9, capacity: 2, head: true }, ['KEPALA_UNIT_HANYA_SATU']],
    [{ jenisJabatan: 'FUNGSIONAL_KEAHLIAN', jenjang: null, kelasJabatan: 8, capacity: 1, head: false }, ['JENJANG_WAJIB']],
    [{ jenisJabatan: 'PELAKSANA', jenjang: null, kelasJabatan: 18, capacity: 0, head: false }, ['KELAS_JABATAN_TIDAK_VALID', 'KEBUTUHAN_TIDAK_VALID']],
  ] as const)('%o → %j', (attributes, codes) => {
    expect(validatePositionAttributes(attributes).map((e) => e.code)).toEqual(codes);
  });

  describe('automatic superior', () => {
    // Unit chain nearest first: seksi (head S) ← bidang (no head) ← dinas (head D) ← root (no head).
    const chain = [
      { unitId: 'seksi', headPositionId: 'S' },
      { unitId: 'bidang', headPositionId: null },
      { unitId: 'dinas', headPositionId: 'D' },
      { unitId: 'root', headPositionId: null },
    ];
    it('a staff position reports to the head of its unit', () => expect(automaticSuperior('staff', false, chain)).toBe('S'));
    it('a head reports to the nearest head above, skipping units without one', () => expect(automaticSuperior('S', true, chain)).toBe('D'));
    it('the top head reports to nobody', () => expect(automaticSuperior('D', true, chain.slice(2))).toBeNull());
    it('a staff position of a unit without head walks up', () => expect(automaticSuperior('x', false, chain.slice(1))).toBe('D'));
  });

  describe('explicit superior', () => {
    const candidate = { id: 'B', code: 'B', status: 'AKTIF' as const, capacity: 1 };
    it('accepts an open single-holder position', () => expect(checkSuperior('A', candidate, ['C'])).toBeNull());
    it('refuses itself', () => expect(checkSuperior('B', candidate, [])?.code).toBe('JABATAN_ATASAN_DIRI_SENDIRI'));
    it('refuses a cycle', () => expect(checkSuperior('A', candidate, ['C', 'A', 'D'])?.code).toBe('JABATAN_SIKLUS'));
    it('refuses a closed position', () => expect(checkSuperior('A', { ...candidate, status: 'DITUTUP' }, [])?.code).toBe('JABATAN_ATASAN_DITUTUP'));
    it('refuses a position held by many', () => expect(checkSuperior('A', { ...candidate, capacity: 3 }, [])?.code).toBe('JABATAN_ATASAN_HARUS_TUNGGAL'));
  });

  it.each([
    [{ occupants: 0, reportingPositions: 0 }, 'AKTIF', null],
    [{ occupants: 1, reportingPositions: 0 }, 'AKTIF', 'JABATAN_MASIH_DIDUDUKI'],
    [{ occupants: 0, reportingPositions: 2 }, 'AKTIF', 'JABATAN_MASIH_MENJADI_ATASAN'],
    [{ occupants: 0, reportingPositions: 0 }, 'DITUTUP', 'JABATAN_SUDAH_DITUTUP'],
  ] as const)('closing %o (%s) → %s', (blockers, status, code) => {
    expect(checkPositionClosure('X', status, blockers)?.code ?? null).toBe(code);
  });
});
