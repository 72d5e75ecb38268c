import { isViolationError, type ViolationError } from '@capaian/kinerja';
import { Enrolment, type EnrolmentStatus } from './enrolment';

const session = { startDate: '2026-05-04', endDate: '2026-05-06' };
const fresh = (seatTaken = true) => Enrolment.register({ id: 'e1', sessionId: 's1', employeeId: 'p1', origin: 'NOMINASI', seatTaken });
const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    if (isViolationError(e)) return (e as ViolationError).violations[0].code;
    throw e;
  }
  return 'NONE';
};

function at(status: EnrolmentStatus): Enrolment {
  const e = fresh(status !== 'DAFTAR_TUNGGU');
  const path: Record<EnrolmentStatus, (e: Enrolment) => void> = {
    DAFTAR_TUNGGU: () => undefined,
    DIAJUKAN: () => undefined,
    DIVERIFIKASI: (x) => x.verify(),
    DISETUJUI: (x) => (x.verify(), x.approve('b1', 1_500_000)),
    LULUS: (x) => (x.verify(), x.approve('b1', 1_500_000), x.recordAttendance('2026-05-04', session, false, true), x.complete(true)),
    TIDAK_LULUS: (x) => (x.verify(), x.approve('b1', 1_500_000), x.complete(false)),
    SERTIFIKAT_DIUNGGAH: (x) => (path.LULUS(x), x.uploadCertificate('k1', 30, 40)),
    SELESAI: (x) => (path.SERTIFIKAT_DIUNGGAH(x), x.verifyCertificate(30)),
    DITOLAK: (x) => x.reject('tidak sesuai kebutuhan'),
    DIBATALKAN: (x) => x.cancel('tugas dinas'),
  };
  path[status](e);
  e.pullEvents();
  return e;
}

