import { Button, Card, Group, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { fieldError, FormErrors } from '../components/FormErrors';
import { Empty, LoadError, Loading, PageTitle } from '../components/States';
import { tanggal } from '../lib/format';
import { useOwnOpd } from '../lib/use-opd';
import { currentYear } from './SkpPage';

interface Cadence {
  frequency: 'BULANAN' | 'TRIWULANAN';
  planningDeadline: string;
  reportDays: number;
  feedbackDays: number;
  ratingDeadline: string;
  objectionDays: number;
  periods?: { number: number; name: string; start: string; end: string; reportDue: string }[];
}

export function PeriodsPage() {
  const own = useOwnOpd();
  const [year, setYear] = useState(currentYear());
  const [opd, setOpd] = useState<string>();
  const code = opd ?? own ?? '';
  const queryClient = useQueryClient();
  const cadence = useQuery({
    queryKey: ['cadence', year, code],
    enabled: !!code,
    queryFn: () => unwrap(api.GET('/api/v1/appraisal/cadences/{year}/{opdCode}', { params: { path: { year, opdCode: code } } })) as Promise<Cadence>,
  });
  const [edit, setEdit] = useState<Partial<Cadence>>({});
  const value = { ...cadence.data, ...edit } as Cadence;
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/v1/appraisal/cadences/{year}/{opdCode}', {
          params: { path: { year, opdCode: code } },
          body: { frequency: value.frequency, planningDeadline: value.planningDeadline, reportDays: value.reportDays, feedbackDays: value.feedbackDays, ratingDeadline: value.ratingDeadline, objectionDays: value.objectionDays } as never,
        }),
      ),
    onSuccess: () => {
      setEdit({});
      void queryClient.invalidateQueries({ queryKey: ['cadence'] });
    },
  });
  const err = (f: string) => fieldError(save.error, f);
  return (
    <Stack>
      <PageTitle>Periode dan jadwal penilaian</PageTitle>
      <Group wrap="wrap">
        <NumberInput label="Tahun" value={year} onChange={(v) => setYear(Number(v))} w={120} />
        <TextInput label="Kode OPD" value={code} onChange={(e) => setOpd(e.currentTarget.value.toUpperCase())} w={200} />
      </Group>
      {!code ? (
        <Empty title="Pilih OPD">Masukkan kode OPD untuk melihat jadwalnya.</Empty>
      ) : cadence.isPending ? (
        <Loading />
      ) : cadence.isError ? (
        <LoadError error={cadence.error} />
      ) : (
        <Card withBorder>
          <Stack>
            <Select
              label="Frekuensi pelaporan"
              value={value.frequency}
              allowDeselect={false}
              onChange={(v) => v && setEdit((p) => ({ ...p, frequency: v as Cadence['frequency'] }))}
              data={[
                { value: 'BULANAN', label: 'Bulanan' },
                { value: 'TRIWULANAN', label: 'Triwulanan' },
              ]}
              error={err('frequency')}
              maw={300}
            />
            <Group wrap="wrap" align="flex-start">
              <TextInput label="Batas penyusunan SKP" type="date" value={value.planningDeadline ?? ''} onChange={(e) => { const v = e.currentTarget.value; setEdit((p) => ({ ...p, planningDeadline: v })); }} error={err('planningDeadline')} />
              <NumberInput label="Hari untuk melapor" value={value.reportDays} onChange={(v) => setEdit((p) => ({ ...p, reportDays: Number(v) }))} error={err('reportDays')} w={160} />
              <NumberInput label="Hari untuk umpan balik" value={value.feedbackDays} onChange={(v) => setEdit((p) => ({ ...p, feedbackDays: Number(v) }))} error={err('feedbackDays')} w={180} />
              <TextInput label="Batas penilaian" type="date" value={value.ratingDeadline ?? ''} onChange={(e) => { const v = e.currentTarget.value; setEdit((p) => ({ ...p, ratingDeadline: v })); }} error={err('ratingDeadline')} />
              <NumberInput label="Hari untuk keberatan" value={value.objectionDays} onChange={(v) => setEdit((p) => ({ ...p, objectionDays: Number(v) }))} error={err('objectionDays')} w={180} />
            </Group>
            <FormErrors error={save.error} fields={['frequency', 'planningDeadline', 'reportDays', 'feedbackDays', 'ratingDeadline', 'objectionDays']} />
            <Button onClick={() => save.mutate()} loading={save.isPending} w="fit-content">
              Simpan jadwal
            </Button>
            {value.periods && value.periods.length > 0 && (
              <Table.ScrollContainer minWidth={400}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Periode</Table.Th>
                      <Table.Th>Mulai</Table.Th>
                      <Table.Th>Selesai</Table.Th>
                      <Table.Th>Batas lapor</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {value.periods.map((p) => (
                      <Table.Tr key={p.number}>
                        <Table.Td>{p.name}</Table.Td>
                        <Table.Td>{tanggal(p.start)}</Table.Td>
                        <Table.Td>{tanggal(p.end)}</Table.Td>
                        <Table.Td>{tanggal(p.reportDue)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <Text size="xs" c="gray.7">
              Perubahan jadwal berlaku untuk semua pegawai OPD ini.
            </Text>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
