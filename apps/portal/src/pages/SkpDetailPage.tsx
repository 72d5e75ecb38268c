import { Accordion, Alert, Badge, Button, Card, Code, FileInput, Group, NumberInput, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api, download, rawFetch, unwrap } from '../api/client';
import { ASPEK_LABEL, BERAKHLAK, RATING_LABEL, STATUS_COLOR, STATUS_LABEL, type Period, type Skp } from '../api/views';
import { useAuth } from '../auth/AuthProvider';
import { EvaluationCard } from '../components/appraisal/EvaluationCard';
import { usePenilaiRhk } from '../components/appraisal/hooks';
import { fieldError, FormErrors } from '../components/FormErrors';
import { SkpForm, toRequest, type SkpDraft } from '../components/SkpForm';
import { Empty, LoadError, Loading, PageTitle } from '../components/States';
import { useDraft } from '../lib/draft';
import { angka, tanggal } from '../lib/format';

const MAX_EVIDENCE = 10 * 1024 * 1024;

function toDraft(s: Skp): SkpDraft {
  return {
    year: s.year,
    pendekatan: s.pendekatan,
    rhk: s.rhk.map((r) => ({
      id: r.id,
      kind: r.kind,
      description: r.description,
      parentRhkId: r.parentRhkId ?? '',
      indicators: r.indicators.map((i) => ({ id: i.id, description: i.description, aspek: i.aspek, target: i.target ?? '', unit: i.unit ?? '', direction: i.direction, evidenceRequired: i.evidenceRequired })),
    })),
  };
}

export function SkpDetailPage() {
  const { id = '' } = useParams();
  const auth = useAuth();
  const queryClient = useQueryClient();
  const skp = useQuery({ queryKey: ['skp', id], queryFn: () => unwrap(api.GET('/api/v1/appraisal/skps/{id}', { params: { path: { id } } })) as Promise<Skp> });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['skp', id] }).then(() => queryClient.invalidateQueries({ queryKey: ['skps'] }));

  const save = useMutation({
    mutationFn: (d: SkpDraft) => {
      const { pendekatan, rhk } = toRequest(d);
      return unwrap(api.PUT('/api/v1/appraisal/skps/{id}/content', { params: { path: { id } }, body: { pendekatan, rhk } }));
    },
  });
  const submit = useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/appraisal/skps/{id}/submit', { params: { path: { id } } })), onSuccess: refresh });
  const editing = !!skp.data && auth.principal?.nip === skp.data.snapshot.nip && (skp.data.status === 'DRAFT' || skp.data.status === 'DIKEMBALIKAN');
  const penilaiRhk = usePenilaiRhk({ skpId: id }, editing);

  if (skp.isPending) return <Loading />;
  if (skp.isError) return <LoadError error={skp.error} />;
  const s = skp.data;
  const owner = auth.principal?.nip === s.snapshot.nip;
  const penilai = auth.principal?.nip === s.penilaiNip;
  const editable = owner && (s.status === 'DRAFT' || s.status === 'DIKEMBALIKAN');

  return (
    <Stack>
      <PageTitle>
        SKP {s.year} — {s.snapshot.name}
      </PageTitle>
      <Card withBorder>
        <Group justify="space-between" wrap="wrap">
          <Stack gap={2}>
            <Text>
              {[s.snapshot.jabatan?.name, s.snapshot.unit?.name].filter(Boolean).join(' · ')}
            </Text>
            <Text size="sm" c="gray.7">
              Periode {tanggal(s.startDate)} s.d. {tanggal(s.endDate)} · Pejabat penilai: {s.snapshot.pejabatPenilai?.name ?? '—'}
            </Text>
          </Stack>
          <Group gap="xs">
            <Badge size="lg" color={STATUS_COLOR[s.status]} data-testid="skp-status">
              {STATUS_LABEL[s.status]}
            </Badge>
            <Button variant="outline" size="xs" onClick={() => void download(`/api/v1/appraisal/skps/${id}/document`, `SKP-${s.year}.pdf`)}>
              Unduh PDF
            </Button>
          </Group>
        </Group>
      </Card>
      {s.returnNotes && (
        <Alert color="orange" title="Catatan pejabat penilai" data-testid="return-notes">
          {s.returnNotes}
        </Alert>
      )}
      {editable ? (
        <Card withBorder>
          <Title order={2} size="h3" mb="sm">
            Ubah rencana
          </Title>
          <SkpForm
            draftKey={`skp-${id}`}
            initial={toDraft(s)}
            error={save.error}
            busy={save.isPending}
            submitLabel="Simpan perubahan"
            penilaiRhk={penilaiRhk}
            onSubmit={(d, clear) => save.mutate(d, { onSuccess: () => { clear(); void refresh(); } })}
          />
          <Stack mt="md" gap="xs">
            <FormErrors error={submit.error} />
            <Button color="teal.9" onClick={() => submit.mutate()} loading={submit.isPending} w="fit-content">
              Ajukan ke pejabat penilai
            </Button>
          </Stack>
        </Card>
      ) : (
        <RhkTable skp={s} />
      )}
      {penilai && s.status === 'DIAJUKAN' && <Decide id={id} onDone={refresh} />}
      {s.status === 'DITETAPKAN' && <Periods skp={s} owner={owner} penilai={penilai} />}
      {s.status === 'DITETAPKAN' && penilai && <Rating skp={s} />}
      {(s.status === 'DITETAPKAN' || s.status === 'DITUTUP') && <EvaluationCard skpId={s.id} owner={owner} />}
    </Stack>
  );
}


