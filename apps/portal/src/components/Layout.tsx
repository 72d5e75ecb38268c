import { Alert, AppShell, Badge, Burger, Button, Group, NavLink, ScrollArea, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useLocation } from 'react-router';
import { useAuth } from '../auth/AuthProvider';
import { useInboxStream } from '../lib/inbox-stream';
import { NAV } from '../routes';
import { activeMenuPath } from './active-menu';

export function Layout() {
  const auth = useAuth();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const unread = useInboxStream(!!auth.user && !auth.expired);
  const visible = NAV.filter((r) => !r.roles || auth.hasRole(...r.roles));
  const activePath = activeMenuPath(visible.map((r) => r.path), location.pathname);

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <a href="#isi" className="skip-link">
        Langsung ke isi
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? 'Tutup menu' : 'Buka menu'} />
            <Title order={2} size="h4" c="teal.9">
              Capaian
            </Title>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Button component={Link} to="/kotak-masuk" variant="subtle" size="compact-sm">
              <VisuallyHidden>Kotak masuk</VisuallyHidden>
              <span aria-hidden>✉</span>
              <Badge ml={6} color={unread ? 'red.8' : 'gray.7'} data-testid="unread-count">
                {unread ?? 0}
              </Badge>
              <VisuallyHidden> belum dibaca</VisuallyHidden>
            </Button>
            <Text size="sm" visibleFrom="sm" data-testid="who">
              {auth.principal?.name}
            </Text>
            <Button variant="outline" size="compact-sm" onClick={() => void auth.signOut()}>
              Keluar
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Menu utama">
        <ScrollArea>
          <nav>
            {visible.map((r) => (
              <NavLink
                key={r.path}
                component={Link}
                to={r.path}
                label={r.label}
                variant="filled"
                color="teal.9"
                active={r.path === activePath}
                onClick={close}
              />
            ))}
          </nav>
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="isi" tabIndex={-1}>
        {auth.expired && (
          <Alert color="orange" title="Sesi Anda berakhir" mb="md" role="alert">
            Isian formulir tetap tersimpan di peramban ini.{' '}
            <Button size="compact-sm" variant="white" onClick={() => void auth.signIn()}>
              Masuk kembali
            </Button>
          </Alert>
        )}
        <VisuallyHidden aria-live="polite">{unread !== undefined ? `${unread} notifikasi belum dibaca` : ''}</VisuallyHidden>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
