import { BERAKHLAK_CODES, ViolationError } from '@capaian/kinerja';
import { changedRhkIds, checkContent, Skp, SKP_STATUSES, type SkpContent, type SkpSnapshot, type SkpStatus } from './skp';

const snapshot = (over: Partial<SkpSnapshot> = {}): SkpSnapshot => ({
  employeeId: 'e-1',
  nip: '199203152019031004',
  name: 'Dimas Pratama',
  golongan: 'III/b',
  jenisAsn: 'PNS',
  jabatan: { positionId: 'p-1', name: 'Pranata Komputer', jenisJabatan: 'FUNGSIONAL', unitHead: false },
  unit: { unitId: 'u-1', name: 'Bidang Aptika' },
  opd: { unitId: 'o-1', code: 'DISKOMINFO', name: 'Dinas Komunikasi dan Informatika' },
  pejabatPenilai: { employeeId: 'e-2', nip: 'SITI', name: 'Siti' },
  atasanPejabatPenilai: { employeeId: 'e-3', nip: 'AHMAD', name: 'Ahmad' },
  topOfOpd: false,
  ...over,
});

const content = (over: Partial<SkpContent> = {}): SkpContent => ({
  pendekatan: 'KUANTITATIF',
  rhk: [
    {
      id: 'r1',
      kind: 'UTAMA',
      description: 'Pengaduan masyarakat tertangani',
      parentRhkId: 'boss-1',
      indicators: [{ id: 'i1', description: 'Pengaduan tertangani', aspek: 'KUANTITAS', target: 120, unit: 'pengaduan', direction: 'NAIK', evidenceRequired: true }],
    },
  ],
  annex: { resources: [], accountability: [], consequences: [] },
  ...over,
});

const owner = { nip: '199203152019031004' };
const penilai = { nip: 'SITI' };
const stranger = { nip: 'ORANG_LAIN' };
const admin = { nip: 'HENDRA', admin: true };
const allExpectations = Object.fromEntries(BERAKHLAK_CODES.map((c) => [c, `Harapan ${c}`]));
const parents = new Set(['boss-1']);

function draft(over: Partial<SkpSnapshot> = {}, c: SkpContent = content()): Skp {
  return Skp.draft({ id: 's-1', year: 2026, startDate: '2026-01-01', endDate: '2026-12-31', snapshot: snapshot(over), content: c });
}

/** An SKP brought to `status` through the allowed path. */
function inStatus(status: SkpStatus): Skp {
  const skp = draft();
  if (status === 'DRAFT') return skp;
  if (status === 'DITUTUP') {
    skp.close(admin, 'Mutasi', '2026-06-30');
    return skp;
  }
  skp.submit(owner, parents);
  if (status === 'DIAJUKAN') return skp;
  if (status === 'DIKEMBALIKAN') {
    skp.return(penilai, 'Perjelas target');
    return skp;
  }
  skp.set(penilai, allExpectations, '2026-01-20');
  if (status === 'DITETAPKAN') return skp;
  skp.revise(owner, 'Dialog kinerja', 's-2');
  return skp; // DIGANTI
}

function codeOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ViolationError) return e.violations.map((v) => v.code);
    throw e;
  }
  return [];
}

