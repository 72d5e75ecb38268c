import { Badge, Button, Card, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { download } from '../../../api/client';
import { useAuth } from '../../../auth/AuthProvider';
import { CAREER, careerJson, type Claim, type OpdCompliance } from '../../../components/career/career-api';
import { ReasonForm } from '../../../components/career/ReasonForm';
import { WRAP, WRAP_COMPACT } from '../../../components/career/ui';
import { FormErrors } from '../../../components/FormErrors';
import { Empty, LoadError, Loading } from '../../../components/States';
import { angka, tanggal } from '../../../lib/format';
import { currentYear } from '../../SkpPage';

interface AtRisk {
  nip: string;
  name: string;
  opdCode: string | null;
  totalJp: number;
  plannedJp: number;
  shortfallJp: number;
}

/** Compliance per OPD, who is at risk, the yearly recap download, and (BKPSDM) outside claims to verify. */
export function JpAdmin() {
  const bkpsdm = useAuth().hasRole('admin-bkpsdm');
  const thisYear = currentYear();
  const [year, setYear] = useState(thisYear);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const compliance = useQuery({ queryKey: ['career', 'compliance', year], queryFn: () => careerJson<OpdCompliance[]>(`/jp/compliance?year=${year}`) });
  const atRisk = useQuery({ queryKey: ['career', 'at-risk', year], queryFn: () => careerJson<AtRisk[]>(`/jp/at-risk?year=${year}`) });
  return (
    <Stack>
      <Group align="flex-end" wrap="wrap">
        <NativeSelect label="Tahun" value={String(year)} onChange={(e) => setYear(Number(e.currentTarget.value))} data={[thisYear - 1, thisYear, thisYear + 1].map(String)} w={120} />
        <Button
          variant="light"
          styles={WRAP}
          onClick={() => {
            setDownloadError(null);
            download(`${CAREER}/jp/recap.xlsx?year=${year}`, `rekap-jp-${year}.xlsx`).catch(setDownloadError);
          }}
        >
          Unduh rekap JP {year} (XLSX)
        </Button>
      </Group>
      <FormErrors error={downloadError} />
      <Title order={2} size="h4">
        Pemenuhan JP per OPD
      </Title>
      {compliance.isPending ? (
        <Loading />
      ) : compliance.isError ? (
        <LoadError error={compliance.error} />
      ) : compliance.data.length === 0 ? (
        <Empty title="Belum ada data pegawai">Data pegawai datang dari layanan kepegawaian; setelah impor pegawai, pemenuhan JP tampil di sini.</Empty>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped data-testid="compliance">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>OPD</Table.Th>
                <Table.Th ta="right">Pegawai</Table.Th>
                <Table.Th ta="right">Memenuhi</Table.Th>
                <Table.Th ta="right">Berisiko</Table.Th>
                <Table.Th ta="right">Total JP</Table.Th>
                <Table.Th ta="right">Persentase</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {compliance.data.map((c) => (
                <Table.Tr key={c.opdCode ?? '-'}>
                  <Table.Td>{c.opdCode ?? 'Tanpa OPD'}</Table.Td>
                  <Table.Td ta="right">{angka(c.employees)}</Table.Td>
                  <Table.Td ta="right">
                    {angka(c.compliant)} / {angka(c.withMinimum)}
                  </Table.Td>
                  <Table.Td ta="right">{angka(c.atRisk)}</Table.Td>
                  <Table.Td ta="right">{angka(c.totalJp)}</Table.Td>
                  <Table.Td ta="right">{angka(c.compliancePercent)}%</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Title order={2} size="h4">
        Pegawai berisiko tidak memenuhi JP minimal
      </Title>
      {atRisk.isPending ? (
        <Loading />
      ) : atRisk.isError ? (
        <LoadError error={atRisk.error} />
      ) : atRisk.data.length === 0 ? (
        <Empty title="Tidak ada pegawai berisiko">Setiap pegawai dapat mencapai JP minimalnya dengan pelatihan yang sudah disetujui.</Empty>
      ) : (
        <Stack gap={4}>
          <Text size="sm">{angka(atRisk.data.length)} pegawai tidak akan mencapai JP minimal meski semua pelatihan yang disetujui selesai. Usulkan mereka ke sesi yang masih dibuka.</Text>
          <Table.ScrollContainer minWidth={480}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Nama</Table.Th>
                  <Table.Th>OPD</Table.Th>
                  <Table.Th ta="right">JP tercatat</Table.Th>
                  <Table.Th ta="right">Direncanakan</Table.Th>
                  <Table.Th ta="right">Kekurangan</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {atRisk.data.slice(0, 200).map((p) => (
                  <Table.Tr key={p.nip}>
                    <Table.Td>
                      {p.name}
                      <Text size="xs" c="gray.7">
                        {p.nip}
                      </Text>
                    </Table.Td>
                    <Table.Td>{p.opdCode ?? '—'}</Table.Td>
                    <Table.Td ta="right">{angka(p.totalJp)}</Table.Td>
                    <Table.Td ta="right">{angka(p.plannedJp)}</Table.Td>
                    <Table.Td ta="right">{angka(p.shortfallJp)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
      {bkpsdm && <ClaimsToVerify />}
    </Stack>
  );
}

function ClaimsToVerify() {
  const claims = useQuery({ queryKey: ['career', 'claims', 'all'], queryFn: () => careerJson<(Claim & { nip: string; opdCode: string | null })[]>('/jp/claims') });
  const waiting = (claims.data ?? []).filter((c) => c.status === 'DIAJUKAN');
  return (
    <Stack>
      <Title order={2} size="h4">
        Klaim JP kegiatan luar menunggu verifikasi
      </Title>
      {claims.isPending ? (
        <Loading />
      ) : claims.isError ? (
        <LoadError error={claims.error} />
      ) : waiting.length === 0 ? (
        <Empty title="Tidak ada klaim yang menunggu">Klaim pegawai tampil di sini setelah mereka mengajukannya dari halaman Pengembangan kompetensi.</Empty>
      ) : (
        waiting.map((c) => <ClaimRow key={c.id} claim={c} />)
      )}
    </Stack>
  );
}

function ClaimRow({ claim: c }: { claim: Claim & { nip: string; opdCode: string | null } }) {
  const queryClient = useQueryClient();
  const [rejecting, setRejecting] = useState(false);
  const act = useMutation({
    mutationFn: ({ path, body }: { path: string; body?: unknown }) => careerJson(`/jp/claims/${c.id}${path}`, 'POST', body ?? {}),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['career'] }),
  });
  return (
    <Card withBorder padding="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={600}>{c.title}</Text>
        <Badge>{angka(c.jp)} JP</Badge>
      </Group>
      <Text size="sm">
        NIP {c.nip} · {c.opdCode ?? '—'} · {c.organizer} · selesai {tanggal(c.endDate)} · {c.certificateFileName ? `sertifikat ${c.certificateFileName}` : 'belum ada sertifikat'}
      </Text>
      {rejecting ? (
        <ReasonForm label="Alasan menolak klaim" submitLabel="Tolak klaim" error={act.error} busy={act.isPending} onSubmit={(reason) => act.mutate({ path: '/reject', body: { reason } })} onCancel={() => setRejecting(false)} />
      ) : (
        <>
          <Group gap="xs" mt="xs">
            <Button size="compact-sm" styles={WRAP_COMPACT} loading={act.isPending} onClick={() => act.mutate({ path: '/verify' })}>
              Verifikasi klaim
            </Button>
            <Button size="compact-sm" variant="outline" color="red.9" styles={WRAP_COMPACT} onClick={() => setRejecting(true)}>
              Tolak klaim
            </Button>
          </Group>
          <FormErrors error={act.error} />
        </>
      )}
    </Card>
  );
}
