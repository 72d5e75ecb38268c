import type { EmailMessage } from './email-message';
import { escapeHtml, formatWaktuWib, satuBaris } from './format';

export interface PingEmailInput {
  to: string;
  message: string;
  eventId: string;
  correlationId: string;
  /** The event's `time` (ISO 8601). */
  time: string;
}

const SUBJECT_PREFIX = '[Capaian] Pesan uji sistem';
const SUBJECT_MAX = 120;

/**
 * The e-mail for `capaian.platform.ping.v1`: a pipeline check that an operator triggers to see
 * outbox → Kafka → notification → SMTP working. Plain text first (many government mail clients
 * show only that), HTML as an alternative with every user-supplied value escaped.
 */
export function composePingEmail(input: PingEmailInput): EmailMessage {
  const waktu = formatWaktuWib(input.time);
  const subject = satuBaris(`${SUBJECT_PREFIX}: ${input.message}`, SUBJECT_MAX);
  const text = [
    'Yth. Bapak/Ibu,',
    '',
    'Ini adalah pesan uji dari Capaian, platform penilaian kinerja dan pengembangan karier ASN Pemerintah Kota Palembang.',
    '',
    'Isi pesan:',
    input.message,
    '',
    `Waktu kejadian : ${waktu}`,
    `ID peristiwa   : ${input.eventId}`,
    `ID korelasi    : ${input.correlationId}`,
    '',
    'Jika Anda menerima e-mail ini, jalur notifikasi berfungsi dengan baik.',
    'E-mail ini dikirim secara otomatis; mohon tidak membalas.',
    '',
    'Salam,',
    'Capaian - BKPSDM Kota Palembang',
  ].join('\n');
  const html = [
    '<!doctype html><html lang="id"><body style="font-family:Arial,sans-serif;color:#222">',
    '<p>Yth. Bapak/Ibu,</p>',
    '<p>Ini adalah pesan uji dari <strong>Capaian</strong>, platform penilaian kinerja dan pengembangan karier ASN Pemerintah Kota Palembang.</p>',
    `<p><strong>Isi pesan:</strong><br>${escapeHtml(input.message).replace(/\r?\n/g, '<br>')}</p>`,
    '<table style="border-collapse:collapse">',
    `<tr><td>Waktu kejadian</td><td>: ${escapeHtml(waktu)}</td></tr>`,
    `<tr><td>ID peristiwa</td><td>: ${escapeHtml(input.eventId)}</td></tr>`,
    `<tr><td>ID korelasi</td><td>: ${escapeHtml(input.correlationId)}</td></tr>`,
    '</table>',
    '<p>Jika Anda menerima e-mail ini, jalur notifikasi berfungsi dengan baik.<br>E-mail ini dikirim secara otomatis; mohon tidak membalas.</p>',
    '<p>Salam,<br>Capaian - BKPSDM Kota Palembang</p>',
    '</body></html>',
  ].join('\n');
  return {
    to: input.to,
    subject,
    text,
    html,
    headers: {
      'X-Capaian-Event-Id': satuBaris(input.eventId, 200),
      'X-Capaian-Correlation-Id': satuBaris(input.correlationId, 200),
    },
  };
}
