import { signUnsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token';

const secret = 'rahasia-uji-yang-cukup-panjang-untuk-hmac-0123456789';
const now = new Date('2026-12-03T03:00:00Z');
const claims = { nip: '199203152019031004', kategori: 'tim', expiresAt: new Date('2027-02-01T00:00:00Z') };

describe('unsubscribe token', () => {
  it('round-trips the NIP, the category and the expiry', () => {
    expect(verifyUnsubscribeToken(secret, signUnsubscribeToken(secret, claims), now)).toEqual({ ok: true, claims });
  });
  it('refuses another payload with a genuine signature (someone else, another category)', () => {
    const [, signature] = signUnsubscribeToken(secret, claims).split('.');
    const [payload] = signUnsubscribeToken(secret, { ...claims, nip: '197906012005011002' }).split('.');
    expect(verifyUnsubscribeToken(secret, `${payload}.${signature}`, now)).toEqual({ ok: false, reason: 'forged' });
  });
  it('refuses a token signed with another secret', () => {
    expect(verifyUnsubscribeToken(secret, signUnsubscribeToken('rahasia-lain-yang-juga-cukup-panjang-0123456789', claims), now)).toEqual({ ok: false, reason: 'forged' });
  });
  it('refuses an expired token even when genuine', () => {
    expect(verifyUnsubscribeToken(secret, signUnsubscribeToken(secret, claims), new Date('2027-02-01T00:00:00Z'))).toEqual({ ok: false, reason: 'expired' });
  });
  it('refuses malformed input without throwing', () => {
    for (const token of ['', 'abc', 'a.b.c', 'ä.ö', `${Buffer.from('not json').toString('base64url')}.x`]) {
      expect(verifyUnsubscribeToken(secret, token, now).ok).toBe(false);
    }
    const payload = Buffer.from('bukan json').toString('base64url');
    const signed = signUnsubscribeToken(secret, claims).split('.')[1];
    expect(verifyUnsubscribeToken(secret, `${payload}.${signed}`, now)).toEqual({ ok: false, reason: 'forged' });
  });
});
