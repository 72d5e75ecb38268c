import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthContext } from '../../auth/AuthProvider';
import type { Role } from '../../auth/oidc';
import { todayWib } from '../../components/career/career-api';
import { currentYear } from '../SkpPage';
import { MyDevelopmentPage } from './MyDevelopmentPage';

/** Generous: the machine running these may be busy. */
const WAIT = { timeout: 15_000 };
const NIP = '199203152019031004';
const YEAR = currentYear();
const day = (n: number) => new Date(Date.parse(`${todayWib()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const program = {
  id: 'p1', name: 'Pelatihan Analisis Data Layanan Publik', form: 'pelatihan_klasikal', formLabel: 'Pelatihan Klasikal', scope: 'nasional', organizer: 'BKPSDM Kota Palembang',
  jp: 8, startDate: day(2), endDate: day(2), quota: 10, budgetCeiling: 15_000_000, costPerParticipant: 1_500_000, status: 'DIBUKA', competencies: [], eligiblePositionKinds: [], stages: [],
};
const session = {
  id: 's1', programId: 'p1', programName: program.name, form: program.form, scope: 'nasional', jp: 8, eligiblePositionKinds: [], partnerId: null, agreementId: null,
  startDate: day(2), endDate: day(2), registrationOpens: day(0), registrationCloses: day(1), online: false, location: 'Aula BKPSDM', quota: 10, seatsTaken: 0, costPerParticipant: 1_500_000,
};
const place = {
  id: 'e1', sessionId: 's1', employeeId: 'x', nip: NIP, name: 'Dimas Pratama', opdCode: 'DISKOMINFO', jenisAsn: 'PNS', positionKind: 'PELAKSANA', supervisorId: null, nominatedBy: null,
  certificateFileName: null, certificateContentType: null, certificateSize: null, waitlistedAt: null, createdAt: new Date().toISOString(), origin: 'MANDIRI', status: 'DIAJUKAN',
  budgetId: null, committedAmount: 0, daysPresent: 0, certificateKey: null, certificateJp: null, recognisedJp: null, reason: null,
  feedbackGiven: false,
};

/** Career as the page sees it over fetch: one program with an open session, and the places registered so far. */
function fakeCareer(initialPlaces: (typeof place)[] = []) {
  const places: (typeof place)[] = [...initialPlaces];
  return vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    const path = url.pathname.replace('/api/v1/career', '');
    if (init?.method === 'POST' && path === '/sessions/s1/enrolments') {
      places.push(place);
      return json({ ...place }, 201);
    }
    if (path === '/programs') return json({ items: [program], total: 1, page: 1, size: 100 });
    if (path === '/jp/me') return json({ year: YEAR, minimumJp: 20, maximumJp: null, totalJp: 0, plannedJp: 0, shortfallJp: 20, compliant: false, atRisk: false, entries: [] });
    if (path === '/enrolments') return json(places);
    if (path === '/programs/p1/sessions') return json([session]);
    if (path === '/sessions/s1') return json(session);
    if (path === '/jp/claims') return json([]);
    return json({ status: 404, code: 'TIDAK_DITEMUKAN', title: 'Tidak ditemukan' }, 404);
  });
}

function renderPage() {
  const roles: Role[] = ['pegawai'];
  const auth = {
    user: null,
    principal: { nip: NIP, name: 'Dimas Pratama', roles },
    ready: true,
    expired: false,
    signIn: async () => undefined,
    signOut: async () => undefined,
    hasRole: (...r: Role[]) => r.some((x) => roles.includes(x)),
    accessToken: () => undefined,
  };
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <MantineProvider>
      <QueryClientProvider client={client}>
        <AuthContext.Provider value={auth}>
          <MemoryRouter>
            <MyDevelopmentPage />
          </MemoryRouter>
        </AuthContext.Provider>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

describe('my development: self-registration', () => {
  beforeEach(() => vi.stubGlobal('fetch', fakeCareer()));
  afterEach(() => vi.unstubAllGlobals());

  it('keeps the recommended program and its confirmation on screen after the places are refetched', async () => {
    renderPage();
    const recommended = within(await screen.findByTestId('recommendations', {}, WAIT));
    fireEvent.click(await recommended.findByRole('button', { name: `Lihat sesi ${program.name}` }, WAIT));
    const register = await recommended.findByRole('button', { name: new RegExp(`^Daftar sesi ini: ${program.name}`) }, WAIT);
    // The accessible name starts with the visible text (WCAG 2.5.3, axe's label-content-name-mismatch).
    expect(register.textContent).toBe('Daftar sesi ini');
    fireEvent.click(register);
    expect(await recommended.findByText('Pendaftaran terkirim', {}, WAIT)).toBeTruthy();
    // The new place is in "Pendaftaran saya" (the refetch happened) and the confirmation is still there.
    expect(await screen.findByTestId('place', {}, WAIT)).toBeTruthy();
    expect(within(screen.getByTestId('recommendations')).getByText('Pendaftaran terkirim')).toBeTruthy();
  }, 60_000);
});

describe('my development: session feedback', () => {
  afterEach(() => vi.unstubAllGlobals());
  const attended = { ...place, status: 'SELESAI', daysPresent: 1, recognisedJp: 8 };

  it('offers the feedback form on a place with attendance and a result', async () => {
    vi.stubGlobal('fetch', fakeCareer([attended]));
    renderPage();
    const card = within(await screen.findByTestId('place', {}, WAIT));
    expect(await card.findByText('Umpan balik atas sesi ini', {}, WAIT)).toBeTruthy();
  }, 60_000);

  it('does not offer it again once career says it was given, and says so', async () => {
    vi.stubGlobal('fetch', fakeCareer([{ ...attended, feedbackGiven: true }]));
    renderPage();
    const card = within(await screen.findByTestId('place', {}, WAIT));
    expect(await card.findByText('Umpan balik Anda atas sesi ini sudah tersimpan.', {}, WAIT)).toBeTruthy();
    expect(card.queryByText('Umpan balik atas sesi ini')).toBeNull();
  }, 60_000);
});
