/**
 * Ends the run with one plain line, "tests: N passed, N failed, N skipped", so CI logs
 * state the count in a form any reader (or log scraper) understands.
 */
export function summaryReporter() {
  let sessions;
  const count = (suite, totals) => {
    for (const test of suite.tests) {
      if (test.skipped) totals.skipped += 1;
      else if (test.passed) totals.passed += 1;
      else totals.failed += 1;
    }
    for (const child of suite.suites) count(child, totals);
    return totals;
  };
  return {
    start(args) {
      sessions = args.sessions;
    },
    stop() {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions.all()) {
        if (session.testResults) count(session.testResults, totals);
        // A file that failed to load has errors but no test results: count it as a failure.
        if (!session.passed && !session.testResults?.tests.length && !session.testResults?.suites.length) totals.failed += 1;
      }
      process.stdout.write(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
    },
  };
}
