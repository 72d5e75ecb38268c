import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FINAL_STEP } from '../domain/escalation';

export interface OpenReminder {
  id: string;
  notificationId: string;
  recipientNip: string;
  kategori: string;
  judul: string;
  isi: string;
  tautan: string | null;
  dueAt: Date;
  step: number;
  /** The template of the notice the reminder belongs to (null for reminders made before it was kept). */
  template: string | null;
}

/** The only code touching `reminder`: action notices with a deadline and how far their escalation went. */
@Injectable()
export class ReminderRepository {
  async create(
    m: EntityManager,
    r: { notificationId: string; recipientNip: string; kategori: string; judul: string; dueAt: Date; template: string; subjectNip: string; awaitedRef: string | null; step?: number; nextAt?: Date },
  ): Promise<void> {
    await m.query(
      `INSERT INTO reminder (notification_id, recipient_nip, kategori, judul, due_at, next_at, step, template, subject_nip, awaited_ref) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT ON CONSTRAINT reminder_notification_uq DO NOTHING`,
      [r.notificationId, r.recipientNip, r.kategori, r.judul, r.dueAt, r.nextAt ?? r.dueAt, r.step ?? 0, r.template, r.subjectNip, r.awaitedRef],
    );
  }

  /**
   * The awaited action happened (an event says so): open reminders of these notices about
   * `subjectNip` end; with `ref` (a period's report), only those waiting for that occurrence.
   */
  async resolveAwaited(m: EntityManager, subjectNip: string, templates: readonly string[], at: Date, ref?: string): Promise<void> {
    if (templates.length === 0) return;
    await m.query(
      `UPDATE reminder SET resolved_at = $3 WHERE subject_nip = $1 AND template = ANY($2) AND resolved_at IS NULL AND (awaited_ref IS NULL OR $4::text IS NULL OR awaited_ref = $4)`,
      [subjectNip, templates, at, ref ?? null],
    );
  }

  /** Due reminders, locked for the caller's transaction (another replica's job skips them). */
  async lockDue(m: EntityManager, now: Date, limit: number): Promise<OpenReminder[]> {
    const rows: { id: string; notification_id: string; recipient_nip: string; kategori: string; judul: string; isi: string; tautan: string | null; due_at: Date; step: number; template: string | null }[] =
      await m.query(
        `SELECT r.id, r.notification_id, r.recipient_nip, r.kategori, r.judul, n.isi, n.tautan, r.due_at, r.step, r.template FROM reminder r
         JOIN notification n ON n.id = r.notification_id
         WHERE r.resolved_at IS NULL AND r.step < $3 AND r.next_at <= $1 ORDER BY r.next_at LIMIT $2 FOR UPDATE OF r SKIP LOCKED`,
        [now, limit, FINAL_STEP],
      );
    return rows.map((r) => ({ id: r.id, notificationId: r.notification_id, recipientNip: r.recipient_nip, kategori: r.kategori, judul: r.judul, isi: r.isi, tautan: r.tautan, dueAt: r.due_at, step: r.step, template: r.template }));
  }

  async resolve(m: EntityManager, id: string, at: Date): Promise<void> {
    await m.query(`UPDATE reminder SET resolved_at = $2 WHERE id = $1`, [id, at]);
  }

  async advance(m: EntityManager, id: string, step: number, nextAt: Date): Promise<void> {
    await m.query(`UPDATE reminder SET step = $2, next_at = $3 WHERE id = $1`, [id, step, nextAt]);
  }

  /** The ladder ran to its end: nothing more is due (kept with its last step, for the record). */
  async finish(m: EntityManager, id: string, step: number, at: Date): Promise<void> {
    await m.query(`UPDATE reminder SET step = $2, resolved_at = $3 WHERE id = $1`, [id, step, at]);
  }

  /** Reading the original notice or any reminder of it answers the reminder. */
  async resolveByNotification(m: EntityManager, notificationId: string, at: Date): Promise<void> {
    await m.query(`UPDATE reminder SET resolved_at = $2 WHERE notification_id = $1 AND resolved_at IS NULL`, [notificationId, at]);
  }
}
