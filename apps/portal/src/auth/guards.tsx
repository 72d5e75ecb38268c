import { Button, Center, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { Link, Outlet } from 'react-router';
import type { Role } from './oidc';
import { useAuth } from './AuthProvider';

/** Every screen but the callback needs a signed-in user: without one, off to Keycloak's login page. */
export function RequireSignIn() {
  const auth = useAuth();
  useEffect(() => {
    if (auth.ready && !auth.user && !auth.expired) void auth.signIn();
  }, [auth]);
  if (auth.user || auth.expired) return <Outlet />;
  return (
    <Center h="100vh" component="main">
      <Loader aria-label="Mengarahkan ke halaman masuk" />
    </Center>
  );
}

/** A screen for some roles only: anyone else who types its address gets a clear page, never the screen. */
export function RequireRole({ roles }: { roles: Role[] }) {
  const auth = useAuth();
  if (auth.hasRole(...roles)) return <Outlet />;
  return <Forbidden />;
}

export function Forbidden() {
  return (
    <Paper p="xl" withBorder maw={560} mx="auto" mt="xl">
      <Stack>
        <Title order={1} size="h2">
          Halaman ini bukan untuk peran Anda
        </Title>
        <Text>
          Anda masuk sebagai pegawai tanpa peran yang dibutuhkan halaman ini. Jika menurut Anda ini keliru, hubungi admin
          kepegawaian OPD Anda.
        </Text>
        <Button component={Link} to="/" w="fit-content">
          Kembali ke beranda
        </Button>
      </Stack>
    </Paper>
  );
}
