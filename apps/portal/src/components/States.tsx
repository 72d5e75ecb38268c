import { Alert, Center, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { ApiError } from '../lib/problem';

export function Loading({ label = 'Memuat data' }: { label?: string }) {
  return (
    <Center p="xl">
      <Loader aria-label={label} />
    </Center>
  );
}

export function LoadError({ error }: { error: unknown }) {
  const message = error instanceof ApiError ? error.message : 'Tidak dapat menghubungi server. Periksa koneksi Anda lalu muat ulang halaman.';
  return (
    <Alert color="red" title="Data tidak dapat dimuat" role="alert">
      {message}
    </Alert>
  );
}

/** An empty list says what to do next, not just that it is empty. */
export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Paper withBorder p="lg" bg="gray.0">
      <Stack gap={4}>
        <Text fw={600}>{title}</Text>
        {children && <Text size="sm">{children}</Text>}
      </Stack>
    </Paper>
  );
}

export function PageTitle({ children }: { children: ReactNode }) {
  return (
    <Title order={1} size="h2" mb="md">
      {children}
    </Title>
  );
}
