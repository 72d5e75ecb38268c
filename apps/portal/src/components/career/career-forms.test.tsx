import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../lib/problem';
import { AllocationForm } from './AllocationForm';
import { CertificateUpload, MAX_CERTIFICATE_BYTES } from './CertificateUpload';
import { eligibleFor, type Program, recommend, sessionDays, type Session } from './career-api';
import { FeedbackForm } from './FeedbackForm';
import { NominationForm } from './NominationForm';
import { ProgramForm } from './ProgramForm';
import { ReasonForm } from './ReasonForm';

const wrap = (ui: ReactNode) => render(<MantineProvider>{ui}</MantineProvider>);

/** The text of what the field points to with aria-describedby (its error message among them). */
function describedText(input: HTMLElement): string {
  return (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

const file = (name: string, size: number, type: string) => {
  const f = new File(['x'], name, { type });
  Object.defineProperty(f, 'size', { value: size });
  return f;
};

describe('program form (BKPSDM catalog)', () => {
  it('shows each refused field’s message under it and the rest above the button', () => {
    const error = new ApiError({
      status: 400,
      code: 'VALIDASI_GAGAL',
      title: 'Data tidak valid',
      errors: [
        { field: 'budgetCeiling', code: 'PAGU_TIDAK_MENCUKUPI', message: 'Pagu tidak mencukupi untuk kuota dan biaya per peserta' },
        { code: 'LAINNYA', message: 'Program belum dapat diterbitkan' },
      ],
    });
    wrap(<ProgramForm error={error} busy={false} onSubmit={() => undefined} />);
    const ceiling = screen.getByLabelText(/Pagu anggaran/);
    expect(ceiling.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(ceiling)).toContain('Pagu tidak mencukupi');
    expect(screen.getByTestId('form-error').textContent).toContain('Program belum dapat diterbitkan');
    expect(screen.getByTestId('form-error').textContent).not.toContain('Pagu tidak mencukupi');
  });

  it('sends rupiah as whole numbers and leaves empty fields out so the API names them', () => {
    const onSubmit = vi.fn();
    wrap(<ProgramForm error={null} busy={false} onSubmit={onSubmit} />);
    fireEvent.change(screen.getByLabelText(/Nama program/), { target: { value: '  Pelatihan Analis Data  ' } });
    fireEvent.change(screen.getByLabelText(/Biaya per peserta/), { target: { value: 'Rp 1.500.000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tambahkan ke katalog' }));
    const body = onSubmit.mock.calls[0][0];
    expect(body.name).toBe('Pelatihan Analis Data');
    expect(body.costPerParticipant).toBe(1_500_000);
    expect(body).not.toHaveProperty('jp');
    expect(body).not.toHaveProperty('budgetCeiling');
  });
});

describe('certificate upload', () => {
  it('refuses a file above 10 MB before sending and says why', async () => {
    const onUpload = vi.fn();
    wrap(<CertificateUpload label="Sertifikat (STTPP)" maxJp={24} onUpload={onUpload} />);
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [file('sttpp.pdf', MAX_CERTIFICATE_BYTES + 1, 'application/pdf')] } });
    await screen.findByText(/terlalu besar .*paling besar 10 MB/);
    fireEvent.click(screen.getByRole('button', { name: /Unggah sertifikat/ }));
    expect(onUpload).not.toHaveBeenCalled();
    expect(screen.getByText('PDF, PNG atau JPEG; paling besar 10 MB')).toBeTruthy();
  });

  it('shows the server’s 413 next to the file field with the limit', async () => {
    const onUpload = vi.fn().mockRejectedValue(new ApiError({ status: 413, code: 'BERKAS_TERLALU_BESAR', title: 'Berkas terlalu besar.' }));
    wrap(<CertificateUpload label="Sertifikat (STTPP)" maxJp={24} onUpload={onUpload} />);
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [file('sttpp.pdf', 2048, 'application/pdf')] } });
    fireEvent.click(screen.getByRole('button', { name: /Unggah sertifikat/ }));
    await screen.findByText(/Batas ukuran berkas 10 MB/);
    expect(onUpload).toHaveBeenCalledWith(expect.any(File), 24);
  });

  it('asks for the JP on the certificate within the program’s JP', async () => {
    const onUpload = vi.fn();
    wrap(<CertificateUpload label="Sertifikat (STTPP)" maxJp={10} onUpload={onUpload} />);
    fireEvent.change(document.querySelector('input[type=file]') as HTMLInputElement, { target: { files: [file('sttpp.png', 2048, 'image/png')] } });
    fireEvent.change(screen.getByLabelText(/JP pada sertifikat/), { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: /Unggah sertifikat/ }));
    await screen.findByText('Isi JP pada sertifikat, 1 sampai 10.');
    expect(onUpload).not.toHaveBeenCalled();
  });
});

