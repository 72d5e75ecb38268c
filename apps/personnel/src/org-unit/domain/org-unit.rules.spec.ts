import { checkHeadCandidate, checkClosure, checkMoveCycle, checkPlacement, isOpdKind, levelUnder, type UnitKind, type UnitNode } from './org-unit.rules';

const node = (kind: UnitKind, status: 'AKTIF' | 'DITUTUP' = 'AKTIF', id = kind): UnitNode => ({ id, code: id, kind, parentId: null, status });

describe('organisation tree rules', () => {
  it.each([
    ['DINAS', 'PEMERINTAH_KOTA', null],
    ['KECAMATAN', 'PEMERINTAH_KOTA', null],
    ['RUMAH_SAKIT_DAERAH', 'PEMERINTAH_KOTA', null],
    ['BIDANG', 'DINAS', null],
    ['BAGIAN', 'SEKRETARIAT_DAERAH', null],
    ['BAGIAN', 'ASISTEN', null],
    ['SEKSI', 'BIDANG', null],
    ['SEKSI', 'KECAMATAN', null],
    ['SUBBAGIAN', 'SEKRETARIAT', null],
    ['KELURAHAN', 'KECAMATAN', null],
    ['UPTD', 'DINAS', null],
    ['DINAS', 'DINAS', 'JENIS_UNIT_TIDAK_SESUAI_INDUK'],
    ['BIDANG', 'PEMERINTAH_KOTA', 'JENIS_UNIT_TIDAK_SESUAI_INDUK'],
    ['SEKSI', 'SEKSI', 'JENIS_UNIT_TIDAK_SESUAI_INDUK'],
    ['KELURAHAN', 'DINAS', 'JENIS_UNIT_TIDAK_SESUAI_INDUK'],
    ['SUBBAGIAN', 'BIDANG', 'JENIS_UNIT_TIDAK_SESUAI_INDUK'],
  ] as const)('%s under %s → %s', (kind, parentKind, code) => {
    expect(checkPlacement(kind, node(parentKind), true)?.code ?? null).toBe(code);
  });

  it('refuses orphans and closed parents, and a second root', () => {
    expect(checkPlacement('BIDANG', null, true)).toMatchObject({ code: 'UNIT_INDUK_WAJIB', kind: 'rule' });
    expect(checkPlacement('BIDANG', node('DINAS', 'DITUTUP'), true)).toMatchObject({ code: 'UNIT_INDUK_DITUTUP' });
    expect(checkPlacement('PEMERINTAH_KOTA', null, false)).toBeNull();
    expect(checkPlacement('PEMERINTAH_KOTA', null, true)).toMatchObject({ code: 'UNIT_AKAR_SUDAH_ADA', kind: 'conflict' });
    expect(checkPlacement('PEMERINTAH_KOTA', node('DINAS'), false)).toMatchObject({ code: 'UNIT_AKAR_TIDAK_BERINDUK' });
  });

  it('refuses moves that would make a cycle', () => {
    // Tree: root ← dinas ← bidang ← seksi. Moving the bidang under its own seksi loops.
    expect(checkMoveCycle('bidang', 'seksi', ['bidang', 'dinas', 'root'])).toMatchObject({ code: 'UNIT_SIKLUS' });
    expect(checkMoveCycle('bidang', 'bidang', ['dinas', 'root'])).toMatchObject({ code: 'UNIT_SIKLUS' });
    expect(checkMoveCycle('bidang', 'dinas2', ['root'])).toBeNull();
  });

  it.each([
    [{ activeChildUnits: 0, activeEmployees: 0, externalReports: 0 }, null],
    [{ activeChildUnits: 2, activeEmployees: 0, externalReports: 0 }, 'UNIT_MASIH_MEMILIKI_SUBUNIT'],
    [{ activeChildUnits: 0, activeEmployees: 3, externalReports: 0 }, 'UNIT_MASIH_MEMILIKI_PEGAWAI'],
    [{ activeChildUnits: 0, activeEmployees: 0, externalReports: 1 }, 'UNIT_MASIH_MENJADI_ATASAN'],
  ])('closing with %o → %s', (blockers, code) => {
    expect(checkClosure(node('BIDANG'), blockers)?.code ?? null).toBe(code);
  });

  it('never closes the root or a closed unit', () => {
    const none = { activeChildUnits: 0, activeEmployees: 0, externalReports: 0 };
    expect(checkClosure(node('PEMERINTAH_KOTA'), none)?.code).toBe('UNIT_AKAR_TIDAK_DAPAT_DITUTUP');
    expect(checkClosure(node('BIDANG', 'DITUTUP'), none)?.code).toBe('UNIT_SUDAH_DITUTUP');
  });

  it('knows which kinds are OPDs and counts levels', () => {
    expect(isOpdKind('KECAMATAN')).toBe(true);
    expect(isOpdKind('BIDANG')).toBe(false);
    expect(levelUnder(null)).toBe(0);
    expect(levelUnder(1)).toBe(2);
  });
});

describe('head of a unit', () => {
  const unit = { id: 'u1', code: 'DISKOMINFO-EGOV' };
  const pos = { code: 'KABID', unitId: 'u1', status: 'AKTIF' as const, capacity: 1, jenisJabatan: 'ADMINISTRATOR' as const };
  it.each([
    ['a position of the unit', pos, null],
    ['a position of another unit', { ...pos, unitId: 'u2' }, 'KEPALA_UNIT_DI_LUAR_UNIT'],
    ['a closed position', { ...pos, status: 'DITUTUP' as const }, 'JABATAN_SUDAH_DITUTUP'],
    ['a position for several people', { ...pos, capacity: 3 }, 'KEPALA_UNIT_HANYA_SATU'],
    ['a pelaksana', { ...pos, jenisJabatan: 'PELAKSANA' as const }, 'KEPALA_UNIT_TIDAK_BOLEH_PELAKSANA'],
  ])('%s', (_, candidate, code) => {
    const v = checkHeadCandidate(unit, candidate);
    expect(v?.code ?? null).toBe(code);
    if (v) expect(v.field).toBe('headPositionId');
  });
});

