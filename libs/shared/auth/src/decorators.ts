import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Principal } from './principal';

export const IS_PUBLIC_KEY = 'capaian:auth:public';
export const ROLES_KEY = 'capaian:auth:roles';

/** The route needs no token (health, metrics, OpenAPI, documentation). */
export const Public = () => SetMetadata(IS_PUBLIC_KEY, true);

/** The caller needs at least one of these realm roles (any-of). On a class, applies to every route. */
export const Roles = (...roles: string[]) => SetMetadata(ROLES_KEY, roles);

/**
 * The verified caller of the current request. On a `@Public()` route without a token it is
 * undefined, so such handlers must type it as `Principal | undefined`.
 */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal | undefined => {
  return (context.switchToHttp().getRequest<{ principal?: Principal }>()).principal;
});
