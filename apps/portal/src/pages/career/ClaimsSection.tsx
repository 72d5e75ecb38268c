import { Badge, Button, Card, Collapse, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CertificateUpload } from '../../components/career/CertificateUpload';
import { ClaimForm, type ClaimBody } from '../../components/career/ClaimForm';
import { careerJson, careerUpload, type Claim } from '../../components/career/career-api';
import { WRAP } from '../../components/career/ui';
import { LoadError, Loading } from '../../components/States';
import { angka, tanggal } from '../../lib/format';

const CLAIM_STATUS: Record<string, { label: string; color: string }> = {
  DIAJUKAN: { label: 'Menunggu verifikasi', color: 'blue.8' },
  DIVERIFIKASI: { label: 'Diverifikasi, JP diakui', color: 'green.9' },
  DITOLAK: { label: 'Ditolak', color: 'red.9' },
};

/** JP earned outside the platform: the claim, then its certificate as evidence; BKPSDM verifies. */
export function ClaimsSection() {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const claims = useQuery({ queryKey: ['career', 'claims', 'mine'], queryFn: () => careerJson<Claim[]>('/jp/claims') });
  const submit = useMutation({
    mutationFn: (body: ClaimBody) => careerJson<Claim>('/jp/claims', 'POST', body),
    onSuccess: () => {
      setOpen(false);
      void queryClient.invalidateQueries({ queryKey: ['career', 'claims'] });
    },
  });
  return (
    <Stack gap="sm">
      <Text size="sm">Pelatihan di luar platform (mis. e-learning LAN) tetap dihitung: ajukan klaimnya, lalu unggah sertifikatnya sebagai bukti.</Text>
      <Group>
        <Button variant="light" styles={WRAP} onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-controls="klaim-baru">
          {open ? 'Tutup formulir klaim' : 'Ajukan klaim JP kegiatan luar'}
        </Button>
      </Group>
      <Collapse expanded={open} id="klaim-baru">
        {open && (
          <Card withBorder>
            <ClaimForm error={submit.error} busy={submit.isPending} onSubmit={(b) => submit.mutate(b)} />
          </Card>
        )}
      </Collapse>
      {claims.isPending ? (
        <Loading label="Memuat klaim" />
      ) : claims.isError ? (
        <LoadError error={claims.error} />
      ) : (
        claims.data.map((c) => (
          <Card key={c.id} withBorder data-testid="claim">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text fw={600}>{c.title}</Text>
              <Badge color={CLAIM_STATUS[c.status]?.color ?? 'gray.7'}>{CLAIM_STATUS[c.status]?.label ?? c.status}</Badge>
            </Group>
            <Text size="sm">
              {c.organizer} · selesai {tanggal(c.endDate)} · {angka(c.jp)} JP
            </Text>
            {c.reason && <Text size="sm">Alasan: {c.reason}</Text>}
            {c.status === 'DIAJUKAN' &&
              (c.certificateFileName ? (
                <Text size="sm">Sertifikat terunggah: {c.certificateFileName}</Text>
              ) : (
                <CertificateUpload
                  label="Sertifikat kegiatan"
                  onUpload={async (file) => {
                    await careerUpload(`/jp/claims/${c.id}/certificate?fileName=${encodeURIComponent(file.name)}`, file);
                    await queryClient.invalidateQueries({ queryKey: ['career', 'claims'] });
                  }}
                />
              ))}
          </Card>
        ))
      )}
    </Stack>
  );
}
