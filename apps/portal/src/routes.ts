import type { Role } from './auth/oidc';

export interface RouteInfo {
  path: string;
  label: string;
  /** Any of these roles sees the screen; none = every signed-in employee. */
  roles?: Role[];
}

export const NAV: RouteInfo[] = [
  { path: '/', label: 'Beranda' },
  { path: '/profil', label: 'Profil saya' },
  { path: '/skp', label: 'SKP saya' },
  { path: '/tim', label: 'Tim saya (penilai)' },
  { path: '/keberatan', label: 'Keberatan (atasan penilai)' },
  { path: '/pengembangan', label: 'Pengembangan kompetensi' },
  { path: '/kotak-masuk', label: 'Kotak masuk' },
  { path: '/admin', label: 'Dasbor admin', roles: ['admin-opd', 'admin-bkpsdm'] },
  { path: '/admin/pegawai', label: 'Data pegawai', roles: ['admin-opd', 'admin-bkpsdm'] },
  { path: '/admin/impor', label: 'Impor pegawai', roles: ['admin-opd', 'admin-bkpsdm'] },
  { path: '/admin/pengembangan', label: 'Kelola pengembangan kompetensi', roles: ['admin-opd', 'admin-bkpsdm'] },
  { path: '/admin/periode', label: 'Periode dan jadwal', roles: ['admin-bkpsdm'] },
  { path: '/pimpinan', label: 'Grafik pimpinan', roles: ['pimpinan', 'admin-bkpsdm'] },
];
