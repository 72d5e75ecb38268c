import { Alert, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { download } from '../../api/client';
import { CertificateUpload } from '../../components/career/CertificateUpload';
import { careerJson, careerUpload, CAREER, type Enrolment, ENROLMENT_STATUS, type Session } from '../../components/career/career-api';
import { FeedbackForm, type FeedbackBody } from '../../components/career/FeedbackForm';
import { ReasonForm } from '../../components/career/ReasonForm';
import { WRAP_COMPACT } from '../../components/career/ui';
import { Empty } from '../../components/States';
import { angka, tanggal } from '../../lib/format';

/** Sessions of the given places, fetched once each (an enrolment names its session only by id). */
export function useSessions(ids: string[]): Map<string, Session> {
  const unique = [...new Set(ids)];
  const results = useQueries({ queries: unique.map((id) => ({ queryKey: ['career', 'session', id], queryFn: () => careerJson<Session>(`/sessions/${id}`), staleTime: 60_000 })) });
  const map = new Map<string, Session>();
  results.forEach((r, i) => r.data && map.set(unique[i], r.data));
  return map;
}

export function MyEnrolments({ places }: { places: Enrolment[] }) {
  const sessions = useSessions(places.map((p) => p.sessionId));
  if (places.length === 0)
    return <Empty title="Anda belum terdaftar di pelatihan mana pun">Pilih program di katalog di atas, buka sesinya, lalu tekan “Daftar sesi ini”. Atasan Anda juga dapat mengusulkan Anda.</Empty>;
  return (
    <Stack gap="sm" data-testid="my-enrolments">
      {places.map((p) => (
        <PlaceCard key={p.id} place={p} session={sessions.get(p.sessionId)} />
      ))}
    </Stack>
  );
}

function PlaceCard({ place: p, session: s }: { place: Enrolment; session?: Session }) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['career'] });
  const [cancelling, setCancelling] = useState(false);
  // Given earlier (career says so) or on this visit: the form is not offered again.
  const [feedbackSent, setFeedbackSent] = useState(p.feedbackGiven);
  const cancel = useMutation({ mutationFn: (reason: string) => careerJson(`/enrolments/${p.id}/cancel`, 'POST', { reason }), onSuccess: () => void refresh() });
  const feedback = useMutation({ mutationFn: (body: FeedbackBody) => careerJson(`/enrolments/${p.id}/feedback`, 'POST', body), onSuccess: () => setFeedbackSent(true) });
  const status = ENROLMENT_STATUS[p.status];
  const canCancel = ['DAFTAR_TUNGGU', 'DIAJUKAN', 'DIVERIFIKASI', 'DISETUJUI'].includes(p.status);
  const canUpload = p.status === 'LULUS' || p.status === 'SERTIFIKAT_DIUNGGAH';
  // Career's own rule: a place with attendance whose result is recorded (BKPSDM records the result once the session is over).
  const canFeedback = p.daysPresent > 0 && ['LULUS', 'TIDAK_LULUS', 'SERTIFIKAT_DIUNGGAH', 'SELESAI'].includes(p.status);
  const title = s?.programName ?? 'Pelatihan';
  return (
    <Card withBorder data-testid="place" data-status={p.status}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Text fw={600}>{title}</Text>
        <Badge color={status.color} data-testid="place-status">
          {status.label}
        </Badge>
      </Group>
      {s && (
        <Text size="sm">
          {tanggal(s.startDate)} s.d. {tanggal(s.endDate)} · {s.online ? 'daring' : (s.location ?? '')} · {angka(s.jp)} JP
        </Text>
      )}
      <Text size="sm" c="gray.7">
        {p.origin === 'NOMINASI' ? 'Diusulkan atasan' : 'Mendaftar sendiri'} · {p.daysPresent > 0 ? `hadir ${p.daysPresent} hari` : 'belum ada kehadiran tercatat'}
        {p.recognisedJp !== null ? ` · ${angka(p.recognisedJp)} JP diakui` : ''}
      </Text>
      {p.status === 'DAFTAR_TUNGGU' && <Text size="sm">Anda di daftar tunggu: Anda naik otomatis menjadi peserta bila ada kursi yang dilepas.</Text>}
      {p.status === 'DIAJUKAN' && <Text size="sm">Menunggu verifikasi BKPSDM (syarat jabatan, jadwal, anggaran).</Text>}
      {p.status === 'DIVERIFIKASI' && <Text size="sm">Terverifikasi; menunggu persetujuan anggaran.</Text>}
      {p.status === 'DISETUJUI' && <Text size="sm">Disetujui. Hadiri sesinya; setelah lulus, unggah sertifikatnya di sini.</Text>}
      {p.status === 'SERTIFIKAT_DIUNGGAH' && <Text size="sm">Sertifikat sedang diverifikasi BKPSDM; JP tercatat setelah diverifikasi.</Text>}
      {p.reason && (p.status === 'DITOLAK' || p.status === 'DIBATALKAN') && (
        <Alert color={p.status === 'DITOLAK' ? 'red' : 'gray'} mt={4} title={p.status === 'DITOLAK' ? 'Alasan penolakan' : 'Alasan pembatalan'}>
          {p.reason}
        </Alert>
      )}
      {p.certificateFileName && (
        <Group gap="xs" mt={4}>
          <Text size="sm">Sertifikat:</Text>
          <Button variant="subtle" size="compact-sm" styles={WRAP_COMPACT} onClick={() => void download(`${CAREER}/enrolments/${p.id}/certificate`, p.certificateFileName ?? 'sertifikat')}>
            {p.certificateFileName}
          </Button>
        </Group>
      )}
      {canUpload && s && (
        <Stack mt="sm">
          <CertificateUpload
            label="Sertifikat (STTPP)"
            maxJp={s.jp}
            onUpload={async (file, jp) => {
              await careerUpload(`/enrolments/${p.id}/certificate?jp=${jp ?? s.jp}&fileName=${encodeURIComponent(file.name)}`, file);
              await refresh();
            }}
          />
        </Stack>
      )}
      {canFeedback && !feedbackSent && (
        <Card bg="gray.0" mt="sm" padding="sm">
          <Text fw={600} size="sm" mb="xs">
            Umpan balik atas sesi ini
          </Text>
          <FeedbackForm error={feedback.error} busy={feedback.isPending} onSubmit={(b) => feedback.mutate(b)} />
        </Card>
      )}
      {feedbackSent && canFeedback && (
        <Alert color="teal" mt="sm" role="status">
          {p.feedbackGiven ? 'Umpan balik Anda atas sesi ini sudah tersimpan.' : 'Terima kasih, umpan balik Anda tersimpan.'}
        </Alert>
      )}
      {canCancel &&
        (cancelling ? (
          <Card bg="gray.0" mt="sm" padding="sm">
            <ReasonForm label="Alasan membatalkan" submitLabel="Batalkan pendaftaran" error={cancel.error} busy={cancel.isPending} onSubmit={(r) => cancel.mutate(r)} onCancel={() => setCancelling(false)} />
          </Card>
        ) : (
          <Group mt="xs">
            <Button variant="subtle" color="red.8" size="compact-sm" styles={WRAP_COMPACT} onClick={() => setCancelling(true)}>
              Batalkan pendaftaran
            </Button>
          </Group>
        ))}
    </Card>
  );
}
