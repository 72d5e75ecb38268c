// Lets a plain `node` child process run the repository's TypeScript (the consumer process the
// reliability test kills): .ts files are compiled with @swc/core on require, with the options of
// jest.preset.cjs, and the @capaian/* path aliases of tsconfig.base.json resolve to their sources.
'use strict';
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '../../..');
const aliases = new Map(
  Object.entries(require(path.join(root, 'tsconfig.base.json')).compilerOptions.paths).map(([alias, [target]]) => [alias, path.join(root, target)]),
);
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, aliases.get(request) ?? request, ...rest);
};
// First in the resolution order, as in Jest: `../topics` is topics.ts, not the topics.json beside it.
const others = { ...Module._extensions };
for (const ext of Object.keys(others)) delete Module._extensions[ext];
Module._extensions['.ts'] = function (module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
Object.assign(Module._extensions, others);
