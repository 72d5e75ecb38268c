import { Badge, Button, Card, Collapse, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { download } from '../../../api/client';
import { useAuth } from '../../../auth/AuthProvider';
import { CAREER, careerJson, type Partner, type Program, type Session } from '../../../components/career/career-api';
import { ProgramForm } from '../../../components/career/ProgramForm';
import { SessionForm } from '../../../components/career/SessionForm';
import { WRAP, WRAP_COMPACT } from '../../../components/career/ui';
import { Empty, LoadError, Loading } from '../../../components/States';
import { angka, rupiah, tanggal } from '../../../lib/format';
import { currentYear } from '../../SkpPage';

/** The catalog per year; BKPSDM adds programs and schedules their sessions. */
export function ProgramsAdmin() {
  const auth = useAuth();
  const bkpsdm = auth.hasRole('admin-bkpsdm');
  const thisYear = currentYear();
  const [year, setYear] = useState(thisYear);
  const [adding, setAdding] = useState(false);
  const queryClient = useQueryClient();
  const programs = useQuery({ queryKey: ['career', 'programs', year], queryFn: () => careerJson<{ items: Program[] }>(`/programs?year=${year}&size=100`) });
  const partners = useQuery({ queryKey: ['career', 'partners'], queryFn: () => careerJson<Partner[]>('/partners') });
  const create = useMutation({
    mutationFn: (body: Record<string, unknown>) => careerJson<Program>('/programs', 'POST', body),
    onSuccess: (p) => {
      setAdding(false);
      const y = Number(p.startDate.slice(0, 4));
      setYear(y);
      void queryClient.invalidateQueries({ queryKey: ['career', 'programs'] });
    },
  });
  return (
    <Stack>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <NativeSelect label="Tahun mulai program" value={String(year)} onChange={(e) => setYear(Number(e.currentTarget.value))} data={[thisYear - 1, thisYear, thisYear + 1].map(String)} w={170} />
        {bkpsdm && (
          <Button onClick={() => setAdding((a) => !a)} aria-expanded={adding} aria-controls="program-baru" styles={WRAP}>
            {adding ? 'Tutup formulir program' : 'Tambah program ke katalog'}
          </Button>
        )}
      </Group>
      <Collapse expanded={adding} id="program-baru">
        {adding && (
          <Card withBorder>
            <ProgramForm error={create.error} busy={create.isPending} onSubmit={(b) => create.mutate(b)} />
          </Card>
        )}
      </Collapse>
      {programs.isPending ? (
        <Loading />
      ) : programs.isError ? (
        <LoadError error={programs.error} />
      ) : programs.data.items.length === 0 ? (
        <Empty title={`Belum ada program yang mulai tahun ${year}`}>{bkpsdm ? 'Tekan “Tambah program ke katalog” untuk menerbitkan program pertama.' : 'BKPSDM menerbitkan program; pilih tahun lain atau periksa lagi nanti.'}</Empty>
      ) : (
        programs.data.items.map((p) => <ProgramAdminCard key={p.id} program={p} partners={partners.data ?? []} canSchedule={bkpsdm} />)
      )}
    </Stack>
  );
}

function ProgramAdminCard({ program: p, partners, canSchedule }: { program: Program; partners: Partner[]; canSchedule: boolean }) {
  const queryClient = useQueryClient();
  const [scheduling, setScheduling] = useState(false);
  const sessions = useQuery({ queryKey: ['career', 'sessions', p.id], queryFn: () => careerJson<Session[]>(`/programs/${p.id}/sessions`) });
  const schedule = useMutation({
    mutationFn: (body: Record<string, unknown>) => careerJson<Session>(`/programs/${p.id}/sessions`, 'POST', body),
    onSuccess: () => {
      setScheduling(false);
      void queryClient.invalidateQueries({ queryKey: ['career', 'sessions', p.id] });
    },
  });
  const panel = `sesi-baru-${p.id}`;
  return (
    <Card withBorder data-testid="admin-program">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text fw={600}>{p.name}</Text>
        <Badge style={{ flexShrink: 0 }}>{angka(p.jp)} JP</Badge>
      </Group>
      <Text size="sm">
        {p.formLabel} · {p.organizer} · {tanggal(p.startDate)} s.d. {tanggal(p.endDate)}
      </Text>
      <Text size="sm">
        Kuota {angka(p.quota)} · biaya per peserta {rupiah(p.costPerParticipant)} · pagu {rupiah(p.budgetCeiling)}
      </Text>
      <Stack gap={4} mt="xs">
        {sessions.data?.length === 0 && <Text size="sm">Belum ada sesi. {canSchedule ? 'Jadwalkan sesi agar pegawai dapat mendaftar.' : ''}</Text>}
        {sessions.data?.map((s) => (
          <Group key={s.id} justify="space-between" wrap="wrap" gap="xs" bg="gray.0" p={6} style={{ borderRadius: 6 }}>
            <Text size="sm">
              {tanggal(s.startDate)} s.d. {tanggal(s.endDate)} · {s.online ? 'daring' : s.location} · {angka(s.seatsTaken)}/{angka(s.quota)} kursi · daftar {tanggal(s.registrationOpens)}–{tanggal(s.registrationCloses)}
            </Text>
            <Button variant="subtle" size="compact-sm" styles={WRAP_COMPACT} onClick={() => void download(`${CAREER}/sessions/${s.id}/enrolments.xlsx`, `peserta-sesi-${s.id}.xlsx`)}>
              Unduh daftar peserta (XLSX)
            </Button>
          </Group>
        ))}
      </Stack>
      {canSchedule && (
        <>
          <Group mt="xs">
            <Button variant="light" size="compact-sm" styles={WRAP_COMPACT} onClick={() => setScheduling((o) => !o)} aria-expanded={scheduling} aria-controls={panel}>
              {scheduling ? 'Tutup formulir sesi' : `Jadwalkan sesi ${p.name}`}
            </Button>
          </Group>
          <Collapse expanded={scheduling} id={panel}>
            {scheduling && (
              <Card bg="gray.0" mt="xs">
                <SessionForm partners={partners} defaults={{ quota: p.quota, costPerParticipant: p.costPerParticipant }} error={schedule.error} busy={schedule.isPending} onSubmit={(b) => schedule.mutate(b)} />
              </Card>
            )}
          </Collapse>
        </>
      )}
    </Card>
  );
}
