import { composeDigestEmail, composeNoticeEmail, portalLink } from './email-layout';

const notice = { judul: 'Pegawai baru yang Anda nilai: <b>Dimas</b>', isi: 'Dimas & kawan-kawan.', tautan: '/tim/199203152019031004' };

describe('notice e-mail', () => {
  it('builds portal links from the base URL', () => {
    expect(portalLink('https://capaian.palembang.go.id/', '/skp/rencana')).toBe('https://capaian.palembang.go.id/skp/rencana');
  });

  it('carries an unsubscribe link and List-Unsubscribe headers in optional mails only', () => {
    const optional = composeNoticeEmail({ to: 'a@b.id', notice, portalBaseUrl: 'https://p.id', unsubscribeUrl: 'https://api.id/berhenti-langganan?token=x.y', categoryLabel: 'Tim', eventId: 'e', correlationId: 'c' });
    expect(optional.text).toContain('Berhenti berlangganan: https://api.id/berhenti-langganan?token=x.y');
    expect(optional.headers['List-Unsubscribe']).toBe('<https://api.id/berhenti-langganan?token=x.y>');
    const mandatory = composeNoticeEmail({ to: 'a@b.id', notice, portalBaseUrl: 'https://p.id', unsubscribeUrl: null, categoryLabel: 'Kepegawaian', eventId: 'e', correlationId: 'c' });
    expect(mandatory.text).not.toContain('Berhenti berlangganan');
    expect(mandatory.headers['List-Unsubscribe']).toBeUndefined();
  });

  it('escapes values in the HTML part and keeps the subject on one line', () => {
    const mail = composeNoticeEmail({ to: 'a@b.id', notice: { ...notice, judul: 'a\r\nBcc: x@y.id' }, portalBaseUrl: 'https://p.id', unsubscribeUrl: null, categoryLabel: 'K', eventId: 'e', correlationId: 'c' });
    expect(mail.subject).toBe('[Capaian] a Bcc: x@y.id');
    const html = composeNoticeEmail({ to: 'a@b.id', notice, portalBaseUrl: 'https://p.id', unsubscribeUrl: null, categoryLabel: 'K', eventId: 'e', correlationId: 'c' }).html;
    expect(html).toContain('&lt;b&gt;Dimas&lt;/b&gt;');
    expect(html).toContain('Dimas &amp; kawan-kawan.');
  });

  it('lists every held notice in one digest', () => {
    const mail = composeDigestEmail({ to: 'a@b.id', dateLabel: '4 Desember 2026', items: [{ judul: 'Satu', tautan: '/a' }, { judul: 'Dua', tautan: '/b' }], portalBaseUrl: 'https://p.id' });
    expect(mail.subject).toBe('[Capaian] Ringkasan 4 Desember 2026: 2 pemberitahuan');
    expect(mail.text).toContain('- Satu (https://p.id/a)');
    expect(mail.text).toContain('- Dua (https://p.id/b)');
  });
});
