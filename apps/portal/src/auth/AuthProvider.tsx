import type { User, UserManager } from 'oidc-client-ts';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { principalOf, type Principal, type Role } from './oidc';

interface AuthState {
  user: User | null;
  principal: Principal | null;
  ready: boolean;
  /** True once a renew failed and the token ran out: forms keep their drafts, the banner offers a new sign-in. */
  expired: boolean;
  signIn(returnTo?: string): Promise<void>;
  signOut(): Promise<void>;
  hasRole(...roles: Role[]): boolean;
  accessToken(): string | undefined;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ manager, children }: { manager: UserManager; children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [ready, setReady] = useState(false);
  const [expired, setExpired] = useState(false);

  useEffect(() => {
    let live = true;
    void manager.getUser().then((u) => {
      if (!live) return;
      setUser(u && !u.expired ? u : null);
      setExpired(!!u?.expired);
      setReady(true);
    });
    const loaded = (u: User) => {
      setUser(u);
      setExpired(false);
    };
    const gone = () => setExpired(true);
    manager.events.addUserLoaded(loaded);
    manager.events.addAccessTokenExpired(gone);
    manager.events.addSilentRenewError(gone);
    manager.events.addUserUnloaded(() => setUser(null));
    return () => {
      live = false;
      manager.events.removeUserLoaded(loaded);
      manager.events.removeAccessTokenExpired(gone);
      manager.events.removeSilentRenewError(gone);
    };
  }, [manager]);

  const value = useMemo<AuthState>(() => {
    const principal = user ? principalOf(user) : null;
    return {
      user,
      principal,
      ready,
      expired,
      signIn: (returnTo = window.location.pathname + window.location.search) => manager.signinRedirect({ state: { returnTo } }),
      // Ends the Keycloak session too (end_session_endpoint with the id token), then comes back to `/`.
      signOut: () => manager.signoutRedirect({ id_token_hint: user?.id_token }),
      hasRole: (...roles) => !!principal && roles.some((r) => principal.roles.includes(r)),
      accessToken: () => (user && !user.expired ? user.access_token : undefined),
    };
  }, [user, ready, expired, manager]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

export { AuthContext };
