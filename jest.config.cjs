// Every project's tests in one run (npm test). Each project also runs alone: nx test <project>.
module.exports = {
  projects: ['<rootDir>/apps/*/jest.config.cjs', '<rootDir>/libs/*/jest.config.cjs', '<rootDir>/libs/shared/*/jest.config.cjs', '<rootDir>/tests/*/jest.config.cjs'],
};
