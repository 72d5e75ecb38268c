import { Alert, Badge, Button, Card, Grid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { RATING_LABEL } from '../../api/views';
import { useDraft } from '../../lib/draft';
import { tanggal, waktu } from '../../lib/format';
import { fieldError, FormErrors } from '../FormErrors';
import { LoadError, Loading } from '../States';
import { EVALUATION_STATUS_LABEL, json, OBJECTION_STATUS_LABEL, predikatLabel, todayWib, type Objection, type SkpEvaluation } from './views';

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Grid.Col span={{ base: 12, sm: 6 }}>
      <Text size="sm" c="gray.7">
        {label}
      </Text>
      <Text fw={500}>{children}</Text>
    </Grid.Col>
  );
}

/**
 * The year-end result on the SKP page: the rating and predikat, the objection if one was filed
 * and its decision; the employee rated files an objection (keberatan) here within the window.
 */
export function EvaluationCard({ skpId, owner }: { skpId: string; owner: boolean }) {
  const q = useQuery({ queryKey: ['skp', skpId, 'evaluation'], queryFn: () => json<SkpEvaluation>(`/api/v1/appraisal/skps/${skpId}/evaluation`) });
  if (q.isPending) return <Loading label="Memuat hasil penilaian" />;
  if (q.isError) return <LoadError error={q.error} />;
  const { evaluation: e, objection } = q.data;
  return (
    <Card withBorder data-testid="evaluation-card">
      <Title order={2} size="h3" mb="sm">
        Hasil penilaian akhir
      </Title>
      {!e ? (
        <Text size="sm" c="gray.7">
          Belum dinilai. Pejabat penilai memberi rating setelah periode SKP berakhir dan semua laporan realisasi diberi umpan balik.
        </Text>
      ) : (
        <Stack>
          <Grid>
            <Item label="Rating hasil kerja">{RATING_LABEL[e.ratingHasilKerja]}</Item>
            <Item label="Rating perilaku kerja">{RATING_LABEL[e.ratingPerilaku]}</Item>
            <Item label="Predikat kinerja">
              <span data-testid="predikat">{predikatLabel(e.predikat)}</span>
            </Item>
            <Item label="Status">
              <Badge color={e.status === 'FINAL' ? 'teal.9' : 'blue.8'} data-testid="evaluation-status">
                {EVALUATION_STATUS_LABEL[e.status]}
              </Badge>
            </Item>
            {e.deviationReason && <Item label="Alasan pejabat penilai">{e.deviationReason}</Item>}
            {e.status === 'DINILAI' && <Item label="Batas pengajuan keberatan">{tanggal(e.objectionDeadline)}</Item>}
          </Grid>
          {objection && <ObjectionSummary objection={objection} />}
          {owner && !objection && e.status === 'DINILAI' && (todayWib() <= e.objectionDeadline ? <FileObjection evaluationId={e.id} skpId={skpId} /> : null)}
        </Stack>
      )}
    </Card>
  );
}

export function ObjectionSummary({ objection: o }: { objection: Objection }) {
  return (
    <Alert color={o.status === 'DIAJUKAN' ? 'blue' : o.status === 'DITERIMA' ? 'teal' : 'orange'} title={`Keberatan: ${OBJECTION_STATUS_LABEL[o.status]}`} data-testid="objection-summary">
      <Stack gap={4}>
        <Text size="sm">
          Diajukan {waktu(o.filedAt)}: {o.reason}
        </Text>
        {o.decision && (
          <Text size="sm">
            Keputusan atasan pejabat penilai ({waktu(o.decidedAt)}): {o.decision}
            {o.status === 'DITERIMA' && o.newRatingHasilKerja && o.newRatingPerilaku
              ? ` — rating baru: hasil kerja ${RATING_LABEL[o.newRatingHasilKerja].toLowerCase()}, perilaku ${RATING_LABEL[o.newRatingPerilaku].toLowerCase()}.`
              : ''}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}

/** The keberatan form: one reason, filed once; it goes to the atasan pejabat penilai. */
export function FileObjection({ evaluationId, skpId }: { evaluationId: string; skpId: string }) {
  const queryClient = useQueryClient();
  const [reason, setReason, clear] = useDraft<string>(`keberatan-${evaluationId}`, '');
  const file = useMutation({
    mutationFn: () => json(`/api/v1/appraisal/evaluations/${evaluationId}/objection`, 'POST', { reason }),
    onSuccess: () => {
      clear();
      void queryClient.invalidateQueries({ queryKey: ['skp', skpId, 'evaluation'] });
    },
  });
  return (
    <form
      noValidate
      onSubmit={(ev) => {
        ev.preventDefault();
        file.mutate();
      }}
    >
      <Stack gap="xs">
        <Textarea
          label="Alasan keberatan"
          description="Jelaskan mengapa Anda keberatan atas penilaian ini; keberatan diputus oleh atasan pejabat penilai dan hanya dapat diajukan sekali."
          autosize
          minRows={3}
          value={reason}
          onChange={(ev) => setReason(ev.currentTarget.value)}
          error={fieldError(file.error, 'reason')}
        />
        <FormErrors error={file.error} fields={['reason']} />
        <Button type="submit" loading={file.isPending} variant="outline" color="red.9" w="fit-content">
          Ajukan keberatan
        </Button>
      </Stack>
    </form>
  );
}
