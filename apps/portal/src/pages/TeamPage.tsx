import { Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { MySkps } from '../api/views';
import { SkpList } from '../components/SkpList';
import { Empty, LoadError, Loading, PageTitle } from '../components/States';
import { currentYear } from './SkpPage';

export function TeamPage() {
  const year = currentYear();
  const mine = useQuery({
    queryKey: ['skps', 'mine', year],
    queryFn: () => unwrap(api.GET('/api/v1/appraisal/skps/mine', { params: { query: { year } as never } })) as Promise<MySkps>,
  });
  if (mine.isPending) return <Loading />;
  if (mine.isError) return <LoadError error={mine.error} />;
  const team = mine.data.appraisees;
  const waiting = team.filter((s) => s.status === 'DIAJUKAN');
  const rest = team.filter((s) => s.status !== 'DIAJUKAN');
  return (
    <Stack>
      <PageTitle>Tim saya</PageTitle>
      {team.length === 0 && <Empty title="Belum ada SKP dari pegawai yang Anda nilai">SKP bawahan akan muncul di sini setelah mereka menyusunnya.</Empty>}
      {waiting.length > 0 && (
        <>
          <Title order={2} size="h3">
            Menunggu penetapan ({waiting.length})
          </Title>
          <SkpList items={waiting} showName />
        </>
      )}
      {rest.length > 0 && (
        <>
          <Title order={2} size="h3">
            SKP lainnya
          </Title>
          <SkpList items={rest} showName />
        </>
      )}
    </Stack>
  );
}
