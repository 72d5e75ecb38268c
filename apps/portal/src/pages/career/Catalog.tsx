import { Alert, Badge, Button, Card, Collapse, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { careerJson, DARK_ORANGE, type Enrolment, ENROLMENT_STATUS, type Program, type Session, todayWib } from '../../components/career/career-api';
import { WRAP, WRAP_COMPACT } from '../../components/career/ui';
import { FormErrors } from '../../components/FormErrors';
import { LoadError, Loading } from '../../components/States';
import { angka, rupiah, tanggal } from '../../lib/format';
import { ApiError } from '../../lib/problem';

export function ProgramCard({ program, mine, note, onEnrolled }: { program: Program; mine: Enrolment[]; note?: string; onEnrolled?(programId: string): void }) {
  const [open, setOpen] = useState(false);
  const panel = `sesi-${program.id}`;
  return (
    <Card withBorder data-testid="program">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text fw={600}>{program.name}</Text>
        <Badge style={{ flexShrink: 0 }}>{angka(program.jp)} JP</Badge>
      </Group>
      <Text size="sm" c="gray.7">
        {program.formLabel} · {program.organizer}
      </Text>
      <Text size="sm">
        {tanggal(program.startDate)} s.d. {tanggal(program.endDate)} · biaya per peserta {rupiah(program.costPerParticipant)}
      </Text>
      {note && (
        <Text size="sm" c="teal.9" fw={600}>
          {note}
        </Text>
      )}
      <Group mt="xs">
        <Button variant="light" size="compact-sm" styles={WRAP_COMPACT} onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-controls={panel}>
          {open ? 'Tutup daftar sesi' : `Lihat sesi ${program.name}`}
        </Button>
      </Group>
      <Collapse expanded={open} id={panel}>
        {open && <SessionList program={program} mine={mine} onEnrolled={onEnrolled} />}
      </Collapse>
    </Card>
  );
}

function SessionList({ program, mine, onEnrolled }: { program: Program; mine: Enrolment[]; onEnrolled?(programId: string): void }) {
  const sessions = useQuery({ queryKey: ['career', 'sessions', program.id], queryFn: () => careerJson<Session[]>(`/programs/${program.id}/sessions`) });
  if (sessions.isPending) return <Loading label="Memuat sesi" />;
  if (sessions.isError) return <LoadError error={sessions.error} />;
  if (sessions.data.length === 0) return <Text size="sm" mt="xs">Belum ada sesi yang dijadwalkan untuk program ini. BKPSDM akan mengumumkannya; periksa lagi nanti.</Text>;
  return (
    <Stack gap="xs" mt="xs">
      {sessions.data.map((s) => (
        <SessionRow key={s.id} session={s} onEnrolled={onEnrolled} place={mine.find((e) => e.sessionId === s.id && e.status !== 'DITOLAK' && e.status !== 'DIBATALKAN')} />
      ))}
    </Stack>
  );
}

function SessionRow({ session: s, place, onEnrolled }: { session: Session; place?: Enrolment; onEnrolled?(programId: string): void }) {
  const queryClient = useQueryClient();
  const today = todayWib();
  const open = today >= s.registrationOpens && today <= s.registrationCloses;
  const left = Math.max(0, s.quota - s.seatsTaken);
  const enrol = useMutation({
    mutationFn: (joinWaitlist: boolean) => careerJson<Enrolment>(`/sessions/${s.id}/enrolments`, 'POST', joinWaitlist ? { joinWaitlist: true } : {}),
    onSuccess: () => {
      onEnrolled?.(s.programId);
      void queryClient.invalidateQueries({ queryKey: ['career'] });
    },
  });
  const full = enrol.error instanceof ApiError && enrol.error.problem.code === 'SESI_PENUH';
  const label = `${tanggal(s.startDate)} s.d. ${tanggal(s.endDate)}`;
  return (
    <Card bg="gray.0" padding="xs" data-testid="session">
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text size="sm">
        {s.online ? 'Daring' : (s.location ?? 'Tempat menyusul')} · {left > 0 ? `sisa ${angka(left)} dari ${angka(s.quota)} kursi` : 'kursi penuh, tersedia daftar tunggu'}
      </Text>
      <Text size="sm" c="gray.7">
        Pendaftaran {tanggal(s.registrationOpens)} s.d. {tanggal(s.registrationCloses)}
      </Text>
      {enrol.isSuccess ? (
        // The confirmation stays after the list of places is refetched (which brings this place).
        <Alert color="teal" mt={4} role="status" title={enrol.data.status === 'DAFTAR_TUNGGU' ? 'Anda masuk daftar tunggu' : 'Pendaftaran terkirim'}>
          {enrol.data.status === 'DAFTAR_TUNGGU'
            ? 'Anda naik otomatis ke peserta bila ada kursi yang dilepas; kabarnya masuk ke kotak masuk Anda.'
            : 'BKPSDM akan memverifikasi syarat dan anggarannya. Statusnya tampil di "Pendaftaran saya".'}
        </Alert>
      ) : place ? (
        <Group gap="xs" mt={4}>
          <Text size="sm">Pendaftaran Anda:</Text>
          <Badge color={ENROLMENT_STATUS[place.status].color}>{ENROLMENT_STATUS[place.status].label}</Badge>
        </Group>
      ) : open ? (
        <Stack gap={4} mt={4}>
          {full ? (
            <Alert color="orange" title="Sesi sudah penuh" role="alert">
              {(enrol.error as ApiError).message} Anda dapat masuk daftar tunggu dan naik otomatis bila ada kursi yang dilepas.
              <Group mt="xs">
                <Button color={DARK_ORANGE} onClick={() => enrol.mutate(true)} loading={enrol.isPending} styles={WRAP}>
                  Masuk daftar tunggu
                </Button>
              </Group>
            </Alert>
          ) : (
            <FormErrors error={enrol.error} />
          )}
          {!full && (
            <Group>
              <Button onClick={() => enrol.mutate(left === 0)} loading={enrol.isPending} styles={WRAP} aria-label={`${left === 0 ? 'Masuk daftar tunggu' : 'Daftar sesi ini'}: ${s.programName} ${label}`}>
                {left === 0 ? 'Masuk daftar tunggu' : 'Daftar sesi ini'}
              </Button>
            </Group>
          )}
        </Stack>
      ) : (
        <Text size="sm" mt={4}>
          {today < s.registrationOpens ? `Pendaftaran belum dibuka; dibuka ${tanggal(s.registrationOpens)}.` : 'Pendaftaran sudah ditutup.'}
        </Text>
      )}
    </Card>
  );
}

export function CatalogGrid({ programs, mine }: { programs: Program[]; mine: Enrolment[] }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="catalog">
      {programs.map((p) => (
        <ProgramCard key={p.id} program={p} mine={mine} />
      ))}
    </SimpleGrid>
  );
}
