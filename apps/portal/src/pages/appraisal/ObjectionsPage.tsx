import { Anchor, Badge, Button, Card, Group, Pagination, SegmentedControl, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { RATING_LABEL } from '../../api/views';
import { ObjectionSummary } from '../../components/appraisal/EvaluationCard';
import { json, OBJECTION_STATUS_LABEL, predikatLabel, type Objection, type ObjectionPage, type Rating } from '../../components/appraisal/views';
import { fieldError, FormErrors } from '../../components/FormErrors';
import { Empty, LoadError, Loading, PageTitle } from '../../components/States';
import { useDraft } from '../../lib/draft';
import { waktu } from '../../lib/format';

const SIZE = 20;
const ratingOptions = Object.entries(RATING_LABEL).map(([value, label]) => ({ value, label }));

/** Objections the signed-in employee decides as atasan pejabat penilai: the waiting ones to decide, the decided ones to look back on. */
export function ObjectionsPage() {
  const [status, setStatus] = useState<'DIAJUKAN' | ''>('DIAJUKAN');
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['objections', status, page],
    placeholderData: keepPreviousData,
    queryFn: () => json<ObjectionPage>(`/api/v1/appraisal/objections?${status ? `status=${status}&` : ''}page=${page}&size=${SIZE}`),
  });
  return (
    <Stack>
      <PageTitle>Keberatan atas penilaian</PageTitle>
      <Text size="sm" c="gray.7">
        Keberatan pegawai atas rating dari pejabat penilainya, yang Anda putus sebagai atasan pejabat penilai.
      </Text>
      <SegmentedControl
        value={status}
        onChange={(v) => {
          setStatus(v as 'DIAJUKAN' | '');
          setPage(1);
        }}
        data={[
          { value: 'DIAJUKAN', label: 'Menunggu keputusan' },
          { value: '', label: 'Semua' },
        ]}
        w="fit-content"
        aria-label="Tampilkan keberatan"
      />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <LoadError error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Empty title={status ? 'Tidak ada keberatan yang menunggu keputusan Anda' : 'Belum ada keberatan untuk Anda putus'}>
          Keberatan yang diajukan pegawai atas penilaian oleh pejabat penilai yang Anda bawahi akan muncul di sini, dan Anda menerima pemberitahuan di kotak masuk.
        </Empty>
      ) : (
        <>
          {list.data.items.map((o) => (
            <ObjectionItem key={o.id} objection={o} />
          ))}
          {list.data.total > SIZE && (
            <Pagination total={Math.ceil(list.data.total / SIZE)} value={page} onChange={setPage} getControlProps={(c) => ({ 'aria-label': c === 'next' ? 'Halaman berikutnya' : c === 'previous' ? 'Halaman sebelumnya' : c })} />
          )}
        </>
      )}
    </Stack>
  );
}

function ObjectionItem({ objection: o }: { objection: Objection }) {
  return (
    <Card withBorder data-testid="objection-item">
      <Group justify="space-between" wrap="wrap" mb="xs">
        <Title order={2} size="h4">
          {o.employee.name} — SKP {o.year}
        </Title>
        <Badge color={o.status === 'DIAJUKAN' ? 'blue.8' : o.status === 'DITERIMA' ? 'teal.9' : '#a33c00'}>{OBJECTION_STATUS_LABEL[o.status]}</Badge>
      </Group>
      <Stack gap={4}>
        <Text size="sm">
          NIP {o.employee.nip} · Pejabat penilai: {o.penilai?.name ?? '—'} · Diajukan {waktu(o.filedAt)}
        </Text>
        <Text size="sm">
          Rating yang diberikan: hasil kerja <b>{RATING_LABEL[o.ratingHasilKerja].toLowerCase()}</b>, perilaku <b>{RATING_LABEL[o.ratingPerilaku].toLowerCase()}</b> (predikat {predikatLabel(o.predikat).toLowerCase()})
        </Text>
        <Anchor component={Link} to={`/skp/${o.skpId}`} size="sm">
          Lihat SKP, realisasi, dan capaian {o.employee.name}
        </Anchor>
      </Stack>
      {o.status === 'DIAJUKAN' ? (
        <>
          <Text size="sm" mt="sm" fw={600}>
            Alasan keberatan
          </Text>
          <Text size="sm" mb="sm" data-testid="objection-reason">
            {o.reason}
          </Text>
          <DecideForm objection={o} />
        </>
      ) : (
        <Stack mt="sm">
          <ObjectionSummary objection={o} />
        </Stack>
      )}
    </Card>
  );
}

