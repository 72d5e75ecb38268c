import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import type { UserManager } from 'oidc-client-ts';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';

/** Where Keycloak sends the browser back with the code: exchange it (PKCE), then go where the user was going. */
export function AuthCallback({ manager }: { manager: UserManager }) {
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);
  const once = useRef(false);
  useEffect(() => {
    if (once.current) return;
    once.current = true;
    manager.signinRedirectCallback().then(
      (user) => navigate((user.state as { returnTo?: string } | undefined)?.returnTo ?? '/', { replace: true }),
      () => setFailed(true),
    );
  }, [manager, navigate]);
  return (
    <Center h="100vh" component="main">
      {failed ? (
        <Stack>
          <Alert color="red" title="Gagal masuk">
            Proses masuk tidak dapat diselesaikan. Silakan coba lagi.
          </Alert>
          <Button onClick={() => void manager.signinRedirect()}>Masuk lagi</Button>
        </Stack>
      ) : (
        <Loader aria-label="Sedang masuk" />
      )}
    </Center>
  );
}
