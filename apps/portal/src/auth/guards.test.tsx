import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { AuthContext } from './AuthProvider';
import { RequireRole } from './guards';
import type { Role } from './oidc';

function withRoles(roles: Role[], path: string) {
  const auth = {
    user: null,
    principal: { nip: '199203152019031004', name: 'Dimas Pratama', roles },
    ready: true,
    expired: false,
    signIn: async () => undefined,
    signOut: async () => undefined,
    hasRole: (...r: Role[]) => r.some((x) => roles.includes(x)),
    accessToken: () => undefined,
  };
  render(
    <MantineProvider>
      <AuthContext.Provider value={auth}>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route element={<RequireRole roles={['admin-opd', 'admin-bkpsdm']} />}>
              <Route path="/admin" element={<h1>Dasbor admin</h1>} />
            </Route>
          </Routes>
        </MemoryRouter>
      </AuthContext.Provider>
    </MantineProvider>,
  );
}

describe('role-gated routes', () => {
  it('shows a clear page, not the screen, to a user without the role who types its address', () => {
    withRoles(['pegawai'], '/admin');
    expect(screen.getByRole('heading', { name: 'Halaman ini bukan untuk peran Anda' })).toBeTruthy();
    expect(screen.queryByText('Dasbor admin')).toBeNull();
  });
  it('shows the screen to a user with the role', () => {
    withRoles(['pegawai', 'admin-opd'], '/admin');
    expect(screen.getByRole('heading', { name: 'Dasbor admin' })).toBeTruthy();
  });
});
