import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The only code touching `preference`: per person and category, whether optional notices also go by e-mail. */
@Injectable()
export class PreferenceRepository {
  /** The stored choice, or null when the person never chose (the default is on). */
  async emailEnabled(m: EntityManager, nip: string, kategori: string): Promise<boolean | null> {
    const rows: { email: boolean }[] = await m.query(`SELECT email FROM preference WHERE nip = $1 AND kategori = $2`, [nip, kategori]);
    return rows[0]?.email ?? null;
  }

  async all(m: EntityManager, nip: string): Promise<Map<string, boolean>> {
    const rows: { kategori: string; email: boolean }[] = await m.query(`SELECT kategori, email FROM preference WHERE nip = $1`, [nip]);
    return new Map(rows.map((r) => [r.kategori, r.email]));
  }

  async set(m: EntityManager, nip: string, kategori: string, email: boolean, at: Date): Promise<void> {
    await m.query(
      `INSERT INTO preference (nip, kategori, email, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (nip, kategori) DO UPDATE SET email = EXCLUDED.email, updated_at = EXCLUDED.updated_at`,
      [nip, kategori, email, at],
    );
  }
}
