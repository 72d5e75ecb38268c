import { appraisersIn, chainIn, chainWithinOpd, chooseAppraisers, NO_APPRAISERS, sameAppraisers, shieldsReports, type ChainLink, type GraphNode } from './domain';

const link = (id: string, jenis: ChainLink['jenisJabatan'], opd = 'OPD', opdHead = false, unitHead = false): ChainLink => ({
  employeeId: id,
  jenisJabatan: jenis,
  opdId: opd,
  opdHead,
  unitHead,
});

describe('reporting chain rules', () => {
  const chain = [link('kasubbag', 'PENGAWAS'), link('sekretaris', 'ADMINISTRATOR'), link('kadis', 'JPT_PRATAMA', 'OPD', true), link('sekda', 'JPT_PRATAMA', 'SETDA', true)];

  it('stops the chain at the OPD head', () => {
    expect(chainWithinOpd('OPD', chain).map((l) => l.employeeId)).toEqual(['kasubbag', 'sekretaris', 'kadis']);
  });

  it('stops when the chain leaves the OPD (an override to someone outside)', () => {
    expect(chainWithinOpd('OPD', [link('x', 'PENGAWAS', 'OTHER'), ...chain]).map((l) => l.employeeId)).toEqual([]);
  });

  it('the pejabat penilai is the direct supervisor when at least pengawas', () => {
    expect(chooseAppraisers(chain, false)).toEqual({ penilai: 0, atasanPenilai: 1, basis: 'ATASAN_LANGSUNG' });
  });

  it('skips supervisors below pengawas', () => {
    const withJf = [link('koordinator', 'FUNGSIONAL_KEAHLIAN'), ...chain];
    expect(chooseAppraisers(withJf, false)).toEqual({ penilai: 1, atasanPenilai: 2, basis: 'ATASAN_BERJENJANG' });
  });

  it('a head of unit qualifies even as a fungsional (kepala sekolah)', () => {
    const school = [link('kepsek', 'FUNGSIONAL_KEAHLIAN', 'DISDIK', false, true), link('kabid', 'ADMINISTRATOR', 'DISDIK')];
    expect(chooseAppraisers(school, false)).toEqual({ penilai: 0, atasanPenilai: 1, basis: 'ATASAN_LANGSUNG' });
  });

  it('an override is a delegation whatever the position', () => {
    expect(chooseAppraisers([link('delegate', 'PELAKSANA'), link('boss', 'ADMINISTRATOR')], true)).toEqual({ penilai: 0, atasanPenilai: 1, basis: 'PENUNJUKAN' });
  });

  it('the atasan penilai may be missing; no chain means no appraiser', () => {
    expect(chooseAppraisers([link('sekda', 'JPT_PRATAMA')], false)).toEqual({ penilai: 0, atasanPenilai: null, basis: 'ATASAN_LANGSUNG' });
    expect(chooseAppraisers([], false)).toBeNull();
    expect(chooseAppraisers([link('jf', 'PELAKSANA')], false)).toBeNull();
  });
});

describe('appraisers from the reporting graph', () => {
  const node = (id: string, sup: string | null, jenis: GraphNode['jenisJabatan'], extra: Partial<GraphNode> = {}): GraphNode => ({
    employeeId: id,
    supervisorId: sup,
    overrideId: null,
    jenisJabatan: jenis,
    opdId: 'OPD',
    opdHead: false,
    unitHead: false,
    ...extra,
  });
  const graph = (...list: GraphNode[]) => new Map(list.map((n) => [n.employeeId, n]));
  const base = [node('kadis', 'sekda', 'JPT_PRATAMA', { opdHead: true }), node('sekda', null, 'JPT_PRATAMA', { opdId: 'SETDA' }), node('kabid', 'kadis', 'ADMINISTRATOR')];

  it('walks the chain nearest first and stops at a repeat', () => {
    const g = graph(...base, node('staf', 'kabid', 'PELAKSANA'));
    expect(chainIn('staf', g).map((n) => n.employeeId)).toEqual(['kabid', 'kadis', 'sekda']);
    const loop = graph(node('a', 'b', 'PELAKSANA'), node('b', 'a', 'PELAKSANA'));
    expect(chainIn('a', loop).map((n) => n.employeeId)).toEqual(['b']);
  });

  it('gives the same answer as chooseAppraisers on the chain', () => {
    const g = graph(...base, node('jf', 'kabid', 'FUNGSIONAL_KEAHLIAN'), node('staf', 'jf', 'PELAKSANA'));
    expect(appraisersIn('staf', g)).toEqual({ penilaiId: 'kabid', atasanPenilaiId: 'kadis', basis: 'ATASAN_BERJENJANG' });
    expect(appraisersIn('kabid', g)).toEqual({ penilaiId: 'kadis', atasanPenilaiId: 'sekda', basis: 'ATASAN_LANGSUNG' });
    expect(appraisersIn('sekda', g)).toEqual(NO_APPRAISERS);
    expect(appraisersIn('unknown', g)).toEqual(NO_APPRAISERS);
  });

  it('an override that is the effective supervisor is a delegation', () => {
    const g = graph(...base, node('pelaksana', 'kabid', 'PELAKSANA'), node('staf', 'pelaksana', 'PELAKSANA', { overrideId: 'pelaksana' }));
    expect(appraisersIn('staf', g)).toEqual({ penilaiId: 'pelaksana', atasanPenilaiId: 'kabid', basis: 'PENUNJUKAN' });
    expect(sameAppraisers(appraisersIn('staf', g), { penilaiId: 'pelaksana', atasanPenilaiId: 'kabid', basis: 'PENUNJUKAN' })).toBe(true);
    expect(sameAppraisers(appraisersIn('staf', g), NO_APPRAISERS)).toBe(false);
  });

  it('only people who may appraise shield their reports from changes above them', () => {
    expect(shieldsReports(node('x', null, 'PENGAWAS'))).toBe(true);
    expect(shieldsReports(node('x', null, 'FUNGSIONAL_KEAHLIAN', { unitHead: true }))).toBe(true);
    expect(shieldsReports(node('x', null, 'PELAKSANA'))).toBe(false);
  });
});
