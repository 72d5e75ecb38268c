import { Alert, Button, Card, Group, NumberInput, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, download, unwrap } from '../api/client';
import { useAuth } from '../auth/AuthProvider';
import { Empty, LoadError, Loading, PageTitle } from '../components/States';
import { angka, tanggal } from '../lib/format';
import { useOwnOpd } from '../lib/use-opd';
import { currentYear } from './SkpPage';

export interface Dashboard {
  opdCode: string;
  year: number;
  asOf: string;
  totals: { employees: number; notPlanned: number; notReported: number; notRated: number };
  units: { unitId: string; code: string; name: string; employees: number; notPlanned: number; notReported: number; notRated: number }[];
  holdingUp?: { nip?: string; name?: string; penilaiNip?: string; penilaiName?: string; count?: number; waiting?: number }[];
  penilai?: { nip?: string; name?: string; penilaiNip?: string; penilaiName?: string; count?: number; waiting?: number }[];
}

export function useDashboard(year: number, opd: string | undefined) {
  return useQuery({
    queryKey: ['dashboard', year, opd],
    enabled: !!opd,
    queryFn: () => unwrap(api.GET('/api/v1/appraisal/dashboard/{year}/{opdCode}', { params: { path: { year, opdCode: opd! } } })) as Promise<Dashboard>,
  });
}

export function AdminDashboardPage() {
  const auth = useAuth();
  const own = useOwnOpd();
  const [year, setYear] = useState(currentYear());
  const [opd, setOpd] = useState<string>();
  const code = opd ?? own;
  const dashboard = useDashboard(year, code);
  return (
    <Stack>
      <PageTitle>Dasbor kelengkapan SKP</PageTitle>
      <Group wrap="wrap">
        <NumberInput label="Tahun" value={year} onChange={(v) => setYear(Number(v))} w={120} />
        {auth.hasRole('admin-bkpsdm') && <TextInput label="Kode OPD" value={code ?? ''} onChange={(e) => setOpd(e.currentTarget.value.toUpperCase())} w={200} />}
        {code && dashboard.isSuccess && <ExportButton year={year} opd={code} />}
      </Group>
      {!code ? (
        <Empty title="Pilih OPD">Masukkan kode OPD untuk melihat kelengkapan SKP.</Empty>
      ) : dashboard.isPending ? (
        <Loading />
      ) : dashboard.isError ? (
        <LoadError error={dashboard.error} />
      ) : (
        <DashboardBody d={dashboard.data} />
      )}
    </Stack>
  );
}

/** The same numbers as a workbook (per unit, the three lists, the penilai holding people up). */
function ExportButton({ year, opd }: { year: number; opd: string }) {
  const [state, setState] = useState<{ busy: boolean; error?: unknown }>({ busy: false });
  return (
    <Stack gap={4} mt="lg">
      <Button
        variant="outline"
        loading={state.busy}
        onClick={() => {
          setState({ busy: true });
          download(`/api/v1/appraisal/dashboard/${year}/${encodeURIComponent(opd)}/export.xlsx`, `kelengkapan-skp-${opd.toLowerCase()}-${year}.xlsx`).then(
            () => setState({ busy: false }),
            (error: unknown) => setState({ busy: false, error }),
          );
        }}
      >
        Unduh rekap (XLSX)
      </Button>
      {state.error !== undefined && (
        <Alert color="red" role="alert" p="xs">
          {state.error instanceof Error ? state.error.message : 'Berkas tidak dapat diunduh.'}
        </Alert>
      )}
    </Stack>
  );
}

function DashboardBody({ d }: { d: Dashboard }) {
  const units = d.units.filter((u) => u.employees > 0);
  const holding = d.holdingUp ?? d.penilai ?? [];
  return (
    <>
      <Text size="sm" c="gray.7">
        Keadaan per {tanggal(d.asOf)}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {[
          ['Pegawai', d.totals.employees],
          ['Belum menyusun SKP', d.totals.notPlanned],
          ['Belum melapor', d.totals.notReported],
          ['Belum dinilai', d.totals.notRated],
        ].map(([label, value]) => (
          <Card key={label} withBorder>
            <Text size="sm">{label}</Text>
            <Text fw={700} size="xl">
              {angka(value)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <Title order={2} size="h3">
        Per unit kerja
      </Title>
      {units.length === 0 ? (
        <Empty title="Belum ada pegawai di OPD ini">Data pegawai muncul setelah diimpor atau ditambahkan di menu Data pegawai.</Empty>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Unit</Table.Th>
                <Table.Th>Pegawai</Table.Th>
                <Table.Th>Belum SKP</Table.Th>
                <Table.Th>Belum lapor</Table.Th>
                <Table.Th>Belum dinilai</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {units.map((u) => (
                <Table.Tr key={u.unitId}>
                  <Table.Td>{u.name}</Table.Td>
                  <Table.Td>{angka(u.employees)}</Table.Td>
                  <Table.Td>{angka(u.notPlanned)}</Table.Td>
                  <Table.Td>{angka(u.notReported)}</Table.Td>
                  <Table.Td>{angka(u.notRated)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {holding.length > 0 && (
        <>
          <Title order={2} size="h3">
            Pejabat penilai yang menahan proses
          </Title>
          <Table>
            <Table.Tbody>
              {holding.map((h, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{h.penilaiName ?? h.name ?? h.penilaiNip ?? h.nip}</Table.Td>
                  <Table.Td>{angka(h.count ?? h.waiting)} pegawai menunggu</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </>
  );
}
