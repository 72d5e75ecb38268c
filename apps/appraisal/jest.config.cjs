module.exports = { ...require('../../jest.preset.cjs'), displayName: 'appraisal', rootDir: __dirname };
