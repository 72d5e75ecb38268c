import { Alert, Button, Group, Select, Stack } from '@mantine/core';
import { useState } from 'react';
import { tanggal } from '../../lib/format';
import { ApiError } from '../../lib/problem';
import { FormErrors, fieldError } from '../FormErrors';
import { DARK_ORANGE, type Session } from './career-api';
import { WRAP } from './ui';

export interface Report {
  nip: string;
  name: string;
  position?: { name: string } | null;
}

/** A supervisor proposes one of their reports for a session; a full session offers its waitlist. */
export function NominationForm({ reports, sessions, error, busy, onSubmit }: { reports: Report[]; sessions: Session[]; error: unknown; busy: boolean; onSubmit(sessionId: string, nip: string, joinWaitlist: boolean): void }) {
  const [nip, setNip] = useState<string | null>(null);
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [missing, setMissing] = useState<{ nip?: string; sessionId?: string }>({});
  const full = error instanceof ApiError && error.problem.code === 'SESI_PENUH';
  const send = (joinWaitlist: boolean) => {
    const m = { nip: nip ? undefined : 'Pilih pegawai yang diusulkan.', sessionId: sessionId ? undefined : 'Pilih sesi pelatihan.' };
    setMissing(m);
    if (nip && sessionId) onSubmit(sessionId, nip, joinWaitlist);
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        send(false);
      }}
      noValidate
    >
      <Stack>
        <Select
          label="Pegawai yang diusulkan"
          required
          searchable
          data={reports.map((r) => ({ value: r.nip, label: `${r.name} — ${r.position?.name ?? r.nip}` }))}
          value={nip}
          onChange={setNip}
          error={missing.nip ?? fieldError(error, 'nip')}
        />
        <Select
          label="Sesi pelatihan"
          required
          searchable
          data={sessions.map((s) => ({ value: s.id, label: `${s.programName} · ${tanggal(s.startDate)} s.d. ${tanggal(s.endDate)} · sisa ${Math.max(0, s.quota - s.seatsTaken)} kursi` }))}
          value={sessionId}
          onChange={setSessionId}
          error={missing.sessionId ?? fieldError(error, 'sessionId')}
          nothingFoundMessage="Tidak ada sesi yang sedang membuka pendaftaran"
        />
        {full ? (
          <Alert color="orange" title="Sesi sudah penuh" role="alert">
            {(error as ApiError).message} Anda dapat memasukkan pegawai ini ke daftar tunggu; ia naik otomatis bila ada kursi yang dilepas.
            <Group mt="xs">
              <Button onClick={() => send(true)} loading={busy} color={DARK_ORANGE} styles={WRAP}>
                Masukkan ke daftar tunggu
              </Button>
            </Group>
          </Alert>
        ) : (
          <FormErrors error={error} fields={['nip', 'sessionId']} />
        )}
        <Group>
          <Button type="submit" loading={busy} styles={WRAP}>
            Usulkan mengikuti pelatihan
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
