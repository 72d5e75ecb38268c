import * as fs from 'node:fs';
import * as path from 'node:path';
import { VIOLATION_KINDS, messageDefects, registeredCatalogues, statusOfKind } from '@capaian/kinerja';
import { defaultProblemByStatus } from './problem';
import { validationMessages } from './validation';

/**
 * Every text a user can read comes from a catalogue: the `*.messages.ts` files of every app and
 * library, the default problems and the validation messages of this library. This test reads them
 * all and fails on identifiers leaking into Bahasa Indonesia ("DateParts mulai…") and on a code
 * that means two different statuses in two places.
 */
const ROOT = path.resolve(__dirname, '../../../..');

function catalogueFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) catalogueFiles(full, out);
    else if (entry.name.endsWith('.messages.ts')) out.push(full);
  }
  return out;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(full, out);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.int-spec.ts')) out.push(full);
  }
  return out;
}

const files = [...catalogueFiles(path.join(ROOT, 'apps')), ...catalogueFiles(path.join(ROOT, 'libs'))];
// The catalogue files are found at run time, so they can only be loaded with require().
// eslint-disable-next-line @typescript-eslint/no-require-imports
for (const file of files) require(file);

describe('message catalogues', () => {
  it('loads one catalogue per messages file, none empty', () => {
    expect(registeredCatalogues().length).toBeGreaterThanOrEqual(files.length);
    for (const catalogue of registeredCatalogues()) expect(Object.keys(catalogue.specs).length).toBeGreaterThan(0);
  });

  it('has only Bahasa Indonesia without code identifiers in every catalogue message', () => {
    const defects: string[] = [];
    for (const catalogue of registeredCatalogues()) {
      for (const [code, spec] of Object.entries(catalogue.specs)) {
        for (const d of messageDefects(spec.message)) defects.push(`${catalogue.name} ${code}: ${d} — "${spec.message}"`);
        if (!/^[A-Z][A-Z0-9_]*$/.test(code)) defects.push(`${catalogue.name} ${code}: kode harus huruf besar dengan garis bawah`);
        if (!VIOLATION_KINDS.includes(spec.kind)) defects.push(`${catalogue.name} ${code}: jenis tidak dikenal ${spec.kind}`);
      }
    }
    for (const [status, p] of Object.entries(defaultProblemByStatus)) {
      for (const d of messageDefects(p.title)) defects.push(`status ${status}: ${d} — "${p.title}"`);
    }
    for (const [constraint, message] of Object.entries(validationMessages)) {
      for (const d of messageDefects(message)) defects.push(`validasi ${constraint}: ${d} — "${message}"`);
    }
    expect(defects).toEqual([]);
  });

  it('gives each code one status across all services', () => {
    const statuses = new Map<string, Set<string>>();
    const note = (code: string, status: number, where: string) => {
      const key = `${code}`;
      if (!statuses.has(key)) statuses.set(key, new Set());
      statuses.get(key)!.add(`${status} (${where})`);
    };
    for (const catalogue of registeredCatalogues()) {
      for (const [code, spec] of Object.entries(catalogue.specs)) note(code, statusOfKind(spec.kind), catalogue.name);
    }
    // Framework-level problems thrown directly with a literal status and code.
    const literal = /new ProblemException\(\s*(\d{3})\s*,\s*'([A-Z][A-Z0-9_]*)'/g;
    for (const file of [...sourceFiles(path.join(ROOT, 'apps')), ...sourceFiles(path.join(ROOT, 'libs'))]) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(literal)) note(m[2], Number(m[1]), path.relative(ROOT, file));
    }
    const ambiguous = [...statuses.entries()]
      .filter(([, where]) => new Set([...where].map((w) => w.slice(0, 3))).size > 1)
      .map(([code, where]) => `${code}: ${[...where].join(', ')}`);
    expect(ambiguous).toEqual([]);
  });

  it('refuses identifiers in a message', () => {
    expect(messageDefects('DateParts mulai harus sebelum selesai')).not.toEqual([]);
    expect(messageDefects('tanggalMulai wajib diisi')).not.toEqual([]);
    expect(messageDefects('Nilai undefined')).not.toEqual([]);
    expect(messageDefects('Tanggal mulai harus sebelum tanggal selesai untuk SKP {ref}')).toEqual([]);
    expect(messageDefects('NIP 18 digit, OPD dan golongan III/a')).toEqual([]);
  });
});
