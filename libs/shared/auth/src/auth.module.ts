import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { AuthConfig } from '@capaian/shared/config';
import { AuthGuard } from './auth.guard';
import { TokenVerifier, type TokenVerifierOptions } from './token-verifier';
import { AUTH_SERVICE_NAME, createWhoAmIController } from './whoami.controller';

export interface AuthModuleOptions {
  /** Extra verifier settings (clock skew, timeout, a static realm key for tests). */
  verifier?: Omit<Partial<TokenVerifierOptions>, keyof AuthConfig>;
  /** Serve `GET /api/v1/<service>/whoami` (default true). */
  whoami?: boolean;
}

/**
 * Token checking for one service: `AuthModule.forRoot(config.auth, config.service)` in the app
 * module registers the global AuthGuard (every route needs a valid token unless `@Public()`),
 * exports TokenVerifier, and serves `whoami`.
 */
@Module({})
export class AuthModule {
  static forRoot(auth: AuthConfig, service: string, options: AuthModuleOptions = {}): DynamicModule {
    const verifierOptions: TokenVerifierOptions = { ...auth, ...options.verifier };
    return {
      module: AuthModule,
      global: true,
      controllers: options.whoami === false ? [] : [createWhoAmIController(service)],
      providers: [
        { provide: AUTH_SERVICE_NAME, useValue: service },
        { provide: TokenVerifier, useValue: new TokenVerifier(verifierOptions) },
        AuthGuard,
        { provide: APP_GUARD, useExisting: AuthGuard },
      ],
      exports: [TokenVerifier, AuthGuard],
    };
  }
}
