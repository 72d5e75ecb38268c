import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DecideForm } from '../../pages/appraisal/ObjectionsPage';
import { OverrideForm } from '../../pages/personnel/EmployeeDetailPage';
import { emptyRhk, SkpForm } from '../SkpForm';
import { FileObjection } from './EvaluationCard';
import type { Objection, PenilaiRhk } from './views';

function wrap(children: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <MantineProvider>
      <QueryClientProvider client={client}>
        <MemoryRouter>{children}</MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

/** The API's answer to every request of the test: a recorded call, then the given status and body. */
function answer(status: number, body: unknown) {
  const calls: { url: string; method: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      calls.push({ url, method: init.method ?? 'GET', body: init.body ? JSON.parse(String(init.body)) : undefined });
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' } });
    }),
  );
  return calls;
}

/** The message Mantine shows under a field, found through the field's aria-describedby. */
function messageUnder(input: HTMLElement): string {
  return (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

// Mantine's combobox steps take a while in jsdom on a busy machine; 5 s was not always enough.
vi.setConfig({ testTimeout: 30_000 });
afterEach(() => vi.unstubAllGlobals());

const penilaiRhk: PenilaiRhk = {
  year: 2026,
  linkRequired: true,
  penilai: { nip: '198507222010012003', name: 'Siti Rahmawati' },
  skp: { id: 's-1', startDate: '2026-01-01', endDate: '2026-12-31', setOn: '2026-01-10' },
  rhk: [
    { id: 'rhk-utama', kind: 'UTAMA', description: 'Meningkatnya layanan aplikasi pemerintah kota', indicators: [{ description: 'Aplikasi yang beroperasi', target: 5, unit: 'aplikasi' }] },
    { id: 'rhk-tambahan', kind: 'TAMBAHAN', description: 'Terselenggaranya pelatihan TIK', indicators: [] },
  ],
};

describe('RHK picker in the SKP plan', () => {
  const renderForm = (options: Partial<PenilaiRhk> | undefined, error: unknown = null, onSubmit = vi.fn()) => {
    wrap(
      <SkpForm
        draftKey="uji-pilih"
        initial={{ year: 2026, pendekatan: 'KUANTITATIF', rhk: [emptyRhk()] }}
        error={error}
        busy={false}
        submitLabel="Simpan"
        onSubmit={onSubmit}
        penilaiRhk={{ data: options ? { ...penilaiRhk, ...options } : undefined, loading: false, failed: !options }}
      />,
    );
    return onSubmit;
  };

  it('links the RHK picked from the penilai list, and shows its indicators', async () => {
    const onSubmit = renderForm({});
    fireEvent.click(screen.getByLabelText('RHK pejabat penilai yang diintervensi', { selector: 'input' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Meningkatnya layanan aplikasi pemerintah kota' }));
    expect(screen.getByText(/Indikator RHK atasan: Aplikasi yang beroperasi \(5 aplikasi\)/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Simpan' }));
    expect(onSubmit.mock.calls[0][0].rhk[0].parentRhkId).toBe('rhk-utama');
  });

  it('groups utama and tambahan and says whose SKP they come from', async () => {
    renderForm({});
    expect(screen.getByText(/Pilih RHK dari SKP Siti Rahmawati/)).toBeTruthy();
    fireEvent.click(screen.getByLabelText('RHK pejabat penilai yang diintervensi', { selector: 'input' }));
    expect(await screen.findByText('RHK utama')).toBeTruthy();
    expect(screen.getByText('RHK tambahan')).toBeTruthy();
  });

  it('explains an empty list: the penilai SKP is not set yet', () => {
    renderForm({ skp: null, rhk: [] });
    expect(screen.getByText(/SKP 2026 Siti Rahmawati belum ditetapkan/)).toBeTruthy();
    expect((screen.getByLabelText('RHK pejabat penilai yang diintervensi', { selector: 'input' }) as HTMLInputElement).disabled).toBe(true);
  });

  it('needs no link at the top of an OPD', () => {
    renderForm({ linkRequired: false, penilai: null, skp: null, rhk: [] });
    expect(screen.getByTestId('rhk-picker-top').textContent).toMatch(/tidak perlu diintervensi/);
  });

  it('shows the API refusal of the link under the picker', async () => {
    const { ApiError } = await import('../../lib/problem');
    renderForm({}, new ApiError({ status: 422, title: 'Aturan dilanggar', errors: [{ field: 'rhk[0].parentRhkId', message: 'RHK harus diintervensi' }] }));
    const picker = screen.getByLabelText('RHK pejabat penilai yang diintervensi', { selector: 'input' });
    expect(picker.getAttribute('aria-invalid')).toBe('true');
    expect(messageUnder(picker)).toContain('RHK harus diintervensi');
  });

  it('falls back to the typed code when the list cannot be loaded', () => {
    renderForm(undefined);
    expect(screen.getByLabelText('RHK pejabat penilai yang diintervensi (kode)')).toBeTruthy();
  });
});

describe('objection (keberatan) form of the employee rated', () => {
  it('shows the refusal of an empty reason next to the field, and sends the typed reason', async () => {
    const calls = answer(400, { status: 400, code: 'VALIDASI_GAGAL', title: 'Data tidak valid', errors: [{ field: 'reason', code: 'WAJIB', message: 'Alasan wajib diisi' }] });
    wrap(<FileObjection evaluationId="e-1" skpId="s-1" />);
    fireEvent.click(screen.getByRole('button', { name: 'Ajukan keberatan' }));
    const reason = screen.getByLabelText('Alasan keberatan');
    await waitFor(() => expect(reason.getAttribute('aria-invalid')).toBe('true'));
    expect(messageUnder(reason)).toContain('Alasan wajib diisi');
    expect(screen.queryByTestId('form-error')).toBeNull();
    fireEvent.change(reason, { target: { value: 'Laporan bulan Maret belum dihitung' } });
    expect(JSON.parse(window.sessionStorage.getItem('capaian.draft.keberatan-e-1')!)).toBe('Laporan bulan Maret belum dihitung');
    answer(201, { id: 'o-1', status: 'DIAJUKAN' });
    fireEvent.click(screen.getByRole('button', { name: 'Ajukan keberatan' }));
    await waitFor(() => expect(window.sessionStorage.getItem('capaian.draft.keberatan-e-1')).toBeNull());
    expect(calls[0]).toMatchObject({ url: '/api/v1/appraisal/evaluations/e-1/objection', method: 'POST', body: { reason: '' } });
  });
});

describe('decision on an objection (atasan penilai)', () => {
  const objection: Objection = {
    id: 'o-1',
    status: 'DIAJUKAN',
    reason: 'Tidak sesuai',
    decision: null,
    filedAt: '2027-01-05T03:00:00Z',
    decidedAt: null,
    evaluationId: 'e-1',
    skpId: 's-1',
    year: 2026,
    employee: { nip: '199203152019031004', name: 'Dimas Pratama' },
    penilai: { nip: '198507222010012003', name: 'Siti Rahmawati' },
    atasanNip: '197801102005011001',
    ratingHasilKerja: 'DI_BAWAH',
    ratingPerilaku: 'SESUAI',
    predikat: 'BUTUH_PERBAIKAN',
    newRatingHasilKerja: null,
    newRatingPerilaku: null,
  };

  it('accepts with new ratings and a reason', async () => {
    const calls = answer(200, { ...objection, status: 'DITERIMA' });
    const decided = vi.fn();
    wrap(<DecideForm objection={objection} onDecided={decided} />);
    fireEvent.click(screen.getByText('Terima, ubah rating'));
    fireEvent.click(screen.getByLabelText('Rating hasil kerja baru', { selector: 'input' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Sesuai ekspektasi' }));
    fireEvent.change(screen.getByLabelText('Alasan keputusan'), { target: { value: 'Bukti laporan diterima' } });
    fireEvent.click(screen.getByRole('button', { name: 'Simpan keputusan' }));
    await waitFor(() => expect(decided).toHaveBeenCalled());
    expect(calls[0]).toEqual({ url: '/api/v1/appraisal/objections/o-1/decision', method: 'POST', body: { accepted: true, decision: 'Bukti laporan diterima', ratingHasilKerja: 'SESUAI', ratingPerilaku: 'SESUAI' } });
  });

  it('rejects without ratings; an empty reason is refused next to its field', async () => {
    const calls = answer(400, { status: 400, code: 'VALIDASI_GAGAL', errors: [{ field: 'decision', message: 'Alasan keputusan wajib diisi' }] });
    wrap(<DecideForm objection={objection} />);
    expect(screen.queryByLabelText('Rating hasil kerja baru')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Simpan keputusan' }));
    const reason = screen.getByLabelText('Alasan keputusan');
    await waitFor(() => expect(reason.getAttribute('aria-invalid')).toBe('true'));
    expect(messageUnder(reason)).toContain('Alasan keputusan wajib diisi');
    expect(calls[0].body).toEqual({ accepted: false, decision: '' });
  });
});

describe('reporting-line override (admin)', () => {
  it('sends the supervisor NIP without spaces, the reason and the date; refusals stand under their fields', async () => {
    const calls = answer(422, { status: 422, code: 'ATURAN_DILANGGAR', errors: [{ field: 'supervisorId', message: 'Penunjukan ini membentuk siklus atasan' }, { field: 'reason', message: 'Alasan wajib diisi' }] });
    wrap(<OverrideForm employeeRef="199505052023212005" base="/api/v1/personnel/employees/199505052023212005" />);
    fireEvent.change(screen.getByLabelText('NIP atasan yang ditunjuk'), { target: { value: '19751225 199803 1 001' } });
    fireEvent.change(screen.getByLabelText('Tanggal berlaku (opsional)'), { target: { value: '2026-12-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tetapkan atasan khusus' }));
    const nip = screen.getByLabelText('NIP atasan yang ditunjuk');
    await waitFor(() => expect(nip.getAttribute('aria-invalid')).toBe('true'));
    expect(messageUnder(nip)).toContain('siklus atasan');
    expect(messageUnder(screen.getByLabelText('Alasan penunjukan'))).toContain('Alasan wajib diisi');
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put).toEqual({ url: '/api/v1/personnel/employees/199505052023212005/supervisor-override', method: 'PUT', body: { supervisorId: '197512251998031001', reason: '', effectiveDate: '2026-12-01' } });
  });
});
