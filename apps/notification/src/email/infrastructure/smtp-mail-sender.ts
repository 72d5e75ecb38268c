import { Injectable, OnModuleDestroy } from '@nestjs/common';
import type { SmtpConfig } from '@capaian/shared/config';
import nodemailer, { type Transporter } from 'nodemailer';
import type { EmailMessage, MailSender } from '../domain/email-message';

/** Sends through the configured SMTP server (maildev on 127.0.0.1:1025 locally). */
@Injectable()
export class SmtpMailSender implements MailSender, OnModuleDestroy {
  private readonly transporter: Transporter;

  constructor(private readonly config: SmtpConfig) {
    this.transporter = nodemailer.createTransport({
      host: config.host,
      port: config.port,
      secure: config.secure,
      auth: config.auth,
      // Reused connections: a new TCP + SMTP handshake per mail limits the worker to a few mails a second.
      pool: true,
      maxConnections: 4,
      // No silent resend inside the pool when a connection drops: the delivery worker retries, and
      // records the attempt (a server that had already accepted the mail would get it twice either way).
      maxRequeues: 0,
      // A hung server must fail the attempt (and let the bounded retry decide), not block the partition.
      connectionTimeout: config.timeoutMs,
      greetingTimeout: config.timeoutMs,
      socketTimeout: config.timeoutMs,
    });
  }

  async send(message: EmailMessage): Promise<{ messageId: string }> {
    const info = await this.transporter.sendMail({
      from: this.config.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      headers: message.headers,
    });
    return { messageId: String(info.messageId ?? '') };
  }

  onModuleDestroy(): void {
    this.transporter.close();
  }
}