describe('SKP workflow: every transition allowed and refused', () => {
  const attempts: Record<string, (s: Skp) => unknown> = {
    edit: (s) => s.edit(owner, content()),
    submit: (s) => s.submit(owner, parents),
    set: (s) => s.set(penilai, allExpectations, '2026-01-20'),
    return: (s) => s.return(penilai, 'Catatan'),
    revise: (s) => s.revise(owner, 'Alasan', 'new'),
    close: (s) => s.close(admin, 'Mutasi', '2026-06-30'),
  };
  const allowed: Record<string, SkpStatus[]> = {
    edit: ['DRAFT', 'DIKEMBALIKAN'],
    submit: ['DRAFT', 'DIKEMBALIKAN'],
    set: ['DIAJUKAN'],
    return: ['DIAJUKAN'],
    revise: ['DITETAPKAN'],
    close: ['DRAFT', 'DIAJUKAN', 'DITETAPKAN', 'DIKEMBALIKAN'],
  };
  const target: Record<string, SkpStatus | null> = { edit: null, submit: 'DIAJUKAN', set: 'DITETAPKAN', return: 'DIKEMBALIKAN', revise: 'DIGANTI', close: 'DITUTUP' };

  for (const action of Object.keys(attempts)) {
    for (const status of SKP_STATUSES) {
      if (allowed[action].includes(status)) {
        it(`${action} from ${status} is allowed`, () => {
          const skp = inStatus(status);
          skp.pullEvents();
          attempts[action](skp);
          expect(skp.status).toBe(target[action] ?? status);
          if (target[action]) expect(skp.pullEvents()).toHaveLength(1);
        });
      } else {
        it(`${action} from ${status} is refused with TRANSISI_SKP_TIDAK_DIIZINKAN`, () => {
          const skp = inStatus(status);
          expect(codeOf(() => attempts[action](skp))).toEqual(['TRANSISI_SKP_TIDAK_DIIZINKAN']);
          expect(skp.status).toBe(status);
        });
      }
    }
  }
});

describe('SKP actors', () => {
  it('only the owner submits; only the penilai sets or returns; only an admin closes', () => {
    expect(codeOf(() => draft().submit(stranger, parents))).toEqual(['BUKAN_PEMILIK_SKP']);
    expect(codeOf(() => draft().submit(penilai, parents))).toEqual(['BUKAN_PEMILIK_SKP']);
    expect(codeOf(() => inStatus('DIAJUKAN').set(owner, allExpectations, '2026-01-20'))).toEqual(['BUKAN_PEJABAT_PENILAI']);
    expect(codeOf(() => inStatus('DIAJUKAN').return(stranger, 'x'))).toEqual(['BUKAN_PEJABAT_PENILAI']);
    expect(codeOf(() => draft().close(owner, 'x', '2026-05-01'))).toEqual(['BUKAN_PEMILIK_SKP']);
  });

  it('follows a new penilai once reassigned, and records it', () => {
    const skp = inStatus('DIAJUKAN');
    skp.pullEvents();
    expect(skp.reassignPenilai('BARU')).toBe(true);
    expect(skp.pullEvents()).toEqual([{ kind: 'penilai-changed', skpId: 's-1', previousPenilaiNip: 'SITI', penilaiNip: 'BARU' }]);
    expect(codeOf(() => skp.set(penilai, allExpectations, '2026-01-20'))).toEqual(['BUKAN_PEJABAT_PENILAI']);
    skp.set({ nip: 'BARU' }, allExpectations, '2026-01-20');
    expect(skp.status).toBe('DITETAPKAN');
    expect(inStatus('DITUTUP').reassignPenilai('BARU')).toBe(false);
  });
});

