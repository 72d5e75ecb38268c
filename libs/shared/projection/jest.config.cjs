module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'shared-projection', rootDir: __dirname };
