// The generated hostile-input suite (issue 7): part of npm test; `npm run fuzz` runs it longer.
module.exports = { ...require('../../jest.preset.cjs'), displayName: 'hostile-input', rootDir: __dirname };
