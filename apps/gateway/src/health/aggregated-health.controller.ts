import { Controller, Get, Inject, Injectable, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@capaian/shared/auth';
import { HealthService } from '@capaian/shared/http';
import type { FastifyReply } from 'fastify';
import { type GatewayConfig, UPSTREAM_SERVICES } from '../gateway.config';
import { GATEWAY_CONFIG } from '../gateway.tokens';

export interface ComponentHealth {
  status: 'up' | 'down';
  url?: string;
  latencyMs?: number;
  error?: string;
  /** The component's own readiness details, as it reported them. */
  checks?: unknown;
}

export interface AggregatedHealth {
  status: 'up' | 'down';
  components: Record<string, ComponentHealth>;
}

/**
 * The platform at a glance: the gateway's own readiness, Keycloak (new signing keys come from
 * there) and each service's `/health/ready`, all in parallel with a short timeout.
 */
@Injectable()
export class AggregatedHealthService {
  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(HealthService) private readonly health: HealthService,
  ) {}

  async check(): Promise<AggregatedHealth> {
    const timeoutMs = this.config.healthTimeoutMs;
    const issuer = `${this.config.auth.keycloakUrl}/realms/${this.config.auth.realm}`;
    const entries = await Promise.all([
      this.health.readiness(timeoutMs).then(
        (own): [string, ComponentHealth] => ['gateway', { status: own.ok ? 'up' : 'down', checks: own.checks }],
      ),
      this.probe('keycloak', `${issuer}/.well-known/openid-configuration`, timeoutMs),
      ...UPSTREAM_SERVICES.map((service) => this.probe(service, `${this.config.upstreams[service]}/health/ready`, timeoutMs)),
    ]);
    const components = Object.fromEntries(entries);
    return { status: entries.every(([, c]) => c.status === 'up') ? 'up' : 'down', components };
  }

  private async probe(name: string, url: string, timeoutMs: number): Promise<[string, ComponentHealth]> {
    const started = Date.now();
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
      const body = (await response.json().catch(() => undefined)) as { checks?: unknown } | undefined;
      const latencyMs = Date.now() - started;
      if (!response.ok) return [name, { status: 'down', url, latencyMs, error: `HTTP ${response.status}`, checks: body?.checks }];
      return [name, { status: 'up', url, latencyMs, ...(body?.checks ? { checks: body.checks } : {}) }];
    } catch (e) {
      const error = (e as Error).name === 'TimeoutError' ? `tidak menjawab dalam ${timeoutMs} ms` : ((e as Error).cause as Error)?.message ?? (e as Error).message;
      return [name, { status: 'down', url, latencyMs: Date.now() - started, error }];
    }
  }
}

@ApiTags('health')
@Public()
@Controller('health')
export class AggregatedHealthController {
  constructor(@Inject(AggregatedHealthService) private readonly aggregated: AggregatedHealthService) {}

  @Get()
  @ApiOperation({ summary: 'Kesehatan seluruh platform: gateway, Keycloak, dan setiap layanan (200 hanya bila semua siap)' })
  async health(@Res() reply: FastifyReply) {
    const result = await this.aggregated.check();
    reply.status(result.status === 'up' ? 200 : 503).send(result);
  }
}
