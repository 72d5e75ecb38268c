import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ProblemException } from '@capaian/shared/http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { bearerChallenge, insufficientRole } from './auth-problems';
import { IS_PUBLIC_KEY, ROLES_KEY } from './decorators';
import { hasAnyRole, type Principal } from './principal';
import { TokenVerifier } from './token-verifier';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth guard (services) or the gateway's hook once the token is verified. */
    principal?: Principal;
  }
}

/**
 * Paths every service exposes without a token, whatever their decorators say: orchestrators and
 * Prometheus call them anonymously. Matched on the path only (never on a prefix of an API path).
 */
export function isUnauthenticatedPath(url: string): boolean {
  const path = url.split('?', 1)[0];
  return path === '/health' || path.startsWith('/health/') || path === '/metrics' || path === '/openapi.json';
}

/**
 * The one guard of every service (registered globally by AuthModule): verifies the bearer token,
 * attaches the Principal to the request, and enforces `@Roles(...)`. Kafka handlers are not HTTP
 * and pass: events are authenticated by the broker, not by user tokens.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(TokenVerifier) private readonly verifier: TokenVerifier,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) return true;
    if (isUnauthenticatedPath(request.url)) return true;

    try {
      request.principal = await this.verifier.verifyAuthorizationHeader(request.headers.authorization);
    } catch (error) {
      if (error instanceof ProblemException && error.getStatus() === 401) {
        context.switchToHttp().getResponse<FastifyReply>().header('www-authenticate', bearerChallenge(this.verifier.realm, error));
      }
      throw error;
    }

    const required = this.reflector.getAllAndOverride<string[] | undefined>(ROLES_KEY, targets);
    if (required && required.length > 0 && !hasAnyRole(request.principal, required)) throw insufficientRole(required);
    return true;
  }
}
