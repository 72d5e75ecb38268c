import { Badge, Card, Group, NativeSelect, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { careerJson, DARK_ORANGE, JP_SOURCE, type JpYear } from '../../components/career/career-api';
import { LoadError, Loading } from '../../components/States';
import { angka, tanggal } from '../../lib/format';

/** JP of the year against the yearly target (PNS/CPNS a minimum; PPPK a ceiling), with the entries behind it. */
export function JpCard({ year, years, onYear }: { year: number; years: number[]; onYear(y: number): void }) {
  const jp = useQuery({ queryKey: ['career', 'jp', 'me', year], queryFn: () => careerJson<JpYear>(`/jp/me?year=${year}`) });
  return (
    <Card withBorder>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={2} size="h3">
          JP saya
        </Title>
        <NativeSelect label="Tahun" value={String(year)} onChange={(e) => onYear(Number(e.currentTarget.value))} data={years.map(String)} w={110} />
      </Group>
      {jp.isPending ? <Loading label="Memuat JP" /> : jp.isError ? <LoadError error={jp.error} /> : <JpProgress data={jp.data} />}
    </Card>
  );
}

export function JpProgress({ data }: { data: JpYear }) {
  const target = data.minimumJp ?? data.maximumJp ?? 20;
  const total = data.totalJp;
  const percent = target > 0 ? Math.min(100, (total / target) * 100) : 100;
  const ceiling = data.minimumJp === null && data.maximumJp !== null;
  return (
    <Stack gap="xs" mt="xs">
      <Text size="sm">
        {ceiling
          ? `Sebagai PPPK, JP pengembangan kompetensi Anda paling banyak ${data.maximumJp} JP setahun.`
          : `Setiap ASN wajib mengikuti paling sedikit ${target} jam pelajaran (JP) pengembangan kompetensi setahun.`}
      </Text>
      <Progress value={percent} size="xl" color={data.compliant ? 'teal.9' : 'orange.8'} aria-label={`${angka(total)} dari ${target} JP`} />
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={600} data-testid="jp-progress">
          {angka(total)} dari {target} JP tercatat
        </Text>
        {data.compliant ? (
          <Badge color="teal.9">Terpenuhi</Badge>
        ) : data.atRisk ? (
          <Badge color="red.9">Berisiko tidak terpenuhi</Badge>
        ) : (
          <Badge color={DARK_ORANGE}>Kurang {angka(data.shortfallJp)} JP</Badge>
        )}
      </Group>
      {data.plannedJp > 0 && (
        <Text size="sm">
          {angka(data.plannedJp)} JP lagi dari pelatihan yang sudah disetujui akan tercatat setelah sertifikatnya diverifikasi.
        </Text>
      )}
      {!data.compliant && data.shortfallJp > data.plannedJp && (
        <Text size="sm">Daftarlah pada salah satu pelatihan di katalog di bawah, atau ajukan klaim JP dari kegiatan di luar platform.</Text>
      )}
      {data.entries.length > 0 && (
        <Table.ScrollContainer minWidth={320}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Tanggal</Table.Th>
                <Table.Th>Asal</Table.Th>
                <Table.Th ta="right">JP</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.entries.map((e) => (
                <Table.Tr key={`${e.source}-${e.sourceId}`}>
                  <Table.Td>{tanggal(e.recognisedAt)}</Table.Td>
                  <Table.Td>
                    {JP_SOURCE[e.source] ?? e.source}
                    {e.note ? ` — ${e.note}` : ''}
                  </Table.Td>
                  <Table.Td ta="right">{angka(e.jp)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
