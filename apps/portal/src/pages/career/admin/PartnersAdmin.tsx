import { Badge, Button, Card, Collapse, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useAuth } from '../../../auth/AuthProvider';
import { careerJson, type Partner, PARTNER_KIND } from '../../../components/career/career-api';
import { AgreementForm, PartnerForm } from '../../../components/career/PartnerForm';
import { WRAP, WRAP_COMPACT } from '../../../components/career/ui';
import { Empty, LoadError, Loading } from '../../../components/States';
import { angka, tanggal } from '../../../lib/format';

interface Scorecard {
  partnerId: string;
  name: string;
  [k: string]: unknown;
}

/** Partner institutions with their MoU/PKS; BKPSDM records them; both admins read the scorecards. */
export function PartnersAdmin() {
  const bkpsdm = useAuth().hasRole('admin-bkpsdm');
  const [adding, setAdding] = useState(false);
  const queryClient = useQueryClient();
  const partners = useQuery({ queryKey: ['career', 'partners'], queryFn: () => careerJson<Partner[]>('/partners') });
  const create = useMutation({
    mutationFn: (body: unknown) => careerJson<Partner>('/partners', 'POST', body),
    onSuccess: () => {
      setAdding(false);
      void queryClient.invalidateQueries({ queryKey: ['career', 'partners'] });
    },
  });
  return (
    <Stack>
      {bkpsdm && (
        <Group>
          <Button onClick={() => setAdding((a) => !a)} aria-expanded={adding} aria-controls="mitra-baru" styles={WRAP}>
            {adding ? 'Tutup formulir lembaga' : 'Catat lembaga mitra'}
          </Button>
        </Group>
      )}
      <Collapse expanded={adding} id="mitra-baru">
        {adding && (
          <Card withBorder>
            <PartnerForm error={create.error} busy={create.isPending} onSubmit={(b) => create.mutate(b)} />
          </Card>
        )}
      </Collapse>
      {partners.isPending ? (
        <Loading />
      ) : partners.isError ? (
        <LoadError error={partners.error} />
      ) : partners.data.length === 0 ? (
        <Empty title="Belum ada lembaga mitra">{bkpsdm ? 'Catat lembaga pendidikan atau organisasi profesi yang bekerja sama, lalu perjanjiannya (MoU/PKS).' : 'BKPSDM mencatat lembaga mitra; daftarnya tampil di sini.'}</Empty>
      ) : (
        partners.data.map((p) => <PartnerCard key={p.id} partner={p} canAdd={bkpsdm} />)
      )}
    </Stack>
  );
}

function PartnerCard({ partner: p, canAdd }: { partner: Partner; canAdd: boolean }) {
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [showScore, setShowScore] = useState(false);
  const score = useQuery({ queryKey: ['career', 'scorecard', p.id], queryFn: () => careerJson<Scorecard>(`/partners/${p.id}/scorecard`), enabled: showScore });
  const add = useMutation({
    mutationFn: (body: unknown) => careerJson(`/partners/${p.id}/agreements`, 'POST', body),
    onSuccess: () => {
      setAdding(false);
      void queryClient.invalidateQueries({ queryKey: ['career', 'partners'] });
    },
  });
  const panel = `perjanjian-${p.id}`;
  const numbers = score.data ? Object.entries(score.data).filter(([k, v]) => k !== 'partnerId' && k !== 'name' && (typeof v === 'number' || v === null)) : [];
  return (
    <Card withBorder data-testid="partner">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={600}>{p.name}</Text>
        <Badge variant="light">{PARTNER_KIND[p.kind]}</Badge>
      </Group>
      {p.city && <Text size="sm">{p.city}</Text>}
      {p.agreements.length === 0 ? (
        <Text size="sm">Belum ada perjanjian.</Text>
      ) : (
        p.agreements.map((a) => (
          <Text key={a.id} size="sm">
            {a.kind} {a.number} · berlaku {tanggal(a.validFrom)} s.d. {tanggal(a.validUntil)} · {angka(a.seatsUsed)} dari {angka(a.quota)} kursi terpakai
          </Text>
        ))
      )}
      <Group mt="xs" gap="xs">
        <Button variant="subtle" size="compact-sm" styles={WRAP_COMPACT} onClick={() => setShowScore((s) => !s)} aria-expanded={showScore}>
          {showScore ? 'Tutup kartu skor' : 'Lihat kartu skor'}
        </Button>
        {canAdd && (
          <Button variant="light" size="compact-sm" styles={WRAP_COMPACT} onClick={() => setAdding((o) => !o)} aria-expanded={adding} aria-controls={panel}>
            {adding ? 'Tutup formulir perjanjian' : 'Tambah perjanjian MoU/PKS'}
          </Button>
        )}
      </Group>
      {showScore &&
        (score.isPending ? (
          <Loading label="Memuat kartu skor" />
        ) : score.isError ? (
          <LoadError error={score.error} />
        ) : (
          <Text size="sm" mt="xs">
            {numbers.length === 0 ? 'Belum ada evaluasi peserta.' : numbers.map(([k, v]) => `${SCORE_LABEL[k] ?? k}: ${v === null ? '—' : angka(v as number)}`).join(' · ')}
          </Text>
        ))}
      <Collapse expanded={adding} id={panel}>
        {adding && (
          <Card bg="gray.0" mt="xs">
            <AgreementForm error={add.error} busy={add.isPending} onSubmit={(b) => add.mutate(b)} />
          </Card>
        )}
      </Collapse>
    </Card>
  );
}

const SCORE_LABEL: Record<string, string> = {
  content: 'Materi',
  facilitator: 'Fasilitator',
  organisation: 'Penyelenggaraan',
  application: 'Penerapan di tempat kerja',
  overall: 'Rata-rata',
  responses: 'Jumlah umpan balik',
  followUps: 'Jumlah evaluasi atasan',
};