interface Decision {
  accepted: 'terima' | 'tolak';
  decision: string;
  ratingHasilKerja: Rating | '';
  ratingPerilaku: Rating | '';
}

/** Accept with new ratings, or reject; a reason either way (the API refuses an empty one next to its field). */
export function DecideForm({ objection: o, onDecided }: { objection: Objection; onDecided?: () => void }) {
  const queryClient = useQueryClient();
  // Two long choices side by side do not fit a 360 px phone: stacked there.
  const phone = useMediaQuery('(max-width: 30em)');
  const [d, setD, clear] = useDraft<Decision>(`keputusan-keberatan-${o.id}`, { accepted: 'tolak', decision: '', ratingHasilKerja: o.ratingHasilKerja, ratingPerilaku: o.ratingPerilaku });
  const decide = useMutation({
    mutationFn: () =>
      json(`/api/v1/appraisal/objections/${o.id}/decision`, 'POST', {
        accepted: d.accepted === 'terima',
        decision: d.decision,
        ...(d.accepted === 'terima' ? { ...(d.ratingHasilKerja ? { ratingHasilKerja: d.ratingHasilKerja } : {}), ...(d.ratingPerilaku ? { ratingPerilaku: d.ratingPerilaku } : {}) } : {}),
      }),
    onSuccess: () => {
      clear();
      onDecided?.();
      void queryClient.invalidateQueries({ queryKey: ['objections'] });
    },
  });
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        decide.mutate();
      }}
    >
      <Stack gap="xs">
        <div>
          <Text size="sm" fw={500} id={`putusan-${o.id}`}>
            Putusan
          </Text>
          <SegmentedControl
            aria-labelledby={`putusan-${o.id}`}
            orientation={phone ? 'vertical' : 'horizontal'}
            fullWidth={phone}
            value={d.accepted}
            onChange={(v) => setD((p) => ({ ...p, accepted: v as Decision['accepted'] }))}
            data={[
              { value: 'tolak', label: 'Tolak keberatan' },
              { value: 'terima', label: 'Terima, ubah rating' },
            ]}
          />
        </div>
        {d.accepted === 'terima' && (
          <Group grow wrap="wrap" align="flex-start">
            <Select label="Rating hasil kerja baru" data={ratingOptions} value={d.ratingHasilKerja || null} onChange={(v) => setD((p) => ({ ...p, ratingHasilKerja: (v ?? '') as Rating | '' }))} error={fieldError(decide.error, 'ratingHasilKerja')} miw={200} />
            <Select label="Rating perilaku kerja baru" data={ratingOptions} value={d.ratingPerilaku || null} onChange={(v) => setD((p) => ({ ...p, ratingPerilaku: (v ?? '') as Rating | '' }))} error={fieldError(decide.error, 'ratingPerilaku')} miw={200} />
          </Group>
        )}
        <Textarea
          label="Alasan keputusan"
          description="Disampaikan kepada pegawai dan pejabat penilai; keputusan bersifat final."
          autosize
          minRows={2}
          value={d.decision}
          onChange={(e) => {
            const v = e.currentTarget.value;
            setD((p) => ({ ...p, decision: v }));
          }}
          error={fieldError(decide.error, 'decision')}
        />
        <FormErrors error={decide.error} fields={['decision', 'ratingHasilKerja', 'ratingPerilaku']} />
        <Button type="submit" loading={decide.isPending} w="fit-content">
          Simpan keputusan
        </Button>
      </Stack>
    </form>
  );
}
