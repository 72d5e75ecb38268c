module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'shared-persistence', rootDir: __dirname };
