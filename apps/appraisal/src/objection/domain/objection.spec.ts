import type { ViolationError } from '@capaian/kinerja';
import { Objection, OBJECTION_STATUSES, type ObjectionStatus } from './objection';

const filed = () =>
  Objection.file({ id: 'o', evaluationId: 'ev', employeeNip: 'DIMAS', atasanNip: 'AHMAD', actorNip: 'DIMAS', reason: 'Bukti belum dipertimbangkan', today: '2027-01-20', objectionDeadline: '2027-01-24' });
const codes = (fn: () => unknown) => {
  try {
    fn();
    return [];
  } catch (e) {
    return (e as ViolationError).violations.map((v) => v.code);
  }
};
function inStatus(s: ObjectionStatus): Objection {
  const o = filed();
  if (s === 'DITERIMA') o.accept('AHMAD', 'Bukti sah', { ratingHasilKerja: 'DI_ATAS', ratingPerilaku: 'SESUAI' });
  if (s === 'DITOLAK') o.reject('AHMAD', 'Penilaian sudah sesuai bukti');
  return o;
}

describe('Objection (keberatan) state machine', () => {
  it('is filed by the employee within the window, with a reason', () => {
    const o = filed();
    expect(o.status).toBe('DIAJUKAN');
    expect(o.pullEvents()).toEqual([{ kind: 'filed', objectionId: 'o' }]);
    const input = { id: 'o', evaluationId: 'ev', employeeNip: 'DIMAS', atasanNip: 'AHMAD', actorNip: 'DIMAS', reason: 'x', today: '2027-01-24', objectionDeadline: '2027-01-24' };
    expect(Objection.file(input).status).toBe('DIAJUKAN'); // the last day counts
    expect(codes(() => Objection.file({ ...input, today: '2027-01-25' }))).toEqual(['MASA_KEBERATAN_BERAKHIR']);
    expect(codes(() => Objection.file({ ...input, actorNip: 'SITI' }))).toEqual(['HANYA_PEGAWAI_YANG_DINILAI']);
    expect(codes(() => Objection.file({ ...input, reason: ' ' }))).toEqual(['ALASAN_WAJIB']);
  });

  for (const s of OBJECTION_STATUSES) {
    const open = s === 'DIAJUKAN';
    it(`accept from ${s} is ${open ? 'allowed' : 'refused'}`, () => {
      const o = inStatus(s);
      const run = () => o.accept('AHMAD', 'Bukti sah', { ratingHasilKerja: 'DI_ATAS', ratingPerilaku: 'SESUAI' });
      if (open) {
        run();
        expect(o.toState()).toMatchObject({ status: 'DITERIMA', newRatingHasilKerja: 'DI_ATAS', decision: 'Bukti sah' });
      } else expect(codes(run)).toEqual(['TRANSISI_KEBERATAN_TIDAK_DIIZINKAN']);
    });
    it(`reject from ${s} is ${open ? 'allowed' : 'refused'}`, () => {
      const o = inStatus(s);
      const run = () => o.reject('AHMAD', 'Sudah sesuai');
      if (open) {
        run();
        expect(o.status).toBe('DITOLAK');
      } else expect(codes(run)).toEqual(['TRANSISI_KEBERATAN_TIDAK_DIIZINKAN']);
    });
  }

  it('is decided only by the atasan penilai, with reasons, and new ratings when accepted', () => {
    expect(codes(() => filed().reject('SITI', 'x'))).toEqual(['BUKAN_ATASAN_PEJABAT_PENILAI']);
    expect(codes(() => filed().reject('AHMAD', ''))).toEqual(['ALASAN_WAJIB']);
    expect(codes(() => filed().accept('AHMAD', 'ok', {}))).toEqual(['RATING_BARU_WAJIB']);
  });
});