describe('Enrolment aggregate', () => {
  it('starts DIAJUKAN with a seat and DAFTAR_TUNGGU without one', () => {
    const a = fresh(true);
    expect(a.status).toBe('DIAJUKAN');
    expect(a.pullEvents()).toEqual([{ transition: 'registered', from: null, to: 'DIAJUKAN' }]);
    const b = fresh(false);
    expect(b.status).toBe('DAFTAR_TUNGGU');
    expect(b.pullEvents()).toEqual([{ transition: 'waitlisted', from: null, to: 'DAFTAR_TUNGGU' }]);
  });

  it('runs the whole path to recognised JP, one event per transition, pulled once', () => {
    const e = fresh(false);
    e.promote();
    e.verify();
    e.approve('b1', 1_500_000);
    e.recordAttendance('2026-05-04', session, false, true);
    e.recordAttendance('2026-05-05', session, false, true);
    expect(e.complete(true)).toEqual({ budgetId: 'b1', amount: 1_500_000 });
    expect(e.uploadCertificate('k1', 30, 40)).toBeNull();
    expect(e.uploadCertificate('k2', 32, 40)).toBe('k1');
    e.verifyCertificate(32);
    expect(e.snapshot()).toMatchObject({ status: 'SELESAI', recognisedJp: 32, certificateJp: 32, certificateKey: 'k2', daysPresent: 2 });
    expect(e.pullEvents().map((c) => c.transition)).toEqual([
      'waitlisted', 'promoted', 'verified', 'approved', 'attendance-recorded', 'attendance-recorded', 'passed', 'certificate-uploaded', 'certificate-uploaded', 'jp-recognised',
    ]);
    expect(e.pullEvents()).toEqual([]);
  });

  it('corrects a day recorded twice instead of counting it twice', () => {
    const e = at('DISETUJUI');
    e.recordAttendance('2026-05-04', session, false, true);
    e.recordAttendance('2026-05-04', session, true, true);
    e.recordAttendance('2026-05-05', session, false, true);
    e.recordAttendance('2026-05-05', session, true, false);
    expect(e.snapshot().daysPresent).toBe(1);
  });

  it('refuses attendance outside the session dates and a pass without attendance', () => {
    expect(codeOf(() => at('DISETUJUI').recordAttendance('2026-05-07', session, false, true))).toBe('TANGGAL_DI_LUAR_SESI');
    expect(codeOf(() => at('DISETUJUI').complete(true))).toBe('BELUM_PERNAH_HADIR');
    expect(at('DISETUJUI').complete(false)).toEqual({ budgetId: 'b1', amount: 1_500_000 });
  });

  it('refuses JP without an uploaded certificate, and a certificate above the program JP', () => {
    expect(codeOf(() => at('LULUS').verifyCertificate(30))).toBe('SERTIFIKAT_BELUM_DIUNGGAH');
    expect(codeOf(() => at('LULUS').uploadCertificate('k', 41, 40))).toBe('JP_SERTIFIKAT_MELEBIHI_PROGRAM');
    expect(codeOf(() => at('TIDAK_LULUS').uploadCertificate('k', 10, 40))).toBe('TRANSISI_PENDAFTARAN_TIDAK_DIIZINKAN');
    expect(codeOf(() => at('SELESAI').verifyCertificate(30))).toBe('TRANSISI_PENDAFTARAN_TIDAK_DIIZINKAN');
  });

  it('releases the seat and the commitment on cancellation; a waiting place frees no seat', () => {
    expect(at('DISETUJUI').cancel('sakit')).toEqual({ seat: true, budgetId: 'b1', amount: 1_500_000 });
    expect(at('DIVERIFIKASI').cancel('sakit')).toEqual({ seat: true, budgetId: null, amount: 0 });
    expect(at('DAFTAR_TUNGGU').cancel('sakit')).toEqual({ seat: false, budgetId: null, amount: 0 });
    expect(codeOf(() => at('DIAJUKAN').cancel('  '))).toBe('ALASAN_WAJIB_DIISI');
  });

  const moves: [string, (e: Enrolment) => unknown, EnrolmentStatus[]][] = [
    ['promote', (e) => e.promote(), ['DAFTAR_TUNGGU']],
    ['verify', (e) => e.verify(), ['DIAJUKAN']],
    ['reject', (e) => e.reject('alasan'), ['DIAJUKAN', 'DIVERIFIKASI']],
    ['approve', (e) => e.approve('b1', 10), ['DIVERIFIKASI']],
    ['attend', (e) => e.recordAttendance('2026-05-04', session, false, true), ['DISETUJUI']],
    ['complete', (e) => e.complete(false), ['DISETUJUI']],
    ['upload', (e) => e.uploadCertificate('k', 10, 40), ['LULUS', 'SERTIFIKAT_DIUNGGAH']],
    ['verifyCertificate', (e) => e.verifyCertificate(10), ['SERTIFIKAT_DIUNGGAH']],
    ['cancel', (e) => e.cancel('alasan'), ['DAFTAR_TUNGGU', 'DIAJUKAN', 'DIVERIFIKASI', 'DISETUJUI']],
  ];
  const all: EnrolmentStatus[] = ['DAFTAR_TUNGGU', 'DIAJUKAN', 'DIVERIFIKASI', 'DISETUJUI', 'LULUS', 'TIDAK_LULUS', 'SERTIFIKAT_DIUNGGAH', 'SELESAI', 'DITOLAK', 'DIBATALKAN'];
  for (const [name, fn, allowed] of moves) {
    it(`${name} is allowed only from ${allowed.join(', ')}`, () => {
      for (const status of all) {
        const code = codeOf(() => fn(at(status)));
        if (allowed.includes(status)) expect([status, code]).toEqual([status, 'NONE']);
        else expect([status, code]).toEqual([status, status === 'LULUS' && name === 'verifyCertificate' ? 'SERTIFIKAT_BELUM_DIUNGGAH' : 'TRANSISI_PENDAFTARAN_TIDAK_DIIZINKAN']);
      }
    });
  }
});
