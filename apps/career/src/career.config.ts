import { DEFAULT_COMPETENCY_DEVELOPMENT_POLICY, parseCompetencyDevelopmentPolicy, type CompetencyDevelopmentPolicy } from '@capaian/kinerja';
import { loadServiceConfig, type ServiceConfig } from '@capaian/shared/config';

/** Settings of the career service on top of the common ones. */
export interface CareerConfig {
  service: ServiceConfig;
  /**
   * The yearly JP duty per kind of ASN (PNS/CPNS at least 20 JP, PPPK at most 24 JP by default).
   * `CAREER_JP_POLICY` overrides it with JSON, e.g. `{"PPPK": {"maximumJp": 30}}`; a value that
   * cannot be used stops the service at start-up rather than silently changing the rule.
   */
  competencyDevelopment: CompetencyDevelopmentPolicy;
}

export function loadCareerConfig(env: Record<string, string | undefined> = process.env): CareerConfig {
  return { service: loadServiceConfig('career', env), competencyDevelopment: parseCompetencyDevelopmentPolicy(env.CAREER_JP_POLICY) };
}

/** Injection token of the policy in force (the JP ledger's use cases read it). */
export const COMPETENCY_DEVELOPMENT_POLICY = Symbol('COMPETENCY_DEVELOPMENT_POLICY');

export { DEFAULT_COMPETENCY_DEVELOPMENT_POLICY };
