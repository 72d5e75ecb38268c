import { Alert, Badge, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { rawFetch } from '../api/client';
import { Empty, LoadError, Loading, PageTitle } from '../components/States';
import { ApiError } from '../lib/problem';
import { angka, rupiah, tanggal } from '../lib/format';
import { currentYear } from './SkpPage';

interface Program {
  id: string;
  name: string;
  form: string;
  jp: number;
  startDate?: string;
  endDate?: string;
  costPerParticipant?: number | string;
  provider?: string;
}

const JP_TARGET = 20;

/**
 * Career's catalog through the gateway. Career's enrolment and JP ledger API is still being built
 * (issue 9), so this screen reads what exists and says so when the service does not answer.
 */
export function DevelopmentPage() {
  const year = currentYear();
  const programs = useQuery({
    queryKey: ['programs', year],
    queryFn: async () => (await (await rawFetch(`/api/v1/career/programs?year=${year}&size=50`)).json()) as { items: Program[] },
    retry: false,
  });
  const unavailable = programs.error instanceof ApiError && programs.error.problem.status >= 502;
  return (
    <Stack>
      <PageTitle>Pengembangan kompetensi</PageTitle>
      <Card withBorder>
        <Title order={2} size="h3">
          JP saya tahun {year}
        </Title>
        <Text size="sm" mb="xs">
          Setiap ASN berhak atas paling sedikit {JP_TARGET} jam pelajaran (JP) pengembangan kompetensi setahun.
        </Text>
        <Progress value={0} aria-label={`0 dari ${JP_TARGET} JP`} size="lg" />
        <Text size="sm" mt={4} data-testid="jp-progress">
          0 dari {JP_TARGET} JP tercatat
        </Text>
      </Card>
      <Title order={2} size="h3">
        Katalog pelatihan
      </Title>
      {programs.isPending ? (
        <Loading />
      ) : unavailable ? (
        <Alert color="orange" title="Layanan pengembangan karier belum tersedia">
          Katalog, pendaftaran, dan catatan JP akan tampil di sini setelah layanan karier aktif. Coba lagi nanti.
        </Alert>
      ) : programs.isError ? (
        <LoadError error={programs.error} />
      ) : programs.data.items.length === 0 ? (
        <Empty title="Belum ada program tahun ini">BKPSDM belum menerbitkan program pelatihan untuk tahun {year}.</Empty>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {programs.data.items.map((p) => (
            <Card key={p.id} withBorder>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Text fw={600}>{p.name}</Text>
                <Badge>{angka(p.jp)} JP</Badge>
              </Group>
              <Text size="sm" c="gray.7">
                {p.form} · {tanggal(p.startDate)} s.d. {tanggal(p.endDate)}
              </Text>
              {p.costPerParticipant !== undefined && <Text size="sm">Biaya per peserta: {rupiah(p.costPerParticipant)}</Text>}
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
