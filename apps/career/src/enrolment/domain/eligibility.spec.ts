import { DEFAULT_COMPETENCY_DEVELOPMENT_POLICY } from '@capaian/kinerja';
import { admittedPositionKinds, checkEligibility, overlappingPlace } from './eligibility';

const person = (positionKind: string | null, jenisAsn = 'PNS', status = 'AKTIF') => ({ positionKind, jenisAsn, status });
const codes = (v: { code: string }[]) => v.map((x) => x.code);

describe('eligibility per position kind', () => {
  it('admits PKA for administrators and PKP for pengawas only, by the kernel position kinds', () => {
    const pka = { form: 'pka' as const, jp: 40, eligiblePositionKinds: [] };
    const pkp = { form: 'pkp' as const, jp: 40, eligiblePositionKinds: [] };
    expect(admittedPositionKinds(pka)).toEqual(['ADMINISTRATOR']);
    expect(checkEligibility(pka, person('ADMINISTRATOR'), 0)).toEqual([]);
    expect(codes(checkEligibility(pka, person('PENGAWAS'), 0))).toEqual(['TIDAK_MEMENUHI_SYARAT_JABATAN']);
    expect(checkEligibility(pkp, person('PENGAWAS'), 0)).toEqual([]);
    expect(codes(checkEligibility(pkp, person('FUNGSIONAL_KEAHLIAN'), 0))).toEqual(['TIDAK_MEMENUHI_SYARAT_JABATAN']);
    expect(codes(checkEligibility(pkp, person(null), 0))).toEqual(['TIDAK_MEMENUHI_SYARAT_JABATAN']);
    const msg = checkEligibility(pkp, person('FUNGSIONAL_KEAHLIAN'), 0)[0].message;
    expect(msg).toBe('Program ini hanya untuk jenis jabatan pengawas; jabatan pegawai adalah fungsional keahlian');
  });

  it('uses the program’s own list when it has one, and admits everyone to a general program', () => {
    const digital = { form: 'pelatihan_klasikal' as const, jp: 20, eligiblePositionKinds: ['FUNGSIONAL_KEAHLIAN', 'FUNGSIONAL_KETERAMPILAN'] };
    expect(checkEligibility(digital, person('FUNGSIONAL_KEAHLIAN'), 0)).toEqual([]);
    expect(codes(checkEligibility(digital, person('PELAKSANA'), 0))).toEqual(['TIDAK_MEMENUHI_SYARAT_JABATAN']);
    const general = { form: 'seminar' as const, jp: 8, eligiblePositionKinds: [] };
    for (const kind of ['JPT_PRATAMA', 'PELAKSANA', 'FUNGSIONAL_KETERAMPILAN']) expect(checkEligibility(general, person(kind), 0)).toEqual([]);
  });

  it('refuses someone who left, and keeps a PPPK within the yearly ceiling (not a minimum)', () => {
    const general = { form: 'pelatihan_klasikal' as const, jp: 20, eligiblePositionKinds: [] };
    expect(codes(checkEligibility(general, person('PELAKSANA', 'PNS', 'PENSIUN'), 0))).toEqual(['PEGAWAI_TIDAK_AKTIF']);
    expect(checkEligibility(general, person('PELAKSANA', 'PPPK'), 4)).toEqual([]);
    expect(codes(checkEligibility(general, person('PELAKSANA', 'PPPK'), 5))).toEqual(['BATAS_JP_PPPK_TERLAMPAUI']);
    expect(checkEligibility(general, person('PELAKSANA', 'PNS'), 500)).toEqual([]);
    const raised = { ...DEFAULT_COMPETENCY_DEVELOPMENT_POLICY, PPPK: { minimumJp: null, maximumJp: 30 } };
    expect(checkEligibility(general, person('PELAKSANA', 'PPPK'), 10, raised)).toEqual([]);
  });

  it('finds overlapping sessions inclusively and ignores the same session', () => {
    const c = { sessionId: 's1', startDate: '2026-05-04', endDate: '2026-05-08' };
    expect(overlappingPlace(c, [{ sessionId: 's2', startDate: '2026-05-08', endDate: '2026-05-09' }])?.sessionId).toBe('s2');
    expect(overlappingPlace(c, [{ sessionId: 's3', startDate: '2026-05-09', endDate: '2026-05-10' }, { sessionId: 's1', startDate: '2026-05-04', endDate: '2026-05-08' }])).toBeNull();
    expect(overlappingPlace(c, [{ sessionId: 's4', startDate: '2026-04-01', endDate: '2026-05-04' }])?.sessionId).toBe('s4');
  });
});
