import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';

/**
 * Comments and documents must point inside the repository: a reader who clones it has no
 * `../shared/design/` folder. The design lives in `docs/architecture.md` and `docs/domain.md`
 * (docs/architecture.md §2.4, docs/conventions.md), and a comment cites them by section, e.g.
 * `docs/domain.md §4.7`. This test reads every source and documentation file of the working tree and
 * fails, naming file and line, on
 * - any reference to the shared design folder (`../shared/…`, `shared/design`);
 * - a design document named without a path that resolves inside the repository (a bare
 *   `architecture.md` in a code comment, `toolchain.md`, `anatomy-examples.md`, …);
 * - a `docs/….md` path that does not exist;
 * - `docs/architecture.md §N` or `docs/domain.md §N` where section N does not exist.
 */
const ROOT = resolve(__dirname, '../../../..');
const SELF = relative(ROOT, __filename).split('\\').join('/');

const SCANNED = /\.(ts|tsx|js|cjs|mjs|sh|sql|json|ya?ml|properties|xml|md)$|(^|\/)Dockerfile$/;
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'coverage', '.git', '.infra', '.run', '.nx', 'tmp']);
const SKIPPED_FILES = new Set(['package-lock.json', SELF]);

/** Names of the design documents that used to live outside the repository. */
const DESIGN_DOC = /(?<![\w.-])((?:[\w.-]+\/)*)(architecture|domain|toolchain|infra|anatomy-examples)\.md\b/g;
const OUTSIDE = /\.\.\/shared\/|shared\/design\b|\/work\/shared\b/g;
/** Any path into the repository's `docs/` folder; the file must exist. */
const DOCS_PATH = /(?<![\w./-])docs\/[\w./-]*?\.md\b/g;
/** Section numbers cited right after a document name: ` §3`, ` §3.4, §9`, `) §5.1–5.2`. */
const CITED_SECTIONS = /^[`)\]]*((?:(?:,|\s+and|\s+or)?\s*§\s*\d+(?:\.\d+)*(?:\s*[–-]\s*\d+(?:\.\d+)*)?)+)/;

interface ReferenceProblem {
  file: string;
  line: number;
  text: string;
  problem: string;
}

function listFiles(): string[] {
  try {
    const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return out.split('\0').filter((f) => f.length > 0);
  } catch {
    // No git (an exported tree): walk the directories instead.
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(join(ROOT, dir))) {
        if (SKIPPED_DIRS.has(name)) continue;
        const path = dir ? `${dir}/${name}` : name;
        if (statSync(join(ROOT, path)).isDirectory()) walk(path);
        else files.push(path);
      }
    };
    walk('');
    return files;
  }
}

function scannedFiles(): string[] {
  return listFiles()
    .filter((f) => SCANNED.test(f) && !SKIPPED_FILES.has(f) && !f.split('/').some((part) => SKIPPED_DIRS.has(part)))
    .filter((f) => existsSync(join(ROOT, f)) && statSync(join(ROOT, f)).isFile());
}

/** Section numbers of a document: `## 3. Events` gives 3, `### 4.7 Predikat` gives 4.7. */
function sectionsOf(markdown: string): Set<string> {
  const sections = new Set<string>();
  for (const match of markdown.matchAll(/^#{2,6}\s+(\d+(?:\.\d+)*)\.?\s/gm)) sections.add(match[1]);
  return sections;
}

/**
 * Where a design-document name in `file` points, relative to the repository root: paths starting
 * with `docs/` from the root; in Markdown, relative to the document (as links are); in code, from
 * the root (a comment has no directory of its own to be relative to).
 */
function targetOf(file: string, prefix: string, name: string): string {
  const path = `${prefix}${name}.md`;
  if (path.startsWith('docs/') || !file.endsWith('.md')) return posix.normalize(path);
  return posix.normalize(posix.join(posix.dirname(file), path));
}

function findReferenceProblems(file: string, content: string, sections: Record<string, Set<string>>, exists: (path: string) => boolean): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const lines = content.split('\n');
  lines.forEach((text, index) => {
    const report = (problem: string) => problems.push({ file, line: index + 1, text: text.trim(), problem });
    for (const match of text.matchAll(OUTSIDE)) report(`points outside the repository (${match[0]})`);
    for (const match of text.matchAll(DOCS_PATH)) if (!exists(match[0])) report(`${match[0]} does not exist`);
    for (const match of text.matchAll(DESIGN_DOC)) {
      const [whole, prefix, name] = match;
      const target = targetOf(file, prefix, name);
      if (target.startsWith('..') || !exists(target)) {
        report(`${whole} is not a document of this repository (cite docs/architecture.md or docs/domain.md)`);
        continue;
      }
      const known = sections[target];
      const cited = known && CITED_SECTIONS.exec(text.slice((match.index ?? 0) + whole.length));
      if (!known || !cited) continue;
      for (const range of cited[1].matchAll(/§\s*(\d+(?:\.\d+)*)(?:\s*[–-]\s*(\d+(?:\.\d+)*))?/g)) {
        for (const number of [range[1], range[2]].filter((n): n is string => n !== undefined)) {
          if (!known.has(number)) report(`${target} has no section ${number}`);
        }
      }
    }
  });
  return problems;
}

describe('references in comments and documents stay inside the repository', () => {
  const sections: Record<string, Set<string>> = {
    'docs/architecture.md': sectionsOf(readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8')),
    'docs/domain.md': sectionsOf(readFileSync(join(ROOT, 'docs/domain.md'), 'utf8')),
  };
  const exists = (path: string) => existsSync(join(ROOT, path));

  it('finds the project design documents and their sections', () => {
    expect(sections['docs/architecture.md'].has('3')).toBe(true);
    expect(sections['docs/domain.md'].has('4.7')).toBe(true);
  });

  it('refuses what the check is meant to catch, and accepts what is right', () => {
    const check = (file: string, text: string) => findReferenceProblems(file, text, sections, exists).map((p) => p.problem);
    expect(check('apps/x/src/a.ts', '// see architecture.md §3')).toHaveLength(1);
    expect(check('apps/x/src/a.ts', '// per toolchain.md §2')).toHaveLength(1);
    expect(check('apps/x/src/a.ts', '// read ../shared/design/domain.md')).toHaveLength(2);
    expect(check('docs/x.md', 'Read with `../shared/design/architecture.md`.')).toHaveLength(2);
    expect(check('apps/x/README.md', 'checked again (architecture.md §4)')).toHaveLength(1);
    expect(check('apps/x/src/a.ts', '// docs/domain.md §99')).toEqual(['docs/domain.md has no section 99']);
    expect(check('apps/x/src/a.ts', '// docs/architecture.md §3.4, §9 and docs/domain.md §3.2–3.3')).toEqual([]);
    expect(check('docs/conventions.md', 'Read with [`architecture.md`](architecture.md).')).toEqual([]);
    expect(check('docs/infra.md', 'the real servers (architecture.md §77)')).toEqual(['docs/architecture.md has no section 77']);
    expect(check('apps/x/src/a.ts', '// (`docs/domain.md` §4.7) and docs/architecture.md §3.4')).toEqual([]);
    expect(check('docs/adr/0001-x.md', 'see [the design](../architecture.md)')).toEqual([]);
    expect(check('apps/x/src/a.ts', "import { x } from './domain';")).toEqual([]);
    expect(check('apps/x/src/a.ts', '// the rules (docs/appraisal-nowhere.md)')).toEqual(['docs/appraisal-nowhere.md does not exist']);
    expect(check('apps/x/src/a.ts', '// see docs/adr/0001-build-and-test-toolchain.md')).toEqual([]);
  });

  it('holds for every source and documentation file of the repository', () => {
    const problems = scannedFiles().flatMap((file) => findReferenceProblems(file, readFileSync(join(ROOT, file), 'utf8'), sections, exists));
    const report = problems.map((p) => `${p.file}:${p.line}: ${p.problem}\n    ${p.text}`).join('\n');
    expect(report).toBe('');
  });
});
