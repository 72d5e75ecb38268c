import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { Employee } from '../api/views';
import { useAuth } from '../auth/AuthProvider';

/** The OPD a screen starts on: the token's `opd` claim, else the signed-in employee's own OPD. */
export function useOwnOpd(): string | undefined {
  const auth = useAuth();
  const me = useQuery({ queryKey: ['me'], queryFn: () => unwrap(api.GET('/api/v1/personnel/me')) as Promise<Employee>, enabled: !auth.principal?.opd });
  return auth.principal?.opd ?? me.data?.opd?.code;
}
