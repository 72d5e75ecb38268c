// ESLint 9 flat config for the whole workspace. Every project's `lint` target runs
// `eslint <projectRoot>` from the workspace root, so this one file is the only config.
//
// Two kinds of rules live here:
//  1. Architecture (docs/architecture.md §2.3): @nx/enforce-module-boundaries reads the Nx project graph
//     and the `type:*` / `scope:*` tags in each project.json; `no-restricted-imports` keeps the
//     `domain/` folders inside apps free of frameworks (Nx tags work per project, not per folder)
//     and keeps `@capaian/shared/testing` out of production files.
//  2. Code hygiene: eslint + typescript-eslint `recommended` (not the type-checked presets, so lint
//     needs no TypeScript program and stays fast on 2 cores), with a few pragmatic overrides.
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

/**
 * Frameworks and drivers a domain rule must not know about. Each entry bans the package and its
 * subpaths (`typeorm` and `typeorm/...`). Shared by the Nx constraint for `type:domain` libraries
 * and by `no-restricted-imports` for `apps/<app>/src/<feature>/domain/`.
 */
const FRAMEWORK_PACKAGES = [
  '@nestjs/*',
  'typeorm',
  'kafkajs',
  'keycloak-connect',
  'fastify',
  '@fastify/*',
  'class-validator',
  'class-transformer',
  'pg',
];

// Nx matches bannedExternalImports against the whole import specifier (a `*` becomes `.*`),
// so `typeorm` alone would let `typeorm/browser` through: add the subpath form explicitly.
const bannedForDomain = FRAMEWORK_PACKAGES.flatMap((p) => (p.endsWith('/*') ? [p] : [p, `${p}/*`]));

/** `@nestjs/common`, `typeorm`, `typeorm/browser`… but not `./pg` or `pg-format`. */
const frameworkImportRegex =
  '^(?:' +
  FRAMEWORK_PACKAGES.map((p) => (p.endsWith('/*') ? `${escapeRegExp(p.slice(0, -2))}/.+` : `${escapeRegExp(p)}(?:/.*)?`)).join('|') +
  ')$';

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const TESTING_ONLY = {
  regex: '^@capaian/shared/testing(?:/.*)?$',
  message: 'Pembantu pengujian hanya untuk berkas *.spec.ts / *.int-spec.ts. (Test helpers are for tests only.)',
};

const KAFKAJS_OUTSIDE_MESSAGING = {
  regex: '^kafkajs(?:/.*)?$',
  message: 'Gunakan @capaian/shared/messaging, bukan kafkajs langsung. (kafkajs stays behind the messaging library.)',
};

const APPS = ['gateway', 'personnel', 'appraisal', 'career', 'notification'];

const DOMAIN_MESSAGE =
  'Aturan domain ditulis dalam TypeScript murni: jangan impor framework (NestJS, TypeORM, Kafka, ' +
  'Keycloak, Fastify, class-validator) di folder domain/. Letakkan adaptornya di infrastructure/ ' +
  'atau di service/controller. (Domain rules stay plain TypeScript.)';

// A regex rather than gitignore-style groups, so `pg` does not also match `./pg`.
const FRAMEWORK_IN_DOMAIN = { regex: frameworkImportRegex, message: DOMAIN_MESSAGE };

export default [
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/coverage/**',
      '**/tmp/**',
      '.nx/**',
      '.run/**',
      '.infra/**',
      'infra/kafka/target/**',
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],

  // Module boundaries: the TypeScript sources of every project. The JS files inside projects are
  // tooling configs (jest.config.cjs requires the root jest.preset.cjs by a relative path, which
  // the rule would report as reaching outside the project).
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          // Importing an app, or reaching into another project by a relative path, is always an
          // error under this rule; the constraints below add what each kind may depend on.
          enforceBuildableLibDependency: true,
          allow: [],
          // The root jest/eslint configs are not in any project; nothing to check there.
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:shared', 'type:contracts', 'type:domain'] },
            { sourceTag: 'type:shared', onlyDependOnLibsWithTags: ['type:shared', 'type:contracts', 'type:domain'] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain'],
              bannedExternalImports: bannedForDomain,
            },
            // An app reaches another app only through libs/contracts (events) and HTTP, never code:
            // each app may depend on itself and the shared libraries (all tagged scope:shared).
            ...APPS.map((app) => ({ sourceTag: `scope:${app}`, onlyDependOnLibsWithTags: ['scope:shared'] })),
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
          ],
        },
      ],
    },
  },

  // Pragmatic TypeScript: recommended rules only, `_`-prefixed names mark intentionally unused
  // parameters (Nest interface methods, Express-style handlers), and `any` stays a warning.
  {
    files: ['**/*.ts', '**/*.cts', '**/*.mts', '**/*.js', '**/*.cjs', '**/*.mjs'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrors: 'none',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      '@typescript-eslint/no-explicit-any': 'warn',
      '@typescript-eslint/no-non-null-assertion': 'warn',
      // Nest modules are classes with decorators and no body (`export class AppModule {}`).
      '@typescript-eslint/no-extraneous-class': 'off',
      // Empty constructors with parameter properties are the Nest DI idiom.
      '@typescript-eslint/no-empty-function': ['error', { allow: ['constructors', 'private-constructors', 'protected-constructors'] }],
      // TypeORM's `Function` in entity/migration lists and Nest's `Type<unknown>` need this type.
      '@typescript-eslint/no-unsafe-function-type': 'off',
      // An explicit `limit: number = 20` on a DTO property or a parameter documents the type.
      '@typescript-eslint/no-inferrable-types': ['error', { ignoreParameters: true, ignoreProperties: true }],
      'no-console': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },

  // TypeScript imports with `import`; a `require()` there needs a reason (and a disable comment).
  // JS files (jest configs, scripts) are CommonJS by design.
  {
    files: ['**/*.ts', '**/*.cts', '**/*.mts'],
    rules: { '@typescript-eslint/no-require-imports': 'error' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },

  // Tests may use `any` and non-null assertions freely: they fail loudly anyway.
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/test/**/*.ts', 'libs/shared/testing/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },

  // Test helpers (in-memory fakes, token forging) never ship in a service: only tests import them.
  // Nx cannot tell spec files from production files of one project, so this is a plain rule.
  // kafkajs is in maintenance mode (docs/architecture.md §9): only libs/shared/messaging may touch it,
  // so the client can be replaced in one place.
  {
    files: ['apps/*/src/**/*.ts', 'libs/**/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts', 'libs/shared/testing/**', '**/testing/**', 'libs/shared/messaging/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [TESTING_ONLY, KAFKAJS_OUTSIDE_MESSAGING] }],
    },
  },
  {
    files: ['libs/shared/messaging/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts', '**/testing/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [TESTING_ONLY] }],
    },
  },

  // Pure domain folders inside apps: the same list as the `type:domain` constraint above.
  // (A later block replaces the rule's options, so the testing restriction is repeated here.)
  {
    files: ['apps/*/src/**/domain/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [TESTING_ONLY, FRAMEWORK_IN_DOMAIN] }] },
  },
  // Tests of domain rules stay framework-free too, but may use the test helpers.
  {
    files: ['apps/*/src/**/domain/**/*.spec.ts', 'apps/*/src/**/domain/**/*.int-spec.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [FRAMEWORK_IN_DOMAIN] }] },
  },

  // Formatting is not lint's job: switch off every stylistic rule a preset might have enabled.
  prettier,
];
