import { Badge, Button, Card, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { download } from '../../../api/client';
import { useAuth } from '../../../auth/AuthProvider';
import { CAREER, careerJson, DARK_GREEN, type Enrolment, ENROLMENT_STATUS, type EnrolmentStatus, type Session, sessionDays } from '../../../components/career/career-api';
import { ReasonForm } from '../../../components/career/ReasonForm';
import { WRAP, WRAP_COMPACT } from '../../../components/career/ui';
import { FormErrors } from '../../../components/FormErrors';
import { Empty, LoadError, Loading } from '../../../components/States';
import { angka, tanggal, waktu } from '../../../lib/format';
import { useSessions } from '../MyEnrolments';

const NEEDS_ACTION: EnrolmentStatus[] = ['DIAJUKAN', 'DIVERIFIKASI', 'DISETUJUI', 'SERTIFIKAT_DIUNGGAH'];
const FILTERS = [
  { value: 'tindakan', label: 'Perlu tindakan' },
  { value: 'semua', label: 'Semua' },
  ...Object.entries(ENROLMENT_STATUS).map(([value, s]) => ({ value, label: s.label })),
];

/** Verification (approve/reject with a reason), attendance, results and certificates, per session. */
export function EnrolmentsAdmin() {
  const [filter, setFilter] = useState('tindakan');
  // A work queue: opening the tab always asks again (places arrive from other people's screens).
  const enrolments = useQuery({ queryKey: ['career', 'enrolments'], queryFn: () => careerJson<Enrolment[]>('/enrolments'), refetchOnMount: 'always' });
  const sessions = useSessions((enrolments.data ?? []).map((e) => e.sessionId));
  if (enrolments.isPending) return <Loading />;
  if (enrolments.isError) return <LoadError error={enrolments.error} />;
  const shown = enrolments.data.filter((e) => (filter === 'semua' ? true : filter === 'tindakan' ? NEEDS_ACTION.includes(e.status) : e.status === filter));
  const bySession = new Map<string, Enrolment[]>();
  for (const e of shown) bySession.set(e.sessionId, [...(bySession.get(e.sessionId) ?? []), e]);
  return (
    <Stack>
      <NativeSelect label="Tampilkan" value={filter} onChange={(e) => setFilter(e.currentTarget.value)} data={FILTERS} w={{ base: '100%', sm: 260 }} />
      {shown.length === 0 ? (
        <Empty title={filter === 'tindakan' ? 'Tidak ada pendaftaran yang menunggu tindakan' : 'Tidak ada pendaftaran dengan status ini'}>
          Pendaftaran baru tampil di sini begitu pegawai mendaftar atau diusulkan atasannya. Pilih “Semua” untuk melihat riwayatnya.
        </Empty>
      ) : (
        [...bySession.entries()].map(([sessionId, rows]) => {
          const s = sessions.get(sessionId);
          return (
            <Card key={sessionId} withBorder data-testid="admin-session">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Title order={2} size="h4">
                  {s ? `${s.programName} · ${tanggal(s.startDate)} s.d. ${tanggal(s.endDate)}` : 'Sesi pelatihan'}
                </Title>
                <Button variant="subtle" size="compact-sm" styles={WRAP_COMPACT} onClick={() => void download(`${CAREER}/sessions/${sessionId}/enrolments.xlsx`, `peserta-sesi-${sessionId}.xlsx`)}>
                  Unduh daftar peserta (XLSX)
                </Button>
              </Group>
              {s && (
                <Text size="sm" c="gray.7">
                  {angka(s.seatsTaken)} dari {angka(s.quota)} kursi terisi · {angka(s.jp)} JP
                </Text>
              )}
              <Stack gap="xs" mt="xs">
                {rows.map((e) => (
                  <EnrolmentRow key={e.id} enrolment={e} session={s} />
                ))}
              </Stack>
            </Card>
          );
        })
      )}
    </Stack>
  );
}

function EnrolmentRow({ enrolment: e, session: s }: { enrolment: Enrolment; session?: Session }) {
  const auth = useAuth();
  const bkpsdm = auth.hasRole('admin-bkpsdm');
  const queryClient = useQueryClient();
  const [rejecting, setRejecting] = useState(false);
  const [fundedBy, setFundedBy] = useState<'OPD' | 'BKPSDM'>('OPD');
  const [day, setDay] = useState<string>('');
  const act = useMutation({
    mutationFn: ({ path, method = 'POST', body = {} }: { path: string; method?: string; body?: unknown }) => careerJson<Enrolment>(`/enrolments/${e.id}${path}`, method, body),
    onSuccess: () => {
      setRejecting(false);
      void queryClient.invalidateQueries({ queryKey: ['career'] });
    },
  });
  const status = ENROLMENT_STATUS[e.status];
  const days = s ? sessionDays(s.startDate, s.endDate) : [];
  const who = `${e.name}`;
  return (
    <Card bg="gray.0" padding="sm" data-testid="admin-enrolment" data-nip={e.nip}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={600}>
          {e.name} <Text span size="sm" c="gray.7">NIP {e.nip} · {e.opdCode ?? '—'}</Text>
        </Text>
        <Badge color={status.color}>{status.label}</Badge>
      </Group>
      <Text size="sm">
        {e.origin === 'NOMINASI' ? 'Diusulkan atasan' : 'Mendaftar sendiri'} · {e.jenisAsn} · hadir {e.daysPresent} hari
        {e.status === 'DAFTAR_TUNGGU' && e.waitlistedAt ? ` · daftar tunggu sejak ${waktu(e.waitlistedAt)}` : ''}
        {e.recognisedJp !== null ? ` · ${angka(e.recognisedJp)} JP diakui` : ''}
      </Text>
      {e.reason && <Text size="sm">Alasan: {e.reason}</Text>}

      {bkpsdm && e.status === 'DIAJUKAN' && !rejecting && (
        <Group mt="xs" gap="xs">
          <Button size="compact-sm" styles={WRAP_COMPACT} loading={act.isPending} onClick={() => act.mutate({ path: '/verify' })} aria-label={`Verifikasi pendaftaran ${who}`}>
            Verifikasi
          </Button>
          <Button size="compact-sm" variant="outline" color="red.9" styles={WRAP_COMPACT} onClick={() => setRejecting(true)} aria-label={`Tolak pendaftaran ${who}`}>
            Tolak
          </Button>
        </Group>
      )}
      {e.status === 'DIVERIFIKASI' && !rejecting && (
        <Group mt="xs" gap="xs" align="flex-end" wrap="wrap">
          {bkpsdm ? (
            <NativeSelect label="Dibiayai dari" size="xs" value={fundedBy} onChange={(ev) => setFundedBy(ev.currentTarget.value as 'OPD' | 'BKPSDM')} data={[{ value: 'OPD', label: `Anggaran OPD ${e.opdCode ?? ''}` }, { value: 'BKPSDM', label: 'Anggaran pusat BKPSDM' }]} />
          ) : (
            <Text size="sm">Dibiayai dari anggaran OPD Anda.</Text>
          )}
          <Button size="compact-sm" styles={WRAP_COMPACT} loading={act.isPending} onClick={() => act.mutate({ path: '/approve', body: { fundedBy: bkpsdm ? fundedBy : 'OPD' } })} aria-label={`Setujui pendaftaran ${who}`}>
            Setujui
          </Button>
          {bkpsdm && (
            <Button size="compact-sm" variant="outline" color="red.9" styles={WRAP_COMPACT} onClick={() => setRejecting(true)} aria-label={`Tolak pendaftaran ${who}`}>
              Tolak
            </Button>
          )}
        </Group>
      )}
      {rejecting && (
        <Card mt="xs" padding="sm" withBorder>
          <ReasonForm label={`Alasan menolak pendaftaran ${who}`} submitLabel="Tolak pendaftaran" error={act.error} busy={act.isPending} onSubmit={(reason) => act.mutate({ path: '/reject', body: { reason } })} onCancel={() => setRejecting(false)} />
        </Card>
      )}
      {bkpsdm && e.status === 'DISETUJUI' && (
        <Stack gap="xs" mt="xs">
          <Group gap="xs" align="flex-end" wrap="wrap">
            <NativeSelect label="Hari sesi" size="xs" value={day || days[0] || ''} onChange={(ev) => setDay(ev.currentTarget.value)} data={days.map((d) => ({ value: d, label: tanggal(d) }))} />
            <Button size="compact-sm" styles={WRAP_COMPACT} loading={act.isPending} onClick={() => act.mutate({ path: `/attendance/${day || days[0]}`, method: 'PUT', body: { present: true } })} aria-label={`Catat hadir: ${who}`}>
              Catat hadir
            </Button>
            <Button size="compact-sm" variant="outline" styles={WRAP_COMPACT} loading={act.isPending} onClick={() => act.mutate({ path: `/attendance/${day || days[0]}`, method: 'PUT', body: { present: false } })} aria-label={`Catat tidak hadir: ${who}`}>
              Catat tidak hadir
            </Button>
          </Group>
          <Group gap="xs">
            <Button size="compact-sm" color={DARK_GREEN} styles={WRAP_COMPACT} loading={act.isPending} onClick={() => act.mutate({ path: '/complete', body: { passed: true } })} aria-label={`Nyatakan lulus: ${who}`}>
              Nyatakan lulus
            </Button>
            <Button size="compact-sm" variant="outline" color="red.9" styles={WRAP_COMPACT} loading={act.isPending} onClick={() => act.mutate({ path: '/complete', body: { passed: false } })} aria-label={`Nyatakan tidak lulus: ${who}`}>
              Nyatakan tidak lulus
            </Button>
          </Group>
        </Stack>
      )}
      {e.status === 'SERTIFIKAT_DIUNGGAH' && (
        <Group mt="xs" gap="xs">
          <Button variant="subtle" size="compact-sm" styles={WRAP_COMPACT} onClick={() => void download(`${CAREER}/enrolments/${e.id}/certificate`, e.certificateFileName ?? 'sertifikat')}>
            Lihat sertifikat {e.certificateFileName ?? ''} ({angka(e.certificateJp)} JP)
          </Button>
          {bkpsdm && (
            <Button size="compact-sm" styles={WRAP} loading={act.isPending} onClick={() => act.mutate({ path: '/certificate/verify' })} aria-label={`Verifikasi sertifikat ${who}`}>
              Verifikasi sertifikat
            </Button>
          )}
        </Group>
      )}
      {!rejecting && <FormErrors error={act.error} />}
    </Card>
  );
}
