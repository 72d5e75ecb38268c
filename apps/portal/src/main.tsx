import '@mantine/core/styles.css';
import './global.css';
import { createRoot } from 'react-dom/client';
import { setTokenSource } from './api/client';
import { App } from './App';
import { createUserManager } from './auth/oidc';

const manager = createUserManager();
setTokenSource(() => {
  // The token read fresh on every call: silent renew replaces it in sessionStorage.
  const raw = window.sessionStorage.getItem(`oidc.user:${manager.settings.authority}:${manager.settings.client_id}`);
  if (!raw) return undefined;
  const user = JSON.parse(raw) as { access_token?: string; expires_at?: number };
  return user.expires_at && user.expires_at * 1000 < Date.now() ? undefined : user.access_token;
});

createRoot(document.getElementById('root')!).render(<App manager={manager} />);
