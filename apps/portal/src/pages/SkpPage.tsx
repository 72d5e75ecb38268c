import { Button, Card, Stack, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../api/client';
import type { MySkps, Skp } from '../api/views';
import { usePenilaiRhk } from '../components/appraisal/hooks';
import { emptyRhk, SkpForm, toRequest, type SkpDraft } from '../components/SkpForm';
import { SkpList } from '../components/SkpList';
import { Empty, LoadError, Loading, PageTitle } from '../components/States';

export const currentYear = () => Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Jakarta' }).format(new Date()));

export function SkpPage() {
  const year = currentYear();
  const [creating, setCreating] = useState(() => window.sessionStorage.getItem('capaian.draft.skp-baru') !== null);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mine = useQuery({
    queryKey: ['skps', 'mine', year],
    queryFn: () => unwrap(api.GET('/api/v1/appraisal/skps/mine', { params: { query: { year } as never } })) as Promise<MySkps>,
  });
  const penilaiRhk = usePenilaiRhk({ year }, creating);
  const create = useMutation({
    mutationFn: (d: SkpDraft) => unwrap(api.POST('/api/v1/appraisal/skps', { body: toRequest(d) })) as Promise<Skp>,
  });

  if (mine.isPending) return <Loading />;
  if (mine.isError) return <LoadError error={mine.error} />;
  const own = mine.data.own;
  return (
    <Stack>
      <PageTitle>SKP saya</PageTitle>
      {own.length === 0 && !creating && (
        <Empty title="Anda belum memiliki SKP">Mulailah dengan menyusun rencana hasil kerja (RHK) dan indikatornya, lalu ajukan kepada pejabat penilai Anda.</Empty>
      )}
      {own.length > 0 && <SkpList items={own} />}
      {!creating ? (
        <Button onClick={() => setCreating(true)} w="fit-content">
          Susun SKP {year}
        </Button>
      ) : (
        <Card withBorder>
          <Title order={2} size="h3" mb="sm">
            Rencana SKP {year}
          </Title>
          <SkpForm
            draftKey="skp-baru"
            initial={{ year, pendekatan: 'KUANTITATIF', rhk: [emptyRhk()] }}
            yearEditable
            error={create.error}
            busy={create.isPending}
            submitLabel="Simpan sebagai draf"
            penilaiRhk={penilaiRhk}
            onSubmit={(d, clear) =>
              create.mutate(d, {
                onSuccess: (skp) => {
                  clear();
                  void queryClient.invalidateQueries({ queryKey: ['skps'] });
                  void navigate(`/skp/${skp.id}`);
                },
              })
            }
          />
        </Card>
      )}
    </Stack>
  );
}
