import { isViolationError } from '@capaian/kinerja';
import { ExternalClaim } from './external-claim';

const open = (certificateKey: string | null = null) => ExternalClaim.restore({ id: 'c1', status: 'DIAJUKAN', jp: 12, certificateKey, reason: null });
const code = (fn: () => unknown) => {
  try {
    fn();
    return 'NONE';
  } catch (e) {
    if (isViolationError(e)) return e.violations[0].code;
    throw e;
  }
};

describe('JP claimed from outside the platform', () => {
  it('refuses to recognise JP without a certificate', () => {
    expect(code(() => open().verify())).toBe('KLAIM_TANPA_SERTIFIKAT');
  });

  it('recognises the claimed JP once the certificate is attached, then accepts no more changes', () => {
    const c = open();
    expect(c.attachCertificate('k1')).toBeNull();
    expect(c.attachCertificate('k2')).toBe('k1');
    expect(c.verify()).toBe(12);
    expect(c.snapshot().status).toBe('DIVERIFIKASI');
    expect(code(() => c.verify())).toBe('KLAIM_SUDAH_DIPUTUS');
    expect(code(() => c.attachCertificate('k3'))).toBe('KLAIM_SUDAH_DIPUTUS');
    expect(code(() => c.reject('x'))).toBe('KLAIM_SUDAH_DIPUTUS');
  });

  it('can be rejected while open', () => {
    const c = open('k1');
    c.reject(' Sertifikat tidak terbaca ');
    expect(c.snapshot()).toMatchObject({ status: 'DITOLAK', reason: 'Sertifikat tidak terbaca' });
  });
});
