import { DEMO_NIP, getToken, type DemoUserName } from './auth';

/** What a test needs of the gateway app (`apps/gateway/src/gateway.app` and `gateway.config`); the test imports them, a library may not. */
export interface GatewayModules {
  createGatewayApp(config: never): Promise<{ listen(port: number, host: string): Promise<unknown>; getUrl(): Promise<string>; close(): Promise<void> }>;
  loadGatewayConfig(env: Record<string, string | undefined>): unknown;
}

export interface ApiResponse {
  status: number;
  /** Parsed JSON, or the raw bytes (a PDF, a spreadsheet, a downloaded file). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Headers;
}

export interface GatewayHarness {
  /** `http://127.0.0.1:<port>/api/v1/<service>`. */
  base: string;
  /** Real Keycloak access tokens of the demo users, by first name. */
  token: Record<DemoUserName, string>;
  /** A request through the gateway as `who` (null: without a token); a Buffer body is sent as is, anything else as JSON. */
  call(method: string, path: string, who: DemoUserName | null, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse>;
  close(): Promise<void>;
}

/**
 * The real gateway on a free port in front of one service under test (its `<SERVICE>_URL` pointing
 * at the test app), with the demo users' real tokens: requests go through the same token check,
 * routing, limits and problem+json as in production. The rate limit is raised so a test's bursts
 * are not throttled.
 */
export async function startGatewayHarness(options: { service: string; serviceUrl: string; gateway: GatewayModules }): Promise<GatewayHarness> {
  const { createGatewayApp, loadGatewayConfig } = options.gateway;
  const serviceUrl = options.serviceUrl.replace('[::1]', '127.0.0.1');
  const config = loadGatewayConfig({ ...process.env, LOG_LEVEL: 'error', [`${options.service.toUpperCase()}_URL`]: serviceUrl, RATE_LIMIT_MAX: '100000' });
  const gw = await createGatewayApp(config as never);
  await gw.listen(0, '127.0.0.1');
  const base = `${(await gw.getUrl()).replace('[::1]', '127.0.0.1')}/api/v1/${options.service}`;
  const token = {} as Record<DemoUserName, string>;
  for (const who of Object.keys(DEMO_NIP) as DemoUserName[]) token[who] = await getToken(DEMO_NIP[who]);

  const call: GatewayHarness['call'] = async (method, path, who, body, headers = {}) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(who ? { authorization: `Bearer ${token[who]}` } : {}),
        ...(body !== undefined && !(body instanceof Buffer) ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : body instanceof Buffer ? new Uint8Array(body) : JSON.stringify(body),
    });
    const type = res.headers.get('content-type') ?? '';
    const data = type.includes('json') ? await res.json() : Buffer.from(await res.arrayBuffer());
    return { status: res.status, body: data, headers: res.headers };
  };
  return { base, token, call, close: () => gw.close() };
}
