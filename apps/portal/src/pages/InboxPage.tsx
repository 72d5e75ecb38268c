import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { Empty, LoadError, Loading, PageTitle } from '../components/States';
import { waktu } from '../lib/format';
import type { InboxItem } from '../lib/inbox-stream';

export function InboxPage() {
  const queryClient = useQueryClient();
  const inbox = useQuery({
    queryKey: ['inbox'],
    queryFn: () => unwrap(api.GET('/api/v1/notification/inbox', { params: { query: { page: 1, size: 50 } as never } })) as Promise<{ items: InboxItem[]; total: number; belumDibaca: number }>,
  });
  const read = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/notification/inbox/{id}/read', { params: { path: { id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['inbox'] }),
  });
  if (inbox.isPending) return <Loading />;
  if (inbox.isError) return <LoadError error={inbox.error} />;
  const items = inbox.data.items;
  return (
    <Stack>
      <PageTitle>Kotak masuk</PageTitle>
      <Text size="sm">{inbox.data.belumDibaca} belum dibaca dari {inbox.data.total} pemberitahuan. Pemberitahuan baru muncul tanpa memuat ulang halaman.</Text>
      {items.length === 0 && <Empty title="Belum ada pemberitahuan">Pemberitahuan tentang SKP, realisasi, dan pelatihan Anda akan muncul di sini.</Empty>}
      <Stack gap="xs" data-testid="inbox-list">
        {items.map((n) => (
          <Card key={n.id} withBorder padding="sm" bg={n.dibacaPada ? undefined : 'teal.0'}>
            <Group justify="space-between" wrap="wrap" align="flex-start">
              <Stack gap={2} style={{ flex: 1, minWidth: 220 }}>
                <Group gap="xs">
                  <Text fw={700}>{n.judul}</Text>
                  {!n.dibacaPada && <Badge color="red.8">Baru</Badge>}
                </Group>
                <Text size="sm">{n.isi}</Text>
                <Text size="xs" c="gray.7">
                  {waktu(n.dibuatPada)}
                </Text>
              </Stack>
              <Group gap="xs">
                {n.tautan && (
                  <Button component={Link} to={n.tautan} variant="light" size="xs" onClick={() => !n.dibacaPada && read.mutate(n.id)}>
                    Buka
                  </Button>
                )}
                {!n.dibacaPada && (
                  <Button variant="subtle" size="xs" onClick={() => read.mutate(n.id)}>
                    Tandai dibaca
                  </Button>
                )}
              </Group>
            </Group>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}
