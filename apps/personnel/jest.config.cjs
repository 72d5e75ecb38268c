module.exports = { ...require('../../jest.preset.cjs'), displayName: 'personnel', rootDir: __dirname };