describe('session feedback', () => {
  it('needs the three scores, then sends them as numbers', () => {
    const onSubmit = vi.fn();
    wrap(<FeedbackForm error={null} busy={false} onSubmit={onSubmit} />);
    fireEvent.click(screen.getByRole('button', { name: 'Kirim umpan balik' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('Pilih nilai materi pelatihan.')).toBeTruthy();
    for (const group of ['Materi pelatihan', 'Fasilitator/pengajar', 'Penyelenggaraan'])
      fireEvent.click(screen.getByRole('radiogroup', { name: new RegExp(group) }).querySelector('input[value="4"]')!);
    fireEvent.change(screen.getByLabelText(/Saran atau komentar/), { target: { value: 'Materi relevan' } });
    fireEvent.click(screen.getByRole('button', { name: 'Kirim umpan balik' }));
    expect(onSubmit).toHaveBeenCalledWith({ content: 4, facilitator: 4, organisation: 4, comment: 'Materi relevan' });
  });

  it('shows a refusal that concerns no field (e.g. given already) above the button', () => {
    wrap(<FeedbackForm error={new ApiError({ status: 409, code: 'UMPAN_BALIK_SUDAH_ADA', title: 'Umpan balik untuk pendaftaran ini sudah diberikan' })} busy={false} onSubmit={() => undefined} />);
    expect(screen.getByTestId('form-error').textContent).toContain('sudah diberikan');
  });
});

describe('rejection with a reason', () => {
  it('does not reject without a reason', () => {
    const onSubmit = vi.fn();
    wrap(<ReasonForm label="Alasan menolak" submitLabel="Tolak pendaftaran" error={null} busy={false} onSubmit={onSubmit} />);
    fireEvent.click(screen.getByRole('button', { name: 'Tolak pendaftaran' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(describedText(screen.getByLabelText(/Alasan menolak/))).toContain('Tuliskan alasannya');
    fireEvent.change(screen.getByLabelText(/Alasan menolak/), { target: { value: ' Kuota OPD habis ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tolak pendaftaran' }));
    expect(onSubmit).toHaveBeenCalledWith('Kuota OPD habis');
  });
});

describe('budget allocation', () => {
  it('keeps an OPD admin on their OPD and reads a negative change as a cut', () => {
    const onSubmit = vi.fn();
    wrap(<AllocationForm year={2026} fixedOwner="DISKOMINFO" error={null} busy={false} onSubmit={onSubmit} />);
    expect((screen.getByLabelText(/Pemilik anggaran/) as HTMLInputElement).readOnly).toBe(true);
    fireEvent.change(screen.getByLabelText(/Perubahan alokasi/), { target: { value: '-2500000' } });
    expect(screen.getByText(/Mengurangi alokasi 2026 sebesar Rp\s?2\.500\.000/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Simpan perubahan alokasi' }));
    expect(onSubmit).toHaveBeenCalledWith({ fiscalYear: 2026, ownerCode: 'DISKOMINFO', change: -2_500_000 });
  });

  it('shows a cut beyond the balance next to the change', () => {
    const error = new ApiError({ status: 422, code: 'PENGURANGAN_MELEBIHI_SISA', title: 'Pengurangan melebihi sisa anggaran', errors: [{ field: 'change', message: 'Pengurangan melebihi sisa anggaran' }] });
    wrap(<AllocationForm year={2026} error={error} busy={false} onSubmit={() => undefined} />);
    expect(describedText(screen.getByLabelText(/Perubahan alokasi/))).toContain('melebihi sisa');
  });
});

const session = (over: Partial<Session> = {}): Session => ({
  id: 's1',
  programId: 'p1',
  programName: 'Pelatihan Analis Data',
  form: 'pelatihan_klasikal',
  scope: 'nasional',
  jp: 24,
  eligiblePositionKinds: [],
  partnerId: null,
  agreementId: null,
  startDate: '2026-12-14',
  endDate: '2026-12-15',
  registrationOpens: '2026-12-01',
  registrationCloses: '2026-12-10',
  online: false,
  location: 'Aula BKPSDM',
  quota: 2,
  seatsTaken: 2,
  costPerParticipant: 1_000_000,
  ...over,
});

describe('nomination by a supervisor', () => {
  it('names what is missing, and offers the waitlist when the session is full', async () => {
    const onSubmit = vi.fn();
    const { rerender } = wrap(<NominationForm reports={[{ nip: '199203152019031004', name: 'Dimas Pratama' }]} sessions={[session()]} error={null} busy={false} onSubmit={onSubmit} />);
    fireEvent.click(screen.getByRole('button', { name: 'Usulkan mengikuti pelatihan' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('Pilih pegawai yang diusulkan.')).toBeTruthy();
    const full = new ApiError({ status: 409, code: 'SESI_PENUH', title: 'Sesi sudah penuh' });
    rerender(
      <MantineProvider>
        <NominationForm reports={[{ nip: '199203152019031004', name: 'Dimas Pratama' }]} sessions={[session()]} error={full} busy={false} onSubmit={onSubmit} />
      </MantineProvider>,
    );
    expect(screen.getByRole('button', { name: 'Masukkan ke daftar tunggu' })).toBeTruthy();
    fireEvent.click(screen.getByLabelText(/Pegawai yang diusulkan/, { selector: 'input' }));
    fireEvent.click((await screen.findAllByRole('option', { name: /Dimas Pratama/, hidden: true }))[0]);
    fireEvent.click(screen.getByLabelText(/Sesi pelatihan/, { selector: 'input' }));
    fireEvent.click((await screen.findAllByRole('option', { name: /Pelatihan Analis Data/, hidden: true }))[0]);
    fireEvent.click(screen.getByRole('button', { name: 'Masukkan ke daftar tunggu' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith('s1', '199203152019031004', true));
  });
});

const program = (over: Partial<Program>): Program => ({
  id: 'p',
  name: 'Program',
  form: 'pelatihan_klasikal',
  formLabel: 'Pelatihan Klasikal',
  scope: 'nasional',
  organizer: 'BKPSDM',
  jp: 10,
  startDate: '2026-12-14',
  endDate: '2026-12-15',
  quota: 10,
  budgetCeiling: 10_000_000,
  costPerParticipant: 1_000_000,
  status: 'DIRENCANAKAN',
  createdAt: '2026-11-01T00:00:00.000Z',
  competencies: [],
  eligiblePositionKinds: [],
  stages: [],
  ...over,
});

describe('suggestions', () => {
  it('puts the training meant for the position kind first, then what closes the shortfall, never a leadership course for another kind', () => {
    const programs = [
      program({ id: 'pka', form: 'pka', name: 'PKA', jp: 40 }),
      program({ id: 'pkp', form: 'pkp', name: 'PKP', jp: 40 }),
      program({ id: 'small', jp: 4 }),
      program({ id: 'fits', jp: 12 }),
      program({ id: 'held', jp: 12 }),
    ];
    const r = recommend(programs, 'ADMINISTRATOR', 12, new Set(['held']));
    expect(r.map((x) => x.program.id)).toEqual(['pka', 'fits', 'small']);
    expect(r[1].reason).toBe('Menutup kekurangan 12 JP Anda tahun ini');
    expect(eligibleFor(programs[1], 'ADMINISTRATOR')).toBe(false);
    expect(eligibleFor(program({ eligiblePositionKinds: ['PELAKSANA'] }), 'PELAKSANA')).toBe(true);
  });

  it('lists a session’s days for attendance', () => {
    expect(sessionDays('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
  });
});
