import topicList from './topics.json';

/**
 * The topic registry: `<service>.<aggregate>.v<N>`, keyed by the aggregate id.
 * infra/kafka/create-topics.js reads topics.json and creates each topic and its `<topic>.dlq`
 * (the broker has auto-create off, so a topic that is not listed here does not exist).
 */
export const Topics = {
  platformPing: 'platform.ping.v1',
  personnelOrgUnit: 'personnel.org-unit.v1',
  personnelPosition: 'personnel.position.v1',
  personnelEmployee: 'personnel.employee.v1',
  /** Full snapshots from the republish command; log-compacted (`cleanup.policy=compact`), keyed by aggregate id. */
  personnelSnapshot: 'personnel.snapshot.v1',
  appraisalSkp: 'appraisal.skp.v1',
  appraisalEvaluation: 'appraisal.evaluation.v1',
  careerEnrolment: 'career.enrolment.v1',
  careerJp: 'career.jp.v1',
  careerBudget: 'career.budget.v1',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

export interface TopicDefinition {
  name: string;
  partitions: number;
  /** Kafka topic configs set when the topic is created, e.g. `{ "cleanup.policy": "compact" }`. */
  config?: Record<string, string>;
}

export const topicDefinitions: readonly TopicDefinition[] = topicList;

export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}
