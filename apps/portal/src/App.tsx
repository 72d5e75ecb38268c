import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { UserManager } from 'oidc-client-ts';
import { lazy, Suspense, useState } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AuthProvider } from './auth/AuthProvider';
import { AuthCallback } from './auth/AuthCallback';
import { RequireRole, RequireSignIn } from './auth/guards';
import { Layout } from './components/Layout';
import { AdminDashboardPage } from './pages/AdminDashboardPage';
import { EmployeesPage } from './pages/EmployeesPage';
import { HomePage } from './pages/HomePage';
import { ImportPage } from './pages/ImportPage';
import { InboxPage } from './pages/InboxPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PeriodsPage } from './pages/PeriodsPage';
import { ProfilePage } from './pages/ProfilePage';
import { SkpDetailPage } from './pages/SkpDetailPage';
import { SkpPage } from './pages/SkpPage';
import { TeamPage } from './pages/TeamPage';
import { ObjectionsPage } from './pages/appraisal/ObjectionsPage';
import { EmployeeDetailPage } from './pages/personnel/EmployeeDetailPage';
import { CareerAdminPage } from './pages/career/admin/CareerAdminPage';
import { MyDevelopmentPage } from './pages/career/MyDevelopmentPage';
import { NominatePage } from './pages/career/NominatePage';
import { contrastVariables, theme } from './theme';
import { Loading } from './components/States';

// The chart library is only fetched by those who open the charts.
const PimpinanPage = lazy(() => import('./pages/PimpinanPage').then((m) => ({ default: m.PimpinanPage })));

export function App({ manager }: { manager: UserManager }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          // A refused call (4xx) is an answer, not a glitch: only network and server errors are retried.
          queries: { retry: (count, error) => count < 2 && !((error as { problem?: { status: number } }).problem?.status ?? 500 < 500), staleTime: 15_000 },
        },
      }),
  );
  return (
    <MantineProvider theme={theme} cssVariablesResolver={contrastVariables}>
      <QueryClientProvider client={queryClient}>
        <AuthProvider manager={manager}>
          <BrowserRouter>
            <Routes>
              <Route path="/auth/callback" element={<AuthCallback manager={manager} />} />
              <Route element={<RequireSignIn />}>
                <Route element={<Layout />}>
                  <Route index element={<HomePage />} />
                  <Route path="profil" element={<ProfilePage />} />
                  <Route path="skp" element={<SkpPage />} />
                  <Route path="skp/:id" element={<SkpDetailPage />} />
                  <Route path="tim" element={<TeamPage />} />
                  <Route path="keberatan" element={<ObjectionsPage />} />
                  <Route path="pengembangan" element={<MyDevelopmentPage />} />
                  <Route path="pengembangan/usulan" element={<NominatePage />} />
                  <Route path="kotak-masuk" element={<InboxPage />} />
                  <Route element={<RequireRole roles={['admin-opd', 'admin-bkpsdm']} />}>
                    <Route path="admin" element={<AdminDashboardPage />} />
                    <Route path="admin/pegawai" element={<EmployeesPage />} />
                    <Route path="admin/pegawai/:ref" element={<EmployeeDetailPage />} />
                    <Route path="admin/impor" element={<ImportPage />} />
                    <Route path="admin/pengembangan" element={<CareerAdminPage />} />
                    <Route path="admin/pengembangan/:tab" element={<CareerAdminPage />} />
                  </Route>
                  <Route element={<RequireRole roles={['admin-bkpsdm']} />}>
                    <Route path="admin/periode" element={<PeriodsPage />} />
                  </Route>
                  <Route element={<RequireRole roles={['pimpinan', 'admin-bkpsdm']} />}>
                    <Route path="pimpinan" element={<Suspense fallback={<Loading />}><PimpinanPage /></Suspense>} />
                  </Route>
                  <Route path="*" element={<NotFoundPage />} />
                </Route>
              </Route>
            </Routes>
          </BrowserRouter>
        </AuthProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
