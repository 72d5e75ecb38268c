/** A person as the notification service knows them from personnel's events. */
export interface Person {
  nip: string;
  name: string;
  email: string | null;
  opdId: string | null;
  supervisorNip: string | null;
}

/** Only active employees (AKTIF, CUTI) receive notices; someone who left is no longer a recipient. */
export const ACTIVE_STATUSES: readonly string[] = ['AKTIF', 'CUTI'];
