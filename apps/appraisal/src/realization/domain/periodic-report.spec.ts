import type { ViolationError } from '@capaian/kinerja';
import { PeriodicReport } from './periodic-report';

const open = () => PeriodicReport.open({ id: 'r', skpId: 's', number: 3, start: '2026-03-01', end: '2026-03-31', reportDue: '2026-04-05', feedbackDue: '2026-04-10' });
const indicators = [
  { id: 'i1', description: 'Pengaduan tertangani', evidenceRequired: true },
  { id: 'i2', description: 'Rapat koordinasi', evidenceRequired: false },
];
const codes = (fn: () => unknown) => {
  try {
    fn();
    return [];
  } catch (e) {
    return (e as ViolationError).violations.map((v) => v.code);
  }
};

describe('PeriodicReport', () => {
  it('needs evidence where the indicator requires it', () => {
    const r = open();
    expect(codes(() => r.report('2026-03-31', [{ indicatorId: 'i1', value: 10, note: null }], indicators, new Map()))).toEqual(['BUKTI_DUKUNG_WAJIB']);
    expect(r.status).toBe('TERBUKA');
    r.report('2026-03-31', [{ indicatorId: 'i2', value: 2, note: null }], indicators, new Map());
    r.report('2026-04-05', [{ indicatorId: 'i1', value: 10, note: null }], indicators, new Map([['i1', 1]]));
    expect(r.status).toBe('DILAPORKAN');
  });

  it('refuses unknown indicators, negative values, empty reports, and reports outside the window', () => {
    expect(codes(() => open().report('2026-03-31', [{ indicatorId: 'x', value: -1, note: null }], indicators, new Map())).sort()).toEqual(['INDIKATOR_TIDAK_DIKENAL', 'REALISASI_TIDAK_VALID']);
    expect(codes(() => open().report('2026-03-31', [], indicators, new Map()))).toEqual(['REALISASI_KOSONG']);
    expect(codes(() => open().report('2026-04-06', [{ indicatorId: 'i2', value: 1, note: null }], indicators, new Map()))).toEqual(['BATAS_WAKTU_LAPORAN_TERLEWATI']);
    expect(codes(() => open().report('2026-02-28', [{ indicatorId: 'i2', value: 1, note: null }], indicators, new Map()))).toEqual(['PERIODE_BELUM_DIMULAI']);
    expect(codes(() => open().requireEvidenceAllowed('2026-04-06'))).toEqual(['BATAS_WAKTU_LAPORAN_TERLEWATI']);
  });

  it('goes TERBUKA → DILAPORKAN → DITANGGAPI → TERKUNCI and refuses the rest', () => {
    const r = open();
    expect(codes(() => r.giveFeedback('Bagus'))).toEqual(['TRANSISI_LAPORAN_TIDAK_DIIZINKAN']);
    r.report('2026-04-01', [{ indicatorId: 'i2', value: 1, note: null }], indicators, new Map());
    expect(codes(() => r.giveFeedback(' '))).toEqual(['UMPAN_BALIK_WAJIB']);
    expect(r.lockIfDue('2026-05-01')).toBeNull(); // no feedback, no lock
    r.giveFeedback('Pertahankan');
    expect(codes(() => r.report('2026-04-02', [{ indicatorId: 'i2', value: 1, note: null }], indicators, new Map()))).toEqual(['TRANSISI_LAPORAN_TIDAK_DIIZINKAN']);
    expect(codes(() => r.requireEvidenceAllowed('2026-04-02'))).toEqual(['TRANSISI_LAPORAN_TIDAK_DIIZINKAN']);
    expect(r.lockIfDue('2026-04-10')).toBeNull();
    expect(r.lockIfDue('2026-04-11')).toEqual({ from: 'DITANGGAPI', to: 'TERKUNCI' });
    expect(codes(() => r.giveFeedback('lagi'))).toEqual(['TRANSISI_LAPORAN_TIDAK_DIIZINKAN']);
    expect(r.pullEvents().map((e) => e.kind)).toEqual(['reported', 'feedback-given', 'locked']);
  });
});
