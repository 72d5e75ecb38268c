import { Inject, Injectable, Logger } from '@nestjs/common';
import { type GatewayConfig, UPSTREAM_SERVICES } from '../gateway.config';
import { GATEWAY_CONFIG } from '../gateway.tokens';
import { mergeOpenApi, type OpenApiDocument, type ServiceDocument } from './merge-openapi';

/** Title and description of the merged document (tests/openapi builds the same document from code). */
export const MERGED_DOCUMENT = {
  title: 'Capaian API',
  description:
    'Penilaian kinerja dan pengembangan karier ASN Pemerintah Kota Palembang. Semua jalur `/api/v1/<layanan>/...` ' +
    'membutuhkan token akses Keycloak (Bearer) untuk audiens `capaian-api`. Kesalahan dikirim sebagai `application/problem+json`.',
};

/**
 * The whole API as one OpenAPI document, built from each service's `/openapi.json` at request time
 * (short timeout, brief cache, one build at a time). A service that is down is listed as
 * unavailable in `info.x-services`: the document never fails because of one service.
 */
@Injectable()
export class OpenApiAggregator {
  private readonly logger = new Logger(OpenApiAggregator.name);
  private cached?: { document: OpenApiDocument; builtAt: number };
  private building?: Promise<OpenApiDocument>;
  private ownDocument?: OpenApiDocument;

  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  /** The gateway's own routes (whoami) join the merged document. */
  setGatewayDocument(document: OpenApiDocument): void {
    this.ownDocument = document;
    this.cached = undefined;
  }

  async document(): Promise<OpenApiDocument> {
    if (this.cached && Date.now() - this.cached.builtAt < this.config.openApi.cacheMs) return this.cached.document;
    this.building ??= this.build().finally(() => (this.building = undefined));
    return this.building;
  }

  private async build(): Promise<OpenApiDocument> {
    const sources: ServiceDocument[] = await Promise.all(
      UPSTREAM_SERVICES.map(async (service): Promise<ServiceDocument> => {
        const url = `${this.config.upstreams[service]}/openapi.json`;
        try {
          const response = await fetch(url, { signal: AbortSignal.timeout(this.config.openApi.timeoutMs) });
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          const document = (await response.json()) as OpenApiDocument;
          if (!document || typeof document !== 'object' || typeof document.paths !== 'object') throw new Error('bukan dokumen OpenAPI');
          return { service, document };
        } catch (e) {
          const error =
            (e as Error).name === 'TimeoutError'
              ? `tidak menjawab dalam ${this.config.openApi.timeoutMs} ms`
              : (((e as Error).cause as Error | undefined)?.message ?? (e as Error).message);
          this.logger.warn(`OpenAPI of ${service} unavailable: ${error}`);
          return { service, error };
        }
      }),
    );
    if (this.ownDocument) sources.unshift({ service: 'gateway', document: this.ownDocument });
    const document = mergeOpenApi(sources, { ...MERGED_DOCUMENT, keycloakIssuer: `${this.config.auth.keycloakUrl}/realms/${this.config.auth.realm}` });
    this.cached = { document, builtAt: Date.now() };
    return document;
  }
}
