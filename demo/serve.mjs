/**
 * Serves the demo (and the built dist/) on 127.0.0.1. `npm start` builds first.
 * PORT=9000 npm start picks another port.
 */
import { startDevServer } from '@web/dev-server';
import { fileURLToPath } from 'node:url';

const port = Number(process.env.PORT) || 8000;
const rootDir = fileURLToPath(new URL('..', import.meta.url));

await startDevServer({
  config: { rootDir, port, hostname: '127.0.0.1' },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
console.log(`\n  trending-recs demo: http://127.0.0.1:${port}/demo/\n  (Ctrl+C to stop)\n`);