describe('SKP rules', () => {
  it('needs the link to an RHK of the penilai set SKP, except at the top of an OPD', () => {
    const unlinked = content({ rhk: [{ ...content().rhk[0], parentRhkId: null }] });
    expect(codeOf(() => draft({}, unlinked).submit(owner, parents))).toEqual(['INTERVENSI_WAJIB']);
    expect(codeOf(() => draft().submit(owner, new Set()))).toEqual(['INTERVENSI_TIDAK_DIKENAL']);
    const top = draft({ topOfOpd: true, pejabatPenilai: null }, unlinked);
    top.submit(owner, new Set());
    expect(top.status).toBe('DIAJUKAN');
  });

  it('lets a draft be incomplete but not a submission', () => {
    const empty = content({ rhk: [] });
    expect(draft({}, empty).status).toBe('DRAFT');
    expect(codeOf(() => draft({}, empty).submit(owner, parents))).toEqual(['RHK_UTAMA_WAJIB']);
    const noTarget = content({ rhk: [{ ...content().rhk[0], indicators: [{ ...content().rhk[0].indicators[0], target: null, unit: ' ' }] }] });
    expect(codeOf(() => draft({}, noTarget).submit(owner, parents)).sort()).toEqual(['SATUAN_WAJIB', 'TARGET_WAJIB']);
    const qualitative = { ...noTarget, pendekatan: 'KUALITATIF' as const };
    expect(checkContent(qualitative, 'submit')).toEqual([]);
    const noIndicator = content({ rhk: [{ ...content().rhk[0], indicators: [] }] });
    expect(codeOf(() => draft({}, noIndicator).submit(owner, parents))).toEqual(['INDIKATOR_WAJIB']);
  });

  it('refuses a negative target, duplicated ids and dates outside the year', () => {
    const negative = content({ rhk: [{ ...content().rhk[0], indicators: [{ ...content().rhk[0].indicators[0], target: -1 }] }] });
    expect(codeOf(() => draft({}, negative))).toEqual(['TARGET_TIDAK_VALID']);
    const dup = content({ rhk: [content().rhk[0], content().rhk[0]] });
    expect(codeOf(() => draft({}, dup))).toContain('ID_GANDA');
    expect(codeOf(() => Skp.draft({ id: 'x', year: 2026, startDate: '2026-07-01', endDate: '2027-06-30', snapshot: snapshot(), content: content() }))).toEqual(['SKP_DI_LUAR_TAHUN']);
    expect(codeOf(() => Skp.draft({ id: 'x', year: 2026, startDate: '2026-07-01', endDate: '2026-06-30', snapshot: snapshot(), content: content() }))).toEqual(['TANGGAL_SKP_TIDAK_VALID']);
  });

  it('needs all seven BerAKHLAK expectations to set', () => {
    const skp = inStatus('DIAJUKAN');
    const codes = codeOf(() => skp.set(penilai, { AKUNTABEL: 'Jujur' }, '2026-01-20'));
    expect(codes).toHaveLength(6);
    expect(new Set(codes)).toEqual(new Set(['EKSPEKTASI_PERILAKU_WAJIB']));
    expect(skp.status).toBe('DIAJUKAN');
  });

  it('needs notes to return and a reason to revise or close', () => {
    expect(codeOf(() => inStatus('DIAJUKAN').return(penilai, '  '))).toEqual(['CATATAN_WAJIB']);
    expect(codeOf(() => inStatus('DITETAPKAN').revise(owner, '', 'n'))).toEqual(['CATATAN_WAJIB']);
    expect(codeOf(() => draft().close(admin, '', '2026-03-31'))).toEqual(['CATATAN_WAJIB']);
  });

  it('keeps the old version on revision and starts a new draft with the same RHK ids', () => {
    const skp = inStatus('DITETAPKAN');
    const { next } = skp.revise(penilai, 'Dialog kinerja', 's-2');
    expect(skp.status).toBe('DIGANTI');
    expect(next.toState()).toMatchObject({ id: 's-2', lineageId: 's-1', version: 2, status: 'DRAFT' });
    expect(next.toState().rhk.map((r) => r.id)).toEqual(['r1']);
  });

  it('shortens the SKP to the closing date', () => {
    const skp = draft();
    skp.close(admin, 'Mutasi ke OPD lain', '2026-06-30');
    expect(skp.toState()).toMatchObject({ status: 'DITUTUP', endDate: '2026-06-30', closeReason: 'Mutasi ke OPD lain' });
  });

  it('names the RHK whose meaning changed between two versions', () => {
    const before = content().rhk;
    expect(changedRhkIds(before, before)).toEqual([]);
    expect(changedRhkIds(before, [{ ...before[0], description: 'Lain' }])).toEqual(['r1']);
    expect(changedRhkIds(before, [])).toEqual(['r1']);
  });
});