function RhkTable({ skp }: { skp: Skp }) {
  return (
    <Card withBorder>
      <Title order={2} size="h3" mb="sm">
        Rencana hasil kerja
      </Title>
      <Stack>
        {skp.rhk.map((r, i) => (
          <div key={r.id}>
            <Text fw={600}>
              {i + 1}. {r.description} <Badge variant="outline" color="dark.6">{r.kind === 'UTAMA' ? 'Utama' : 'Tambahan'}</Badge>
            </Text>
            <Text size="xs" c="gray.7">
              Kode RHK: <Code data-testid="rhk-code">{r.id}</Code>
            </Text>
            <Table.ScrollContainer minWidth={320}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Indikator</Table.Th>
                    <Table.Th>Aspek</Table.Th>
                    <Table.Th>Target</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {r.indicators.map((ind) => (
                    <Table.Tr key={ind.id}>
                      <Table.Td>{ind.description}</Table.Td>
                      <Table.Td>{ASPEK_LABEL[ind.aspek]}</Table.Td>
                      <Table.Td>
                        {angka(ind.target)} {ind.unit ?? ''}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </div>
        ))}
      </Stack>
    </Card>
  );
}

function Decide({ id, onDone }: { id: string; onDone: () => unknown }) {
  const [expectations, setExpectations] = useDraft<Record<string, string>>(`tetapkan-${id}`, {});
  const [reason, setReason] = useDraft<string>(`kembalikan-${id}`, '');
  const set = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/appraisal/skps/{id}/set', {
          params: { path: { id } },
          body: { expectations: Object.fromEntries(Object.entries(expectations).filter(([, v]) => v.trim())) as Record<string, never> },
        }),
      ),
    onSuccess: () => {
      window.sessionStorage.removeItem(`capaian.draft.tetapkan-${id}`);
      void onDone();
    },
  });
  const ret = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/appraisal/skps/{id}/return', { params: { path: { id } }, body: { reason } })),
    onSuccess: () => {
      window.sessionStorage.removeItem(`capaian.draft.kembalikan-${id}`);
      void onDone();
    },
  });
  return (
    <Card withBorder>
      <Title order={2} size="h3" mb="sm">
        Keputusan pejabat penilai
      </Title>
      <Stack>
        <Text size="sm">Ekspektasi perilaku kerja (BerAKHLAK) untuk setiap nilai:</Text>
        {BERAKHLAK.map(([code, label]) => (
          <TextInput key={code} label={label} value={expectations[code] ?? ''} onChange={(e) => { const v = e.currentTarget.value; setExpectations((p) => ({ ...p, [code]: v })); }} error={fieldError(set.error, `expectations.${code}`)} />
        ))}
        <FormErrors error={set.error} fields={BERAKHLAK.map(([c]) => `expectations.${c}`)} />
        <Button onClick={() => set.mutate()} loading={set.isPending} w="fit-content">
          Tetapkan SKP
        </Button>
        <Textarea label="Catatan pengembalian" description="Jelaskan apa yang perlu diperbaiki" value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={fieldError(ret.error, 'reason')} />
        <FormErrors error={ret.error} fields={['reason']} />
        <Button variant="outline" color="red.9" onClick={() => ret.mutate()} loading={ret.isPending} w="fit-content">
          Kembalikan untuk diperbaiki
        </Button>
      </Stack>
    </Card>
  );
}

