import { Card, Grid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { Appraisers, Employee } from '../api/views';
import { LoadError, Loading, PageTitle } from '../components/States';
import { tanggal } from '../lib/format';

const JENIS_JABATAN: Record<string, string> = {
  JPT_PRATAMA: 'Jabatan pimpinan tinggi pratama',
  ADMINISTRATOR: 'Jabatan administrator',
  PENGAWAS: 'Jabatan pengawas',
  PELAKSANA: 'Jabatan pelaksana',
  FUNGSIONAL_KEAHLIAN: 'Jabatan fungsional keahlian',
  FUNGSIONAL_KETERAMPILAN: 'Jabatan fungsional keterampilan',
};

function Row({ label, value }: { label: string; value?: string | null }) {
  return (
    <Grid.Col span={{ base: 12, sm: 6 }}>
      <Text size="sm" c="gray.7">
        {label}
      </Text>
      <Text fw={500}>{value || '—'}</Text>
    </Grid.Col>
  );
}

export function ProfilePage() {
  const me = useQuery({ queryKey: ['me'], queryFn: () => unwrap(api.GET('/api/v1/personnel/me')) as Promise<Employee & { tmtJabatan?: string }> });
  const appraisers = useQuery({ queryKey: ['me', 'appraisers'], queryFn: () => unwrap(api.GET('/api/v1/personnel/me/appraisers')) as Promise<Appraisers> });
  if (me.isPending) return <Loading />;
  if (me.isError) return <LoadError error={me.error} />;
  const e = me.data;
  return (
    <Stack>
      <PageTitle>Profil saya</PageTitle>
      <Card withBorder>
        <Title order={2} size="h3" mb="sm">
          {e.name}
        </Title>
        <Grid>
          <Row label="NIP" value={e.nip} />
          <Row label="Jenis ASN" value={e.jenisAsn} />
          <Row label="Golongan" value={[e.golongan, e.pangkat].filter(Boolean).join(' — ')} />
          <Row label="Jabatan" value={e.position?.name} />
          <Row label="Jenis jabatan" value={e.position ? (JENIS_JABATAN[e.position.jenisJabatan] ?? e.position.jenisJabatan) : null} />
          <Row label="TMT jabatan" value={tanggal(e.tmtJabatan)} />
          <Row label="Unit kerja" value={e.unit?.name} />
          <Row label="OPD" value={e.opd?.name} />
        </Grid>
      </Card>
      <Card withBorder>
        <Title order={2} size="h3" mb="sm">
          Pejabat penilai
        </Title>
        {appraisers.isPending ? (
          <Loading />
        ) : appraisers.isError ? (
          <LoadError error={appraisers.error} />
        ) : (
          <Grid>
            <Row label="Pejabat penilai kinerja" value={appraisers.data.pejabatPenilai ? `${appraisers.data.pejabatPenilai.name} (${appraisers.data.pejabatPenilai.position?.name ?? '—'})` : 'Belum ada'} />
            <Row label="Atasan pejabat penilai" value={appraisers.data.atasanPejabatPenilai ? `${appraisers.data.atasanPejabatPenilai.name}` : 'Belum ada'} />
          </Grid>
        )}
      </Card>
    </Stack>
  );
}
