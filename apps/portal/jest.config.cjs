// The portal's end-to-end test (Playwright in Debian's Chromium against the real stack) runs with the
// other projects in `npm test`. The component tests run with Vitest (vite.config.ts).
module.exports = { ...require('../../jest.preset.cjs'), displayName: 'portal', rootDir: __dirname, testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts'] };