function Periods({ skp, owner, penilai }: { skp: Skp; owner: boolean; penilai: boolean }) {
  const periods = useQuery({
    queryKey: ['skp', skp.id, 'periods'],
    queryFn: () => unwrap(api.GET('/api/v1/appraisal/skps/{id}/periods', { params: { path: { id: skp.id } } })) as Promise<Period[]>,
  });
  if (periods.isPending) return <Loading />;
  if (periods.isError) return <LoadError error={periods.error} />;
  if (periods.data.length === 0) return <Empty title="Belum ada periode pelaporan">Jadwal pelaporan OPD Anda belum tersedia; hubungi admin OPD.</Empty>;
  return (
    <Card withBorder>
      <Title order={2} size="h3" mb="sm">
        Realisasi per periode
      </Title>
      <Accordion variant="separated" defaultValue={openPeriod(periods.data)}>
        {periods.data.map((p) => (
          <Accordion.Item key={p.number} value={String(p.number)}>
            <Accordion.Control data-period={p.name}>
              <Group justify="space-between" wrap="wrap" pr="sm">
                <Text fw={600}>{p.name}</Text>
                <Text size="sm" c="gray.7">
                  Lapor paling lambat {tanggal(p.reportDue)} · {p.realizations.length ? 'sudah dilaporkan' : 'belum dilaporkan'}
                </Text>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <PeriodPanel skp={skp} period={p} owner={owner} penilai={penilai} />
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Card>
  );
}

/** The period that takes reports today (from its start to its report deadline), opened at first. */
function openPeriod(periods: Period[]): string | null {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
  const open = periods.find((p) => p.start <= today && today <= p.reportDue);
  return open ? String(open.number) : null;
}

function PeriodPanel({ skp, period, owner, penilai }: { skp: Skp; period: Period; owner: boolean; penilai: boolean }) {
  const queryClient = useQueryClient();
  const indicators = skp.rhk.flatMap((r) => r.indicators);
  const initial: Record<string, number | ''> = Object.fromEntries(indicators.map((i) => [i.id, period.realizations.find((r) => r.indicatorId === i.id)?.value ?? '']));
  const [values, setValues] = useDraft<Record<string, number | ''>>(`realisasi-${skp.id}-${period.number}`, initial);
  const [feedback, setFeedback] = useDraft<string>(`umpan-balik-${skp.id}-${period.number}`, '');
  const [uploadError, setUploadError] = useState<Record<string, unknown>>({});
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['skp', skp.id, 'periods'] });
  const report = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/v1/appraisal/skps/{id}/periods/{number}/realization', {
          params: { path: { id: skp.id, number: period.number } },
          body: { realizations: indicators.filter((i) => values[i.id] !== '' && values[i.id] !== undefined).map((i) => ({ indicatorId: i.id, value: Number(values[i.id]) })) },
        }),
      ),
    onSuccess: () => {
      window.sessionStorage.removeItem(`capaian.draft.realisasi-${skp.id}-${period.number}`);
      void refresh();
    },
  });
  const giveFeedback = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/appraisal/skps/{id}/periods/{number}/feedback', { params: { path: { id: skp.id, number: period.number } }, body: { feedback } })),
    onSuccess: () => void refresh(),
  });
  const upload = async (indicatorId: string, file: File | null) => {
    if (!file) return;
    if (file.size > MAX_EVIDENCE) {
      setUploadError((p) => ({ ...p, [indicatorId]: new Error(`Berkas ${file.name} terlalu besar: paling besar 10 MB.`) }));
      return;
    }
    try {
      await rawFetch(`/api/v1/appraisal/skps/${skp.id}/periods/${period.number}/evidence?indicatorId=${indicatorId}&fileName=${encodeURIComponent(file.name)}`, {
        method: 'POST',
        headers: { 'content-type': file.type || 'application/octet-stream' },
        body: file,
      });
      setUploadError((p) => ({ ...p, [indicatorId]: undefined }));
      void refresh();
    } catch (e) {
      setUploadError((p) => ({ ...p, [indicatorId]: e }));
    }
  };
  const feedbackText = period.feedback;

  return (
    <Stack>
      {indicators.map((ind) => {
        const evidence = period.evidence.filter((e) => e.indicatorId === ind.id);
        const ue = uploadError[ind.id];
        return (
          <Card key={ind.id} bg="gray.0" padding="xs">
            <Text fw={600} size="sm">
              {ind.description} (target {angka(ind.target)} {ind.unit ?? ''})
            </Text>
            {owner ? (
              <Group align="flex-end" wrap="wrap">
                <NumberInput label="Realisasi" value={values[ind.id] ?? ''} onChange={(v) => setValues((p) => ({ ...p, [ind.id]: v === '' ? '' : Number(v) }))} decimalSeparator="," thousandSeparator="." w={160} />
                <FileInput
                  label="Bukti dukung"
                  placeholder="Pilih berkas (PDF, gambar, dokumen; maks. 10 MB)"
                  onChange={(f) => void upload(ind.id, f)}
                  error={ue ? (ue as Error).message : undefined}
                  accept="application/pdf,image/png,image/jpeg,.doc,.docx,.xls,.xlsx"
                  w={280}
                />
              </Group>
            ) : (
              <Text size="sm">Realisasi: {angka(period.realizations.find((r) => r.indicatorId === ind.id)?.value)}</Text>
            )}
            {evidence.length > 0 && (
              <Text size="sm" data-testid="evidence">
                Bukti:{' '}
                {evidence.map((e) => (
                  <Button key={e.id} variant="subtle" size="compact-xs" onClick={() => void download(`/api/v1/appraisal/evidence/${e.id}`, e.fileName)}>
                    {e.fileName}
                  </Button>
                ))}
              </Text>
            )}
          </Card>
        );
      })}
      {owner && (
        <>
          <FormErrors error={report.error} />
          <Button onClick={() => report.mutate()} loading={report.isPending} w="fit-content">
            Laporkan realisasi {period.name}
          </Button>
        </>
      )}
      {feedbackText ? (
        <Alert color="teal" title="Umpan balik pejabat penilai">
          {feedbackText}
        </Alert>
      ) : (
        !penilai && <Text size="sm" c="gray.7">Belum ada umpan balik.</Text>
      )}
      {penilai && !feedbackText && (
        <>
          <Textarea label={`Umpan balik untuk ${period.name}`} value={feedback} onChange={(e) => setFeedback(e.currentTarget.value)} error={fieldError(giveFeedback.error, 'feedback')} />
          <FormErrors error={giveFeedback.error} fields={['feedback']} />
          <Button variant="light" onClick={() => giveFeedback.mutate()} loading={giveFeedback.isPending} w="fit-content">
            Kirim umpan balik
          </Button>
        </>
      )}
    </Stack>
  );
}

