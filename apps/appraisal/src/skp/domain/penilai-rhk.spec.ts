import type { Rhk } from './skp';
import { mayReadPenilaiRhk, penilaiRhkOptions } from './penilai-rhk';

const skp = { snapshot: { nip: 'DIMAS' } as never, penilaiNip: 'SITI' };

describe('the RHK a subordinate may link to', () => {
  it('is read by the SKP owner and by the penilai only', () => {
    expect(mayReadPenilaiRhk('DIMAS', skp)).toBe(true);
    expect(mayReadPenilaiRhk('SITI', skp)).toBe(true);
    expect(mayReadPenilaiRhk('AHMAD', skp)).toBe(false);
    expect(mayReadPenilaiRhk(null, skp)).toBe(false);
    expect(mayReadPenilaiRhk('', { ...skp, penilaiNip: null })).toBe(false);
    expect(mayReadPenilaiRhk(undefined, { ...skp, penilaiNip: null })).toBe(false);
  });

  it('lists utama before tambahan, each in the penilai order, with indicators but no realization', () => {
    const rhk = (id: string, kind: Rhk['kind']): Rhk => ({
      id,
      kind,
      description: `RHK ${id}`,
      parentRhkId: 'x',
      indicators: [{ id: `${id}-i`, description: `Indikator ${id}`, aspek: 'KUANTITAS', target: 3, unit: 'laporan', direction: 'NAIK', evidenceRequired: true }],
    });
    const options = penilaiRhkOptions([rhk('t1', 'TAMBAHAN'), rhk('u1', 'UTAMA'), rhk('u2', 'UTAMA')]);
    expect(options.map((o) => o.id)).toEqual(['u1', 'u2', 't1']);
    expect(options[0]).toEqual({ id: 'u1', kind: 'UTAMA', description: 'RHK u1', indicators: [{ description: 'Indikator u1', target: 3, unit: 'laporan' }] });
    expect(penilaiRhkOptions([])).toEqual([]);
  });
});
