import type { EmailMessage } from '../../email/domain/email-message';
import { escapeHtml, satuBaris } from '../../email/domain/format';
import type { Notice } from './templates';

export interface NoticeEmailInput {
  to: string;
  notice: Notice;
  portalBaseUrl: string;
  /** Present for optional categories only: mandatory notices cannot be unsubscribed from. */
  unsubscribeUrl: string | null;
  categoryLabel: string;
  eventId: string;
  correlationId: string;
}

const SUBJECT_MAX = 120;

export function portalLink(portalBaseUrl: string, path: string): string {
  return `${portalBaseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** The e-mail around an inbox notice: plain text first (many office clients show only that), HTML with every value escaped. */
export function composeNoticeEmail(input: NoticeEmailInput): EmailMessage {
  const link = portalLink(input.portalBaseUrl, input.notice.tautan);
  const subject = satuBaris(`[Capaian] ${input.notice.judul}`, SUBJECT_MAX);
  const footer = input.unsubscribeUrl
    ? [`Anda menerima e-mail ini karena berlangganan kategori "${input.categoryLabel}".`, `Berhenti berlangganan: ${input.unsubscribeUrl}`]
    : [`Pemberitahuan kategori "${input.categoryLabel}" bersifat wajib dan selalu dikirim.`];
  const text = [
    input.notice.isi,
    '',
    `Buka di Capaian: ${link}`,
    '',
    'E-mail ini dikirim secara otomatis; mohon tidak membalas.',
    ...footer,
    '',
    'Salam,',
    'Capaian - BKPSDM Kota Palembang',
  ].join('\n');
  const html = [
    '<!doctype html><html lang="id"><body style="font-family:Arial,sans-serif;color:#222">',
    `<h2 style="font-size:18px">${escapeHtml(input.notice.judul)}</h2>`,
    `<p>${escapeHtml(input.notice.isi)}</p>`,
    `<p><a href="${escapeHtml(link)}">Buka di Capaian</a></p>`,
    '<p style="color:#666;font-size:12px">E-mail ini dikirim secara otomatis; mohon tidak membalas.<br>',
    input.unsubscribeUrl
      ? `${escapeHtml(footer[0])} <a href="${escapeHtml(input.unsubscribeUrl)}">Berhenti berlangganan</a></p>`
      : `${escapeHtml(footer[0])}</p>`,
    '<p>Salam,<br>Capaian - BKPSDM Kota Palembang</p>',
    '</body></html>',
  ].join('\n');
  const headers: Record<string, string> = {
    'X-Capaian-Event-Id': satuBaris(input.eventId, 200),
    'X-Capaian-Correlation-Id': satuBaris(input.correlationId, 200),
  };
  if (input.unsubscribeUrl) {
    headers['List-Unsubscribe'] = `<${input.unsubscribeUrl}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  return { to: input.to, subject, text, html, headers };
}

export interface DigestItem {
  judul: string;
  tautan: string;
}

/** One mail listing the day's optional notices of one person instead of one mail each. */
export function composeDigestEmail(input: { to: string; dateLabel: string; items: readonly DigestItem[]; portalBaseUrl: string }): EmailMessage {
  const subject = satuBaris(`[Capaian] Ringkasan ${input.dateLabel}: ${input.items.length} pemberitahuan`, SUBJECT_MAX);
  const lines = input.items.map((i) => `- ${satuBaris(i.judul, 200)} (${portalLink(input.portalBaseUrl, i.tautan)})`);
  const text = [
    `Ringkasan pemberitahuan Capaian untuk ${input.dateLabel}:`,
    '',
    ...lines,
    '',
    `Semua pemberitahuan ada di kotak masuk Capaian: ${portalLink(input.portalBaseUrl, '/notifikasi')}`,
    'E-mail ini dikirim secara otomatis; mohon tidak membalas.',
  ].join('\n');
  const html = [
    '<!doctype html><html lang="id"><body style="font-family:Arial,sans-serif;color:#222">',
    `<p>Ringkasan pemberitahuan Capaian untuk ${escapeHtml(input.dateLabel)}:</p><ul>`,
    ...input.items.map((i) => `<li><a href="${escapeHtml(portalLink(input.portalBaseUrl, i.tautan))}">${escapeHtml(i.judul)}</a></li>`),
    '</ul>',
    `<p><a href="${escapeHtml(portalLink(input.portalBaseUrl, '/notifikasi'))}">Buka kotak masuk Capaian</a></p>`,
    '</body></html>',
  ].join('\n');
  return { to: input.to, subject, text, html, headers: {} };
}
