/** One e-mail as the domain composes it; the SMTP adapter only transports it. */
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers for tracing a mail back to the event that caused it. */
  headers: Record<string, string>;
}

/** The port the delivery service sends through; SMTP in production, maildev in tests. */
export interface MailSender {
  send(message: EmailMessage): Promise<{ messageId: string }>;
}

export const MAIL_SENDER = Symbol('MAIL_SENDER');
