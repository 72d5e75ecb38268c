import { Controller, Get, Injectable, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

export type HealthCheck = () => Promise<void>;

/**
 * Readiness checks registered by the parts that own a dependency (the persistence module
 * registers `database`, the messaging module `kafka`). Liveness checks nothing external on purpose:
 * a database outage must not make the orchestrator restart every pod.
 */
@Injectable()
export class HealthService {
  private readonly checks = new Map<string, HealthCheck>();

  register(name: string, check: HealthCheck): void {
    this.checks.set(name, check);
  }

  async readiness(timeoutMs = 3000): Promise<{ ok: boolean; checks: Record<string, { status: 'up' | 'down'; error?: string }> }> {
    const results: Record<string, { status: 'up' | 'down'; error?: string }> = {};
    await Promise.all(
      [...this.checks].map(async ([name, check]) => {
        try {
          await Promise.race([
            check(),
            new Promise((_, reject) => setTimeout(() => reject(new Error(`timeout after ${timeoutMs} ms`)), timeoutMs).unref()),
          ]);
          results[name] = { status: 'up' };
        } catch (e) {
          results[name] = { status: 'down', error: (e as Error).message };
        }
      }),
    );
    return { ok: Object.values(results).every((r) => r.status === 'up'), checks: results };
  }
}

@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get('live')
  live() {
    return { status: 'up' };
  }

  @Get('ready')
  async ready(@Res() reply: FastifyReply) {
    const result = await this.health.readiness();
    reply.status(result.ok ? 200 : 503).send({ status: result.ok ? 'up' : 'down', checks: result.checks });
  }
}
