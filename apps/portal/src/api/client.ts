import createClient, { type Middleware } from 'openapi-fetch';
import { toApiError } from '../lib/problem';
import type { paths } from './schema';

export type { paths, components } from './schema';

/** Where the portal finds the current access token (set by the AuthProvider's owner, main.tsx). */
let tokenSource: () => string | undefined = () => undefined;
export function setTokenSource(source: () => string | undefined): void {
  tokenSource = source;
}

const auth: Middleware = {
  onRequest({ request }) {
    const token = tokenSource();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
};

/** The typed client of the gateway's API (same origin: `/api/v1/<layanan>/...`), types generated from its OpenAPI document. */
export const api = createClient<paths>({ baseUrl: typeof window === 'undefined' ? 'http://localhost' : window.location.origin });
api.use(auth);

/** The body of a typed call, or the problem+json answer as an ApiError the screens show next to the fields. */
export async function unwrap<T = unknown>(call: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw await toApiError(response, error);
  return data as T;
}

/** Raw requests the generated types do not describe well (file bodies, downloads, SSE tickets). */
export async function rawFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const token = tokenSource();
  if (token) headers.set('authorization', `Bearer ${token}`);
  const response = await fetch(path, { ...init, headers });
  if (!response.ok) throw await toApiError(response);
  return response;
}

/** Downloads a file answer (PDF, export) under the name the server gives. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const response = await rawFetch(path);
  const blob = await response.blob();
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = decodeURIComponent(name);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
