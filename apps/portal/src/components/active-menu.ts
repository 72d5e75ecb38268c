/**
 * The one menu entry to highlight: the most specific menu path the address falls under, so that
 * /admin/pengembangan/… highlights "Kelola pengembangan" and not also the admin dashboard at /admin.
 */
export function activeMenuPath(paths: readonly string[], pathname: string): string | null {
  const under = (path: string) => (path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(path + '/'));
  let best: string | null = null;
  for (const path of paths) if (under(path) && (best === null || path.length > best.length)) best = path;
  return best;
}
