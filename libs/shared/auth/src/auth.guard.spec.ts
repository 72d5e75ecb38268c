import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ProblemException } from '@capaian/shared/http';
import { createForgingKey, forgeToken, KEYCLOAK_ISSUER } from '@capaian/shared/testing';
import { AuthGuard } from './auth.guard';
import { Public, Roles } from './decorators';
import { TokenVerifier } from './token-verifier';

const key = createForgingKey();
const verifier = new TokenVerifier({ keycloakUrl: new URL(KEYCLOAK_ISSUER).origin, realm: 'capaian', audience: 'capaian-api', realmPublicKey: key.publicKeyBase64 });
const guard = new AuthGuard(verifier, new Reflector());

class Handlers {
  open() {
    return 'open';
  }
  @Public() publicRoute() {
    return 'public';
  }
  @Roles('admin-bkpsdm', 'admin-opd') adminRoute() {
    return 'admin';
  }
}
@Roles('pimpinan')
class PimpinanOnly {
  route() {
    return 'pimpinan';
  }
  @Roles('pegawai') relaxed() {
    return 'pegawai';
  }
}

function context(handler: () => void, cls: object, url: string, authorization?: string, type = 'http') {
  const request: Record<string, unknown> = { url, headers: authorization ? { authorization } : {} };
  const headers: Record<string, string> = {};
  const ctx = {
    getType: () => type,
    getHandler: () => handler,
    getClass: () => cls,
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => ({ header: (k: string, v: string) => (headers[k] = v) }) }),
  } as unknown as ExecutionContext;
  return { ctx, request, headers };
}

async function problemOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (e) {
    return { status: (e as ProblemException).getStatus(), code: (e as ProblemException).code };
  }
  throw new Error('expected a refusal');
}

describe('AuthGuard', () => {
  const hendra = `Bearer ${forgeToken({ key })}`; // pegawai, admin-bkpsdm
  const proto = Handlers.prototype;

  it('lets Kafka (rpc) handlers through without a token', async () => {
    await expect(guard.canActivate(context(proto.open, Handlers, '', undefined, 'rpc').ctx)).resolves.toBe(true);
  });

  it('lets @Public() routes and health/metrics/openapi paths through without a token', async () => {
    await expect(guard.canActivate(context(proto.publicRoute, Handlers, '/api/v1/x/y').ctx)).resolves.toBe(true);
    for (const url of ['/health/live', '/health/ready', '/metrics', '/openapi.json']) {
      await expect(guard.canActivate(context(proto.open, Handlers, url).ctx)).resolves.toBe(true);
    }
  });

  it('refuses a missing token with 401 and a Bearer challenge', async () => {
    const { ctx, headers } = context(proto.open, Handlers, '/api/v1/x/y');
    expect(await problemOf(guard.canActivate(ctx))).toEqual({ status: 401, code: 'TOKEN_TIDAK_ADA' });
    expect(headers['www-authenticate']).toBe('Bearer realm="capaian"');
  });

  it('attaches the principal and applies @Roles as any-of, handler over class', async () => {
    const ok = context(proto.adminRoute, Handlers, '/api/v1/x/y', hendra);
    await expect(guard.canActivate(ok.ctx)).resolves.toBe(true);
    expect(ok.request.principal).toMatchObject({ nip: '197906012005011002' });
    expect(await problemOf(guard.canActivate(context(PimpinanOnly.prototype.route, PimpinanOnly, '/api/v1/x/y', hendra).ctx))).toEqual({
      status: 403,
      code: 'PERAN_TIDAK_MEMADAI',
    });
    await expect(guard.canActivate(context(PimpinanOnly.prototype.relaxed, PimpinanOnly, '/api/v1/x/y', hendra).ctx)).resolves.toBe(true);
  });
});
