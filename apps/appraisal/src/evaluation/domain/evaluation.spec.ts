import { BERAKHLAK_CODES, ViolationError, type Rating } from '@capaian/kinerja';
import { Evaluation, type RatingInput } from './evaluation';

const perilaku = (r: Rating) => Object.fromEntries(BERAKHLAK_CODES.map((c) => [c, r])) as RatingInput['perilaku'];
const base = { id: 'ev', skpId: 's', unitHead: false, suggested: 'SESUAI' as Rating, objectionDeadline: '2027-01-24' };
const codes = (fn: () => unknown) => {
  try {
    fn();
    return [];
  } catch (e) {
    return (e as ViolationError).violations.map((v) => v.code);
  }
};

describe('Evaluation', () => {
  it('takes the predikat from the matrix, never from input', () => {
    const ev = Evaluation.rate(base, { ratingHasilKerja: 'SESUAI', perilaku: perilaku('DI_ATAS') });
    expect(ev.toState()).toMatchObject({ ratingHasilKerja: 'SESUAI', ratingPerilaku: 'DI_ATAS', predikat: 'BAIK', status: 'DINILAI' });
    expect(ev.pullEvents()).toEqual([{ kind: 'rated', evaluationId: 'ev', rerated: false }]);
  });

  it('needs a reason to depart from the suggestion, and all seven values', () => {
    expect(codes(() => Evaluation.rate(base, { ratingHasilKerja: 'DI_ATAS', perilaku: perilaku('SESUAI') }))).toEqual(['ALASAN_PENYIMPANGAN_WAJIB']);
    const ok = Evaluation.rate(base, { ratingHasilKerja: 'DI_ATAS', reason: 'Inovasi di luar target', perilaku: perilaku('DI_ATAS') });
    expect(ok.toState()).toMatchObject({ predikat: 'SANGAT_BAIK', deviationReason: 'Inovasi di luar target' });
    expect(codes(() => Evaluation.rate(base, { ratingHasilKerja: 'SESUAI', perilaku: { AKUNTABEL: 'SESUAI' } }))).toHaveLength(6);
  });

  it('derives a unit head rating hasil kerja from the unit predikat', () => {
    const head = { ...base, unitHead: true, suggested: null };
    expect(codes(() => Evaluation.rate(head, { ratingHasilKerja: 'SESUAI', perilaku: perilaku('SESUAI') }))).toEqual(['PREDIKAT_UNIT_WAJIB']);
    expect(codes(() => Evaluation.rate(head, { ratingHasilKerja: 'DI_ATAS', unitPredikat: 'BAIK', perilaku: perilaku('SESUAI') }))).toEqual(['RATING_UNIT_TIDAK_BOLEH_DIUBAH']);
    const ev = Evaluation.rate(head, { ratingHasilKerja: 'DI_ATAS', unitPredikat: 'ISTIMEWA', perilaku: perilaku('DI_ATAS') });
    expect(ev.toState()).toMatchObject({ ratingHasilKerja: 'DI_ATAS', predikat: 'SANGAT_BAIK', unitPredikat: 'ISTIMEWA' });
  });

  it('allows and refuses each transition by state', () => {
    const ev = Evaluation.rate(base, { ratingHasilKerja: 'SESUAI', perilaku: perilaku('SESUAI') });
    expect(codes(() => ev.decideObjection(null))).toEqual(['TRANSISI_EVALUASI_TIDAK_DIIZINKAN']);
    ev.rerate(false, { ratingHasilKerja: 'SESUAI', perilaku: perilaku('DI_BAWAH') }, '2027-01-25');
    expect(ev.toState().predikat).toBe('KURANG');
    ev.markObjected();
    expect(ev.status).toBe('KEBERATAN');
    expect(codes(() => ev.markObjected())).toEqual(['TRANSISI_EVALUASI_TIDAK_DIIZINKAN']);
    expect(codes(() => ev.rerate(false, { ratingHasilKerja: 'SESUAI', perilaku: perilaku('SESUAI') }, 'x'))).toEqual(['TRANSISI_EVALUASI_TIDAK_DIIZINKAN']);
    expect(ev.finalizeAfterWindow('2099-01-01')).toBeNull();
    ev.decideObjection({ ratingHasilKerja: 'SESUAI', ratingPerilaku: 'SESUAI' });
    expect(ev.toState()).toMatchObject({ status: 'FINAL', predikat: 'BAIK' });
    expect(codes(() => ev.decideObjection(null))).toEqual(['TRANSISI_EVALUASI_TIDAK_DIIZINKAN']);
    expect(codes(() => ev.markObjected())).toEqual(['TRANSISI_EVALUASI_TIDAK_DIIZINKAN']);
  });

  it('finalizes only after the last day of the window', () => {
    const ev = Evaluation.rate(base, { ratingHasilKerja: 'SESUAI', perilaku: perilaku('SESUAI') });
    ev.pullEvents();
    expect(ev.finalizeAfterWindow('2027-01-24')).toBeNull();
    expect(ev.finalizeAfterWindow('2027-01-25')).toEqual({ from: 'DINILAI', to: 'FINAL' });
    expect(ev.pullEvents()).toEqual([{ kind: 'finalized', evaluationId: 'ev', via: 'window-lapsed' }]);
    expect(ev.finalizeAfterWindow('2027-02-25')).toBeNull();
  });
});
