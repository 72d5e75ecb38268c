import { Anchor, Pagination, Stack, Table, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import type { Employee } from '../api/views';
import { Empty, LoadError, Loading, PageTitle } from '../components/States';

export function EmployeesPage() {
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [search] = useDebouncedValue(q.trim(), 300);
  const list = useQuery({
    queryKey: ['employees', search, page],
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(api.GET('/api/v1/personnel/employees', { params: { query: { ...(search ? { q: search } : {}), page, size: 20, total: true } as never } })) as Promise<{ items: Employee[]; total: number }>,
  });
  return (
    <Stack>
      <PageTitle>Data pegawai</PageTitle>
      <TextInput label="Cari nama atau NIP" value={q} onChange={(e) => { setQ(e.currentTarget.value); setPage(1); }} maw={420} />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <LoadError error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Empty title="Tidak ada pegawai yang cocok">Periksa ejaan nama atau awalan NIP, atau impor data pegawai di menu Impor pegawai.</Empty>
      ) : (
        <>
          <Table.ScrollContainer minWidth={560}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>NIP</Table.Th>
                  <Table.Th>Nama</Table.Th>
                  <Table.Th>Golongan</Table.Th>
                  <Table.Th>Jabatan</Table.Th>
                  <Table.Th>Unit</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>{e.nip}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/admin/pegawai/${e.nip}`}>
                        {e.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{e.golongan}</Table.Td>
                    <Table.Td>{e.position?.name ?? '—'}</Table.Td>
                    <Table.Td>{e.unit?.name ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pagination total={Math.max(1, Math.ceil(list.data.total / 20))} value={page} onChange={setPage} getControlProps={(c) => ({ 'aria-label': c === 'next' ? 'Halaman berikutnya' : c === 'previous' ? 'Halaman sebelumnya' : c })} />
        </>
      )}
    </Stack>
  );
}
