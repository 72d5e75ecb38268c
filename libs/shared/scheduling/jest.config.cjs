module.exports = { ...require('../../../jest.preset.cjs'), displayName: 'shared-scheduling', rootDir: __dirname };
