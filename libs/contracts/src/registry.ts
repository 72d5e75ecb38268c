import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { EventEnvelope } from './envelope';
import { envelopeSchema } from './schemas/envelope.schema';
import { eventContracts } from './schemas';

/** One event type: the topic it travels on and the JSON schema of its `data`. */
export interface EventContract {
  type: string;
  topic: string;
  schema: object;
}

export class ContractViolationError extends Error {
  constructor(
    readonly eventType: string,
    readonly problems: string[],
  ) {
    super(`event ${eventType} violates its contract: ${problems.join('; ')}`);
    this.name = 'ContractViolationError';
  }
}

const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
const validateEnvelopeShape = ajv.compile(envelopeSchema);
const validators = new Map<string, { contract: EventContract; validate: ValidateFunction }>();
for (const contract of eventContracts) {
  validators.set(contract.type, { contract, validate: ajv.compile(contract.schema) });
}

function problemsOf(validate: ValidateFunction, prefix: string): string[] {
  return (validate.errors ?? []).map((e) => `${prefix}${e.instancePath || '/'} ${e.message ?? 'invalid'}`);
}

export function contractFor(type: string): EventContract {
  const entry = validators.get(type);
  if (!entry) throw new ContractViolationError(type, ['unknown event type']);
  return entry.contract;
}

/**
 * Checks an envelope and its payload against the contract; called both when producing and when consuming.
 * Returns the envelope typed, or throws ContractViolationError listing every problem.
 */
export function validateEnvelope<T = unknown>(candidate: unknown): EventEnvelope<T> {
  if (!validateEnvelopeShape(candidate)) {
    const type = (candidate as { type?: unknown })?.type;
    throw new ContractViolationError(typeof type === 'string' ? type : '(none)', problemsOf(validateEnvelopeShape, 'envelope'));
  }
  const envelope = candidate as EventEnvelope<T>;
  const entry = validators.get(envelope.type);
  if (!entry) throw new ContractViolationError(envelope.type, ['unknown event type']);
  if (!entry.validate(envelope.data)) throw new ContractViolationError(envelope.type, problemsOf(entry.validate, 'data'));
  return envelope;
}
