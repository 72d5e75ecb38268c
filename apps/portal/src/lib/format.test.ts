import { describe, expect, it } from 'vitest';
import { angka, rupiah, tanggal, waktu } from './format';

describe('Indonesian formats', () => {
  it('writes a calendar date in Bahasa Indonesia, as a WIB date', () => {
    expect(tanggal('2026-12-03')).toBe('3 Desember 2026');
    expect(tanggal('2026-01-01')).toBe('1 Januari 2026');
    expect(tanggal(null)).toBe('—');
  });
  it('writes an instant in WIB', () => {
    expect(waktu('2026-12-03T17:30:00Z')).toMatch(/^4 Des 2026.*00[.:]30 WIB$/);
  });
  it('writes rupiah with dots between thousands', () => {
    expect(rupiah(1250000)).toBe('Rp 1.250.000');
    expect(rupiah('750000')).toBe('Rp 750.000');
  });
  it('writes decimals with a comma', () => {
    expect(angka(12.5)).toBe('12,5');
  });
});
