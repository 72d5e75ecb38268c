import { Alert, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { Employee } from '../../api/views';
import { useAuth } from '../../auth/AuthProvider';
import { careerJson, type Enrolment, ENROLMENT_STATUS, type Program, type Session, todayWib } from '../../components/career/career-api';
import { NominationForm } from '../../components/career/NominationForm';
import { Empty, LoadError, Loading, PageTitle } from '../../components/States';
import { tanggal } from '../../lib/format';
import { currentYear } from '../SkpPage';
import { useSessions } from './MyEnrolments';

/** Sessions open for registration today, from this year's and next year's catalog. */
export function useOpenSessions(): { sessions: Session[]; pending: boolean; error: unknown } {
  const year = currentYear();
  const programs = useQueries({
    queries: [year, year + 1].map((y) => ({ queryKey: ['career', 'programs', y], queryFn: () => careerJson<{ items: Program[] }>(`/programs?year=${y}&size=100`) })),
  });
  const ids = programs.flatMap((p) => p.data?.items.map((i) => i.id) ?? []);
  const sessions = useQueries({ queries: ids.map((id) => ({ queryKey: ['career', 'sessions', id], queryFn: () => careerJson<Session[]>(`/programs/${id}/sessions`) })) });
  const today = todayWib();
  return {
    sessions: sessions.flatMap((s) => s.data ?? []).filter((s) => today >= s.registrationOpens && today <= s.registrationCloses),
    pending: programs.some((p) => p.isPending) || sessions.some((s) => s.isPending),
    error: programs.find((p) => p.error)?.error ?? sessions.find((s) => s.error)?.error,
  };
}

/** A supervisor (penilai/atasan) proposes their direct reports for a training session. */
export function NominatePage() {
  const auth = useAuth();
  const queryClient = useQueryClient();
  const reports = useQuery({ queryKey: ['direct-reports'], queryFn: () => unwrap(api.GET('/api/v1/personnel/me/direct-reports', { params: { query: {} as never } })) as Promise<{ items: Employee[] }> });
  const open = useOpenSessions();
  const enrolments = useQuery({ queryKey: ['career', 'enrolments'], queryFn: () => careerJson<Enrolment[]>('/enrolments') });
  const nominate = useMutation({
    mutationFn: ({ sessionId, nip, joinWaitlist }: { sessionId: string; nip: string; joinWaitlist: boolean }) =>
      careerJson<Enrolment>(`/sessions/${sessionId}/enrolments`, 'POST', { nip, ...(joinWaitlist ? { joinWaitlist: true } : {}) }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['career'] }),
  });
  const theirs = (enrolments.data ?? []).filter((e) => e.nip !== auth.principal?.nip && reports.data?.items.some((r) => r.nip === e.nip));
  const sessions = useSessions(theirs.map((e) => e.sessionId));

  if (reports.isPending) return <Loading />;
  if (reports.isError) return <LoadError error={reports.error} />;
  return (
    <Stack>
      <PageTitle>Usulan pelatihan bawahan</PageTitle>
      {reports.data.items.length === 0 ? (
        <Empty title="Anda belum memiliki bawahan langsung">
          Usulan pelatihan dibuat oleh atasan langsung. Jika susunan atasan-bawahan di unit Anda keliru, hubungi admin kepegawaian OPD.
        </Empty>
      ) : (
        <Card withBorder>
          <Text size="sm" mb="sm">
            Usulan Anda masuk ke verifikasi BKPSDM seperti pendaftaran mandiri: syarat jabatan, jadwal, dan anggaran diperiksa di sana.
          </Text>
          {open.pending ? (
            <Loading label="Memuat sesi" />
          ) : open.error ? (
            <LoadError error={open.error} />
          ) : open.sessions.length === 0 ? (
            <Empty title="Tidak ada sesi yang sedang membuka pendaftaran">Sesi baru diumumkan BKPSDM di katalog; kembali ke halaman ini saat pendaftaran dibuka.</Empty>
          ) : (
            <NominationForm reports={reports.data.items} sessions={open.sessions} error={nominate.error} busy={nominate.isPending} onSubmit={(sessionId, nip, joinWaitlist) => nominate.mutate({ sessionId, nip, joinWaitlist })} />
          )}
          {nominate.isSuccess && (
            <Alert color="teal" mt="sm" role="status" title={nominate.data.status === 'DAFTAR_TUNGGU' ? 'Masuk daftar tunggu' : 'Usulan terkirim'}>
              {nominate.data.name} {nominate.data.status === 'DAFTAR_TUNGGU' ? 'ada di daftar tunggu sesi itu.' : 'diusulkan; menunggu verifikasi BKPSDM.'}
            </Alert>
          )}
        </Card>
      )}
      <Title order={2} size="h3">
        Pendaftaran bawahan Anda
      </Title>
      {enrolments.isPending ? (
        <Loading />
      ) : theirs.length === 0 ? (
        <Empty title="Belum ada pendaftaran bawahan">Usulan Anda dan pendaftaran mandiri bawahan Anda akan tampil di sini beserta statusnya.</Empty>
      ) : (
        theirs.map((e) => {
          const s = sessions.get(e.sessionId);
          return (
            <Card key={e.id} withBorder>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text fw={600}>{e.name}</Text>
                <Badge color={ENROLMENT_STATUS[e.status].color}>{ENROLMENT_STATUS[e.status].label}</Badge>
              </Group>
              <Text size="sm">
                {s ? `${s.programName} · ${tanggal(s.startDate)} s.d. ${tanggal(s.endDate)}` : 'Sesi pelatihan'} · {e.origin === 'NOMINASI' ? 'usulan atasan' : 'mendaftar sendiri'}
              </Text>
              {e.reason && <Text size="sm">Alasan: {e.reason}</Text>}
            </Card>
          );
        })
      )}
    </Stack>
  );
}
