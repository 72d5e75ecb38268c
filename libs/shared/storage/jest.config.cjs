module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'shared-storage', rootDir: __dirname };
