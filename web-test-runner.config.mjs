import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';
import { feedRoutes } from './test/support/feed-routes.mjs';
import { summaryReporter } from './test/support/summary-reporter.mjs';
import { startTestCollector } from './test/support/test-collector.mjs';

// Beacons in the measurement tests go to a real collector.
const collector = await startTestCollector();
// isbot takes headless Chrome's own User-Agent for a bot, and the collector counts no bot.
const READER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';

/** A test page: `head` first, then the test framework and our root hooks for it. */
const testPage = (head) => (testFramework) =>
  `<!doctype html><html><head>${head}</head><body><script type="module" src="${testFramework}"></script><script type="module" src="/test/support/reportable-failures.js"></script></body></html>`;

/**
 * The browser suite runs twice: first (the top-level files) on the sources, with Lit's development build and its
 * warnings, and (group `production`) on the bundle readers get: dist/trending-recs.js
 * is loaded before anything else, so it defines <trending-recs> and the tests' own
 * import of src/define.js finds the element defined. Pure-module tests and the tests
 * that load dist/ themselves run once.
 */
const sourceFiles = ['test/**/*.test.ts', '!test/bundle/**'];
const productionFiles = ['test/*.test.ts', '!test/embed.test.ts', '!test/strict-policy.test.ts', '!test/steps.test.ts', '!test/demo-feed.test.ts', 'test/bundle/*.test.ts'];

export default {
  files: sourceFiles,
  testRunnerHtml: testPage(''),
  groups: [
    {
      name: 'production',
      files: productionFiles,
      testRunnerHtml: testPage('<script type="module" src="/dist/trending-recs.js"></script>'),
    },
  ],
  hostname: '127.0.0.1',
  nodeResolve: { exportConditions: ['development'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  middleware: [feedRoutes, collector.routes],
  reporters: [defaultReporter(), summaryReporter()],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath,
        headless: true,
        args: [
          ...chromiumArgs,
          '--disable-renderer-backgrounding',
          '--disable-background-timer-throttling',
          '--disable-backgrounding-occluded-windows',
          `--user-agent=${READER_UA}`,
        ],
      },
    }),
  ],
  // Dev mode stays on in tests for Lit's warnings; its banner is noise.
  // The production group runs the bundle's Lit beside the tests' own, on purpose.
  filterBrowserLogs: ({ args }) => !/^(Lit is in dev mode|Multiple versions of Lit loaded)/.test(String(args[0])),
  // One page at a time: a background tab gets no animation frames and late
  // IntersectionObserver callbacks, which would make the layout tests flaky.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
};
