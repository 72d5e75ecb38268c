import { chainWithinOpd, chooseAppraisers, type ChainLink } from './domain';

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
