import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/problem';
import { emptyRhk, SkpForm, toRequest } from './SkpForm';

const renderForm = (props: Partial<Parameters<typeof SkpForm>[0]> = {}) => {
  const onSubmit = vi.fn();
  render(
    <MantineProvider>
      <SkpForm draftKey="uji" initial={{ year: 2026, pendekatan: 'KUANTITATIF', rhk: [emptyRhk()] }} error={null} busy={false} submitLabel="Simpan" onSubmit={onSubmit} {...props} />
    </MantineProvider>,
  );
  return onSubmit;
};

describe('SKP plan form', () => {
  it('shows the API’s message next to the field it concerns', () => {
    const error = new ApiError({ status: 400, title: 'Data yang dikirim tidak valid', errors: [{ field: 'rhk.0.indicators.0.description', message: 'Tidak boleh kosong' }] });
    renderForm({ error });
    const input = screen.getByLabelText(/Uraian indikator/);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const describedBy = input.getAttribute('aria-describedby') ?? '';
    expect(describedBy.split(' ').map((id) => document.getElementById(id)?.textContent).join(' ')).toContain('Tidak boleh kosong');
    expect(screen.queryByTestId('form-error')).toBeNull();
  });

  it('keeps what was typed in sessionStorage, so an expired session loses nothing', () => {
    renderForm();
    fireEvent.change(screen.getByLabelText(/Uraian RHK/), { target: { value: 'Aplikasi layanan dibangun' } });
    expect(JSON.parse(window.sessionStorage.getItem('capaian.draft.uji')!).rhk[0].description).toBe('Aplikasi layanan dibangun');
  });

  it('starts from the saved draft after a new sign-in', () => {
    window.sessionStorage.setItem('capaian.draft.uji', JSON.stringify({ year: 2026, pendekatan: 'KUANTITATIF', rhk: [{ ...emptyRhk(), description: 'Tersimpan sebelum sesi berakhir' }] }));
    renderForm();
    expect((screen.getByLabelText(/Uraian RHK/) as HTMLTextAreaElement).value).toBe('Tersimpan sebelum sesi berakhir');
  });

  it('adds indicators and RHK, and sends empty values as absent', () => {
    const onSubmit = renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Tambah indikator' }));
    expect(screen.getAllByLabelText(/Uraian indikator/)).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Simpan' }));
    const draft = onSubmit.mock.calls[0][0];
    const body = toRequest(draft);
    expect(body.rhk[0]).not.toHaveProperty('parentRhkId');
    expect(body.rhk[0].indicators[0].target).toBeNull();
  });
});
