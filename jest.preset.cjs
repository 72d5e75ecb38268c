// Shared Jest settings. NestJS 12 ships ESM only; Jest 30 on Node 20 cannot require() it,
// so @swc/jest transforms TypeScript and those ESM packages to CommonJS (docs/adr/0001-build-and-test-toolchain.md).
const path = require('node:path');
const tsconfig = require('./tsconfig.base.json');

const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(tsconfig.compilerOptions.paths)) {
  moduleNameMapper[`^${alias.replace(/[/]/g, '\\/')}$`] = path.join(__dirname, target);
}

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j|mj)s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|file-type|load-esm|@standard-schema|uid|strtok3|token-types|@tokenizer|peek-readable)/)',
  ],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  moduleNameMapper,
  testMatch: ['**/*.spec.ts', '**/*.int-spec.ts'],
};
