import { Alert, Button, Card, Checkbox, FileInput, Progress, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, rawFetch, unwrap } from '../api/client';
import { FormErrors } from '../components/FormErrors';
import { PageTitle } from '../components/States';

interface ImportJob {
  id: string;
  status: string;
  dryRun?: boolean;
  totalRows?: number;
  processedRows?: number;
  succeededRows?: number;
  failedRows?: number;
  errors?: { row: number; field?: string; message: string }[];
  rowErrors?: { row: number; field?: string; message: string }[];
}

const MAX_IMPORT = 20 * 1024 * 1024;

export function ImportPage() {
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [jobId, setJobId] = useState<string>();
  const start = useMutation({
    mutationFn: async () => {
      if (!file) throw new Error('Pilih berkas CSV atau XLSX terlebih dahulu.');
      if (file.size > MAX_IMPORT) throw new Error('Berkas terlalu besar: paling besar 20 MB.');
      const response = await rawFetch(`/api/v1/personnel/imports?dryRun=${dryRun}&fileName=${encodeURIComponent(file.name)}`, {
        method: 'POST',
        headers: { 'content-type': file.type || 'application/octet-stream' },
        body: file,
      });
      return (await response.json()) as ImportJob;
    },
    onSuccess: (job) => setJobId(job.id),
  });
  // Progress is polled while the job runs; a finished job is not asked again.
  const job = useQuery({
    queryKey: ['import', jobId],
    enabled: !!jobId,
    queryFn: () => unwrap(api.GET('/api/v1/personnel/imports/{id}', { params: { path: { id: jobId! } } })) as Promise<ImportJob>,
    refetchInterval: (q) => (q.state.data && !['SELESAI', 'GAGAL', 'DONE', 'FAILED', 'COMPLETED'].includes(q.state.data.status) ? 1000 : false),
  });
  const rows = job.data?.rowErrors ?? job.data?.errors ?? [];
  return (
    <Stack>
      <PageTitle>Impor pegawai</PageTitle>
      <Card withBorder>
        <Stack>
          <FileInput label="Berkas data pegawai (CSV atau XLSX)" value={file} onChange={setFile} accept=".csv,.xlsx,text/csv" clearable maw={420} />
          <Checkbox label="Uji coba saja (tidak ada data yang diubah)" checked={dryRun} onChange={(e) => setDryRun(e.currentTarget.checked)} />
          {start.error && <FormErrors error={start.error instanceof Error && !('problem' in start.error) ? null : start.error} />}
          {start.error && !('problem' in (start.error as object)) && <Alert color="red">{(start.error as Error).message}</Alert>}
          <Button onClick={() => start.mutate()} loading={start.isPending} w="fit-content">
            {dryRun ? 'Jalankan uji coba' : 'Impor sekarang'}
          </Button>
        </Stack>
      </Card>
      {job.data && (
        <Card withBorder>
          <Text fw={600}>Status: {job.data.status}</Text>
          {job.data.totalRows ? <Progress value={((job.data.processedRows ?? 0) / job.data.totalRows) * 100} aria-label="Kemajuan impor" my="sm" /> : null}
          <Text size="sm">
            {job.data.succeededRows ?? 0} baris berhasil, {job.data.failedRows ?? rows.length} baris bermasalah.
          </Text>
          {rows.length > 0 && (
            <Table.ScrollContainer minWidth={320}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Baris</Table.Th>
                    <Table.Th>Kolom</Table.Th>
                    <Table.Th>Masalah</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{r.row}</Table.Td>
                      <Table.Td>{r.field ?? '—'}</Table.Td>
                      <Table.Td>{r.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Card>
      )}
    </Stack>
  );
}
