module.exports = { ...require('../../jest.preset.cjs'), displayName: 'career', rootDir: __dirname };
