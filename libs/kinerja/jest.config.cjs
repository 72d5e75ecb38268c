module.exports = { ...require('../../jest.preset.cjs'), displayName: 'kinerja', rootDir: __dirname };