interface Achievement {
  indicators: { indicatorId: string; target: number | null; realization: number | null; capaian: number | null }[];
  suggestedRatingHasilKerja: keyof typeof RATING_LABEL | null;
}

function Rating({ skp }: { skp: Skp }) {
  const achievement = useQuery({
    queryKey: ['skp', skp.id, 'achievement'],
    queryFn: () => unwrap(api.GET('/api/v1/appraisal/skps/{id}/achievement', { params: { path: { id: skp.id } } })) as Promise<Achievement>,
  });
  const [rating, setRating] = useDraft<string>(`rating-${skp.id}`, '');
  const [reason, setReason] = useDraft<string>(`rating-alasan-${skp.id}`, '');
  const [perilaku, setPerilaku] = useDraft<Record<string, string>>(`perilaku-${skp.id}`, Object.fromEntries(BERAKHLAK.map(([c]) => [c, 'SESUAI'])));
  const rate = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/appraisal/skps/{id}/evaluation', {
          params: { path: { id: skp.id } },
          body: { ratingHasilKerja: (rating || achievement.data?.suggestedRatingHasilKerja || 'SESUAI') as 'SESUAI', ...(reason.trim() ? { reason } : {}), perilaku: perilaku as Record<string, never> },
        }),
      ),
  });
  const names = new Map(skp.rhk.flatMap((r) => r.indicators).map((i) => [i.id, i.description]));
  const options = Object.entries(RATING_LABEL).map(([value, label]) => ({ value, label }));
  return (
    <Card withBorder>
      <Title order={2} size="h3" mb="sm">
        Penilaian hasil kerja
      </Title>
      {achievement.isPending ? (
        <Loading />
      ) : achievement.isError ? (
        <LoadError error={achievement.error} />
      ) : (
        <Stack>
          <Table.ScrollContainer minWidth={320}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Indikator</Table.Th>
                  <Table.Th>Target</Table.Th>
                  <Table.Th>Realisasi</Table.Th>
                  <Table.Th>Capaian</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {achievement.data.indicators.map((i) => (
                  <Table.Tr key={i.indicatorId}>
                    <Table.Td>{names.get(i.indicatorId)}</Table.Td>
                    <Table.Td>{angka(i.target)}</Table.Td>
                    <Table.Td>{angka(i.realization)}</Table.Td>
                    <Table.Td>{i.capaian === null ? '—' : `${angka(i.capaian)}%`}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text>
            Saran sistem: <b>{achievement.data.suggestedRatingHasilKerja ? RATING_LABEL[achievement.data.suggestedRatingHasilKerja] : 'belum ada (realisasi belum lengkap)'}</b>
          </Text>
          <Select label="Rating hasil kerja" data={options} value={rating || achievement.data.suggestedRatingHasilKerja || null} onChange={(v) => setRating(v ?? '')} error={fieldError(rate.error, 'ratingHasilKerja')} />
          <Textarea label="Alasan bila berbeda dari saran sistem" value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={fieldError(rate.error, 'reason')} />
          {BERAKHLAK.map(([code, label]) => (
            <Select key={code} label={`Perilaku: ${label}`} data={options} value={perilaku[code]} allowDeselect={false} onChange={(v) => v && setPerilaku((p) => ({ ...p, [code]: v }))} />
          ))}
          <FormErrors error={rate.error} fields={['ratingHasilKerja', 'reason']} />
          {rate.isSuccess && <Alert color="green">Penilaian tersimpan.</Alert>}
          <Button onClick={() => rate.mutate()} loading={rate.isPending} w="fit-content">
            Simpan penilaian
          </Button>
        </Stack>
      )}
    </Card>
  );
}
