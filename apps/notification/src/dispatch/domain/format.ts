const NAMA_BULAN = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

/** `2026-12-03` → `3 Desember 2026`; anything else is returned unchanged. */
export function formatTanggal(date: string | null | undefined): string | null {
  if (!date) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  return `${Number(m[3])} ${NAMA_BULAN[Number(m[2]) - 1]} ${m[1]}`;
}

/** The WIB calendar date of an instant, as `3 Desember 2026`. */
export function formatTanggalWib(at: Date): string {
  return formatTanggal(new Date(at.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10)) as string;
}
