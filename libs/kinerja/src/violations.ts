/**
 * The one error vocabulary of the platform. Domain rules and use cases say *what* went wrong as a
 * `Violation` (a kind, a stable code, the field where there is one, and a message in Bahasa
 * Indonesia); they never choose an HTTP status. The HTTP edge (`ProblemFilter` in
 * `libs/shared/http`) maps the kind to one status, so a code means the same thing in every service.
 *
 * Messages live in catalogues (`defineMessages`, one `*.messages.ts` file per feature) so that a
 * test can read every text a user may see and refuse identifiers leaking into it.
 */

/** What kind of failure a violation is; each kind has exactly one HTTP status (see `statusOfKind`). */
export type ViolationKind = 'invalid' | 'too-large' | 'rule' | 'not-found' | 'conflict' | 'forbidden';

export const VIOLATION_KINDS: readonly ViolationKind[] = ['invalid', 'too-large', 'rule', 'not-found', 'conflict', 'forbidden'];

/**
 * - `invalid`: the input is malformed (wrong format, missing, out of range) — 400.
 * - `too-large`: the content (an uploaded file) is bigger than its limit — 413.
 * - `rule`: well-formed input that a business rule refuses (state, deadline, capacity) — 422.
 * - `not-found`: the thing named does not exist or is not visible to the caller — 404.
 * - `conflict`: the request collides with the current data (duplicate, stale version) — 409.
 * - `forbidden`: the caller may not do this to this thing — 403.
 */
export function statusOfKind(kind: ViolationKind): number {
  switch (kind) {
    case 'invalid':
      return 400;
    case 'too-large':
      return 413;
    case 'rule':
      return 422;
    case 'not-found':
      return 404;
    case 'conflict':
      return 409;
    case 'forbidden':
      return 403;
  }
}

export interface Violation {
  readonly kind: ViolationKind;
  /** Stable machine code in upper snake case, e.g. `NIP_TANGGAL_LAHIR_TIDAK_VALID`; clients switch on it. */
  readonly code: string;
  /** For the user, in Bahasa Indonesia, without code identifiers. */
  readonly message: string;
  /** Dotted path of the offending field (`rhk.0.indikator`, `baris 12 / nip`), when there is one. */
  readonly field?: string;
}

/** Code of a problem made of several `invalid` violations (always 400). */
export const CODE_VALIDATION_FAILED = 'VALIDASI_GAGAL';
/** Code of a problem made of several violations of which at least one is not `invalid` (always 422). */
export const CODE_RULES_BROKEN = 'ATURAN_DILANGGAR';

/**
 * What domain code and use cases throw. It carries one or more violations; the HTTP edge turns it
 * into one problem+json answer, listing every violation in `errors`.
 */
export class ViolationError extends Error {
  readonly violations: readonly Violation[];

  constructor(violations: Violation | readonly Violation[]) {
    const list = Array.isArray(violations) ? (violations as readonly Violation[]) : [violations as Violation];
    if (list.length === 0) throw new Error('ViolationError needs at least one violation');
    super(list[0].message);
    this.name = 'ViolationError';
    this.violations = list;
  }

  /** The code, kind and message the answer as a whole carries. */
  get summary(): { kind: ViolationKind; code: string; message: string } {
    if (this.violations.length === 1) {
      const [only] = this.violations;
      return { kind: only.kind, code: only.code, message: only.message };
    }
    return this.violations.every((v) => v.kind === 'invalid')
      ? { kind: 'invalid', code: CODE_VALIDATION_FAILED, message: 'Data yang dikirim tidak valid' }
      : { kind: 'rule', code: CODE_RULES_BROKEN, message: 'Data tidak memenuhi aturan yang berlaku' };
  }
}

export function isViolationError(error: unknown): error is ViolationError {
  return error instanceof ViolationError;
}

/** Throws every violation at once, if there is any. */
export function throwIfAny(violations: readonly Violation[]): void {
  if (violations.length > 0) throw new ViolationError(violations);
}

export interface MessageSpec {
  readonly kind: ViolationKind;
  /** Bahasa Indonesia; `{name}` placeholders are filled from the params given at use. */
  readonly message: string;
}

export type MessageParams = Readonly<Record<string, string | number | null | undefined>>;

export interface MessageCatalogue<T extends Record<string, MessageSpec>> {
  /** Name of the catalogue, for the catalogue test's report. */
  readonly name: string;
  readonly specs: Readonly<T>;
  violation(code: keyof T & string, params?: MessageParams, field?: string): Violation;
  error(code: keyof T & string, params?: MessageParams, field?: string): ViolationError;
}

const catalogues: MessageCatalogue<Record<string, MessageSpec>>[] = [];

/** Every catalogue defined so far in this process (the message-catalogue test walks them). */
export function registeredCatalogues(): readonly MessageCatalogue<Record<string, MessageSpec>>[] {
  return catalogues;
}

/** `{name}` → params.name; a missing value leaves a dash rather than a raw placeholder. */
export function fillMessage(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    return value === undefined || value === null ? '-' : String(value);
  });
}

/**
 * Declares a feature's messages. The keys are the codes:
 * `const UnitMessages = defineMessages('org-unit', { UNIT_TIDAK_DITEMUKAN: { kind: 'not-found', message: 'Unit {ref} tidak ditemukan' } })`
 * then `throw UnitMessages.error('UNIT_TIDAK_DITEMUKAN', { ref })`.
 */
export function defineMessages<const T extends Record<string, MessageSpec>>(name: string, specs: T): MessageCatalogue<T> {
  const catalogue: MessageCatalogue<T> = {
    name,
    specs,
    violation(code, params, field) {
      const spec = specs[code];
      if (!spec) throw new Error(`Unknown message code ${String(code)} in catalogue ${name}`);
      return { kind: spec.kind, code, message: fillMessage(spec.message, params), ...(field ? { field } : {}) };
    },
    error(code, params, field) {
      return new ViolationError(catalogue.violation(code, params, field));
    },
  };
  catalogues.push(catalogue as unknown as MessageCatalogue<Record<string, MessageSpec>>);
  return catalogue;
}

/**
 * Problems a user-facing message may have: a camelCase or PascalCase identifier, a known type or
 * framework name, an untranslated placeholder. Used by the catalogue test; exported so every
 * service checks its texts with the same rule.
 */
export function messageDefects(message: string): string[] {
  const text = message.replace(/\{\w+\}/g, '');
  const defects: string[] = [];
  // Words like NIP, OPD, SKP are upper case; camelCase (tanggalMulai) and PascalCase compounds (DateParts) are code.
  const identifier = text.match(/\b[a-z]+[A-Z][A-Za-z]*\b|\b[A-Z][a-z]+[A-Z][A-Za-z]*\b/g);
  if (identifier) defects.push(`pengenal kode: ${identifier.join(', ')}`);
  const snake = text.match(/\b[a-z]+_[a-z_]+\b/g);
  if (snake) defects.push(`pengenal kode: ${snake.join(', ')}`);
  const typeNames = text.match(/\b(undefined|null|NaN|object|string|number|boolean|Error|Exception|Promise|Date|Array|JSON\.)\b/g);
  if (typeNames) defects.push(`nama tipe: ${typeNames.join(', ')}`);
  if (/\{|\}/.test(text)) defects.push('placeholder tidak lengkap');
  if (text.trim().length === 0) defects.push('pesan kosong');
  return defects;
}
