// The merged OpenAPI document built from the services' code (no server, no database): every
// operation is named once and describes its answer.
module.exports = { ...require('../../jest.preset.cjs'), displayName: 'openapi', rootDir: __dirname };
