import { ConfigError } from './config';
import { loadSmtpConfig } from './smtp';

describe('loadSmtpConfig', () => {
  it('defaults to the local maildev sink', () => {
    expect(loadSmtpConfig({})).toEqual({
      host: '127.0.0.1',
      port: 1025,
      secure: false,
      from: 'Capaian Kota Palembang <noreply@capaian.palembang.go.id>',
      timeoutMs: 10_000,
    });
  });

  it('reads overrides including credentials', () => {
    const c = loadSmtpConfig({ SMTP_HOST: 'smtp.palembang.go.id', SMTP_PORT: '465', SMTP_SECURE: 'true', SMTP_USER: 'u', SMTP_PASS: 'p' });
    expect(c).toMatchObject({ host: 'smtp.palembang.go.id', port: 465, secure: true, auth: { user: 'u', pass: 'p' } });
  });

  it('rejects a half-set credential and a bad port together', () => {
    try {
      loadSmtpConfig({ SMTP_USER: 'only-user', SMTP_PORT: 'x', SMTP_SECURE: 'yes' });
      throw new Error('expected ConfigError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).problems).toHaveLength(3);
    }
  });
});
