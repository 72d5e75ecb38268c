import { checkNewSession, registrationOpen } from './session';

const s = { startDate: '2026-05-04', endDate: '2026-05-08', registrationOpens: '2026-03-01', registrationCloses: '2026-04-20', online: false, location: 'Aula BKPSDM', quota: 30 };
const codes = (v: { code: string }[]) => v.map((x) => x.code);

describe('new session rules', () => {
  it('accepts a well-formed session with or without an agreement', () => {
    expect(checkNewSession(s, null)).toEqual([]);
    expect(checkNewSession(s, { validFrom: '2026-01-01', validUntil: '2026-12-31', seatsLeft: 30 })).toEqual([]);
  });

  it('refuses dates outside the partner agreement and seats beyond its quota', () => {
    expect(codes(checkNewSession(s, { validFrom: '2026-01-01', validUntil: '2026-05-07', seatsLeft: 100 }))).toEqual(['SESI_DI_LUAR_PERJANJIAN']);
    expect(codes(checkNewSession(s, { validFrom: '2026-05-05', validUntil: '2026-12-31', seatsLeft: 100 }))).toEqual(['SESI_DI_LUAR_PERJANJIAN']);
    expect(codes(checkNewSession(s, { validFrom: '2026-01-01', validUntil: '2026-12-31', seatsLeft: 29 }))).toEqual(['KUOTA_PERJANJIAN_TERLAMPAUI']);
  });

  it('refuses broken dates, a window closing after the start, and a face-to-face session without a place', () => {
    expect(codes(checkNewSession({ ...s, startDate: '2026-02-30' }, null))).toEqual(['TANGGAL_SESI_TIDAK_VALID']);
    expect(codes(checkNewSession({ ...s, endDate: '2026-05-03' }, null))).toEqual(['SESI_SELESAI_SEBELUM_MULAI']);
    expect(codes(checkNewSession({ ...s, registrationCloses: '2026-05-04' }, null))).toEqual(['PENDAFTARAN_SETELAH_MULAI']);
    expect(codes(checkNewSession({ ...s, location: ' ' }, null))).toEqual(['TEMPAT_WAJIB_DIISI']);
    expect(checkNewSession({ ...s, online: true, location: null }, null)).toEqual([]);
  });

  it('knows when registration is open', () => {
    expect(registrationOpen(s, '2026-03-01')).toBe(true);
    expect(registrationOpen(s, '2026-04-20')).toBe(true);
    expect(registrationOpen(s, '2026-04-21')).toBe(false);
    expect(registrationOpen(s, '2026-02-28')).toBe(false);
  });
});
