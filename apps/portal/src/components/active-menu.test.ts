import { describe, expect, it } from 'vitest';
import { activeMenuPath } from './active-menu';

const MENU = ['/', '/skp', '/admin', '/admin/pengembangan', '/admin/pegawai'];

describe('activeMenuPath', () => {
  it('highlights the most specific entry the address falls under', () => {
    expect(activeMenuPath(MENU, '/admin/pengembangan/anggaran')).toBe('/admin/pengembangan');
    expect(activeMenuPath(MENU, '/admin')).toBe('/admin');
    expect(activeMenuPath(MENU, '/admin/dasbor-lain')).toBe('/admin');
  });

  it('keeps the home entry for the home page only, and matches whole path segments', () => {
    expect(activeMenuPath(MENU, '/')).toBe('/');
    expect(activeMenuPath(MENU, '/skp/123')).toBe('/skp');
    expect(activeMenuPath(MENU, '/skpx')).toBeNull();
  });
});
