// Indonesian formats: 3 Desember 2026, 14.05, Rp 1.250.000.
const dateFmt = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Jakarta' });
const dateTimeFmt = new Intl.DateTimeFormat('id-ID', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Asia/Jakarta',
});
const rupiahFmt = new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 });
const numberFmt = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });

/** A calendar date (`2026-12-03`) or an instant; an ISO date alone is a WIB date, not UTC midnight. */
export function tanggal(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const d = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00+07:00`) : new Date(value);
  return Number.isNaN(d.getTime()) ? '—' : dateFmt.format(d);
}

export function waktu(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? '—' : dateTimeFmt.format(d) + ' WIB';
}

export function rupiah(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return rupiahFmt.format(Number(value)).replace(/\u00a0/g, ' ');
}

export function angka(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return numberFmt.format(Number(value));
}
