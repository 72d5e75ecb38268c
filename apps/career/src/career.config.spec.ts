import { CompetencyDevelopmentPolicyError } from '@capaian/kinerja';
import { DEFAULT_COMPETENCY_DEVELOPMENT_POLICY, loadCareerConfig } from './career.config';

describe('career configuration', () => {
  it('uses the regulation defaults for the yearly JP duty', () => {
    expect(loadCareerConfig({}).competencyDevelopment).toEqual(DEFAULT_COMPETENCY_DEVELOPMENT_POLICY);
  });

  it('takes an override from CAREER_JP_POLICY', () => {
    const config = loadCareerConfig({ CAREER_JP_POLICY: '{"PPPK": {"maximumJp": 30}}' });
    expect(config.competencyDevelopment.PPPK).toEqual({ minimumJp: null, maximumJp: 30 });
    expect(config.competencyDevelopment.PNS).toEqual({ minimumJp: 20, maximumJp: null });
  });

  it('refuses to start with an override it cannot use', () => {
    expect(() => loadCareerConfig({ CAREER_JP_POLICY: '{"PPPK": {"maksimumJp": 30}}' })).toThrow(CompetencyDevelopmentPolicyError);
  });
});
