/** A person as the notification service needs them: who, where to write, and who is above them. */
export interface Person {
  nip: string;
  name: string;
  email: string | null;
  opdId: string | null;
  /** The pejabat penilai, or the direct supervisor while personnel has not named a penilai. */
  penilaiNip: string | null;
  /** The atasan pejabat penilai, when personnel has named one. */
  atasanPenilaiNip: string | null;
}
