import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <Paper p="xl" withBorder maw={560} mx="auto" mt="xl">
      <Stack>
        <Title order={1} size="h2">
          Halaman tidak ditemukan
        </Title>
        <Text>Alamat yang Anda buka tidak ada di portal ini. Periksa kembali alamatnya atau mulai dari beranda.</Text>
        <Button component={Link} to="/" w="fit-content">
          Kembali ke beranda
        </Button>
      </Stack>
    </Paper>
  );
}
