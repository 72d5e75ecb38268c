// Reliability of the event pipeline (issue 12): a private Kafka broker of the suite's own, stopped,
// killed and restarted, and a consumer process killed with SIGKILL. Part of npm test; longer
// variants and the soak run are `npm run bench -- soak`.
module.exports = { ...require('../../jest.preset.cjs'), displayName: 'reliability', rootDir: __dirname };
