import { Button, Card, Group, NativeSelect, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useAuth } from '../../../auth/AuthProvider';
import { AllocationForm, type AllocationBody } from '../../../components/career/AllocationForm';
import { type Budget, type BudgetWithLedger, careerJson, LEDGER_KIND } from '../../../components/career/career-api';
import { WRAP_COMPACT } from '../../../components/career/ui';
import { Empty, LoadError, Loading } from '../../../components/States';
import { rupiah, waktu } from '../../../lib/format';
import { currentYear } from '../../SkpPage';

/** Yearly budgets (BKPSDM: every owner; an OPD admin: their OPD), the ledger of one, and allocation changes. */
export function BudgetsAdmin() {
  const auth = useAuth();
  const bkpsdm = auth.hasRole('admin-bkpsdm');
  const thisYear = currentYear();
  const [year, setYear] = useState(thisYear);
  const [selected, setSelected] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const budgets = useQuery({ queryKey: ['career', 'budgets', year], queryFn: () => careerJson<Budget[]>(`/budgets?year=${year}`) });
  const change = useMutation({
    mutationFn: (body: AllocationBody) => careerJson<Budget>('/budgets/allocations', 'POST', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['career', 'budgets'] }),
  });
  const fixedOwner = bkpsdm ? undefined : auth.principal?.opd;
  return (
    <Stack>
      <NativeSelect label="Tahun anggaran" value={String(year)} onChange={(e) => setYear(Number(e.currentTarget.value))} data={[thisYear - 1, thisYear, thisYear + 1].map(String)} w={160} />
      {budgets.isPending ? (
        <Loading />
      ) : budgets.isError ? (
        <LoadError error={budgets.error} />
      ) : budgets.data.length === 0 ? (
        <Empty title={`Belum ada anggaran pengembangan kompetensi ${year}`}>Isi alokasi pertama dengan formulir di bawah; persetujuan peserta dibebankan ke anggaran ini.</Empty>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {budgets.data.map((b) => (
            <Card key={b.id} withBorder data-testid="budget">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text fw={600}>{b.ownerCode === 'BKPSDM' ? 'Anggaran pusat BKPSDM' : `OPD ${b.ownerCode}`}</Text>
                <Text size="sm">{b.fiscalYear}</Text>
              </Group>
              <Text size="sm">Alokasi {rupiah(b.allocated)}</Text>
              {/* A bar of two parts: the group carries the total, each part (a progressbar) its own name. */}
              <Progress.Root size="lg" mt={4} role="group" aria-label={`Terpakai ${rupiah(b.committed + b.realized)} dari ${rupiah(b.allocated)}`}>
                <Progress.Section value={b.allocated ? (b.realized / b.allocated) * 100 : 0} color="teal.9" aria-label={`Realisasi ${rupiah(b.realized)}`} />
                <Progress.Section value={b.allocated ? (b.committed / b.allocated) * 100 : 0} color="orange.8" aria-label={`Komitmen ${rupiah(b.committed)}`} />
              </Progress.Root>
              <Text size="sm">Realisasi {rupiah(b.realized)} · komitmen {rupiah(b.committed)}</Text>
              <Text fw={600} data-testid="budget-balance">
                Sisa {rupiah(b.balance)}
              </Text>
              <Group mt="xs">
                <Button variant="light" size="compact-sm" styles={WRAP_COMPACT} onClick={() => setSelected(selected === b.id ? null : b.id)} aria-expanded={selected === b.id}>
                  {selected === b.id ? 'Tutup buku besar' : 'Lihat buku besar'}
                </Button>
              </Group>
            </Card>
          ))}
        </SimpleGrid>
      )}
      {selected && <Ledger id={selected} />}
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          Ubah alokasi {year}
        </Title>
        <AllocationForm key={year} year={year} fixedOwner={fixedOwner} error={change.error} busy={change.isPending} onSubmit={(b) => change.mutate(b)} />
        {change.isSuccess && (
          <Text size="sm" mt="xs" role="status">
            Alokasi tersimpan. Sisa anggaran {change.data.ownerCode}: {rupiah(change.data.balance)}.
          </Text>
        )}
      </Card>
    </Stack>
  );
}

function Ledger({ id }: { id: string }) {
  const budget = useQuery({ queryKey: ['career', 'budgets', 'ledger', id], queryFn: () => careerJson<BudgetWithLedger>(`/budgets/${id}`) });
  if (budget.isPending) return <Loading label="Memuat buku besar" />;
  if (budget.isError) return <LoadError error={budget.error} />;
  const b = budget.data;
  return (
    <Card withBorder data-testid="ledger">
      <Title order={2} size="h4">
        Buku besar {b.ownerCode} {b.fiscalYear}
      </Title>
      <Text size="sm" mb="xs">
        Setiap pergerakan tercatat; jumlahnya selalu sama dengan sisa anggaran ({rupiah(b.ledgerSum)}).
      </Text>
      {b.ledger.length === 0 ? (
        <Text size="sm">Belum ada pergerakan.</Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Waktu</Table.Th>
                <Table.Th>Jenis</Table.Th>
                <Table.Th ta="right">Pengaruh pada sisa</Table.Th>
                <Table.Th>Catatan</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {b.ledger.map((l) => (
                <Table.Tr key={l.id}>
                  <Table.Td>{waktu(l.createdAt)}</Table.Td>
                  <Table.Td>{LEDGER_KIND[l.kind] ?? l.kind}</Table.Td>
                  <Table.Td ta="right">{rupiah(l.amount)}</Table.Td>
                  <Table.Td>{l.note ?? (l.enrolmentId ? 'Pendaftaran peserta' : '—')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
