import { composePingEmail } from './ping-email';
import { formatWaktuWib, satuBaris } from './format';

const base = {
  to: 'hendra@palembang.go.id',
  message: 'Uji jalur notifikasi',
  eventId: '5f0c2c1e-8a57-4d2a-9d53-0d7c8f1e2a11',
  correlationId: 'corr-12345678',
  time: '2026-11-28T09:30:00.000Z',
};

describe('composePingEmail', () => {
  it('writes an Indonesian subject and body with the event details', () => {
    const mail = composePingEmail(base);
    expect(mail.to).toBe('hendra@palembang.go.id');
    expect(mail.subject).toBe('[Capaian] Pesan uji sistem: Uji jalur notifikasi');
    expect(mail.text).toContain('Yth. Bapak/Ibu,');
    expect(mail.text).toContain('Isi pesan:\nUji jalur notifikasi\n');
    expect(mail.text).toContain('Waktu kejadian : 28 November 2026 pukul 16.30 WIB');
    expect(mail.text).toContain(`ID peristiwa   : ${base.eventId}`);
    expect(mail.text).toContain('mohon tidak membalas');
    expect(mail.headers).toEqual({ 'X-Capaian-Event-Id': base.eventId, 'X-Capaian-Correlation-Id': 'corr-12345678' });
  });

  it('keeps line breaks out of the subject so no header can be injected', () => {
    const mail = composePingEmail({ ...base, message: 'baris satu\r\nBcc: korban@example.com\n\tbaris tiga' });
    expect(mail.subject).toBe('[Capaian] Pesan uji sistem: baris satu Bcc: korban@example.com baris tiga');
    expect(mail.subject).not.toMatch(/[\r\n]/);
    // The body keeps the message as written.
    expect(mail.text).toContain('baris satu\r\nBcc: korban@example.com');
  });

  it('shortens a long message in the subject but not in the body', () => {
    const long = 'a'.repeat(500);
    const mail = composePingEmail({ ...base, message: long });
    expect(mail.subject.length).toBe(120);
    expect(mail.subject.endsWith('…')).toBe(true);
    expect(mail.text).toContain(long);
  });

  it('escapes the message in the HTML part', () => {
    const mail = composePingEmail({ ...base, message: '<script>alert("x")</script> & <b>' });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;');
    expect(mail.html).toContain('<html lang="id">');
  });
});

describe('formatWaktuWib', () => {
  it('converts to WIB across a date boundary', () => {
    expect(formatWaktuWib('2026-12-31T17:05:00Z')).toBe('1 Januari 2027 pukul 00.05 WIB');
  });
  it('returns an unparseable value unchanged rather than "Invalid Date"', () => {
    expect(formatWaktuWib('kemarin')).toBe('kemarin');
  });
});

describe('satuBaris', () => {
  it('collapses whitespace and control characters', () => {
    expect(satuBaris('  a\u0000b\u2028c  ', 10)).toBe('a b c');
  });
});
