/**
 * A real collector (`trending-recs collect`, from lib/cli.js that `npm test` builds) for
 * the browser tests, on 127.0.0.1 with a SQLite file of its own, flushing every second.
 * The tests find it through the test server: GET /test-collector gives its URL, GET
 * /test-collector/stats?feed=URL the counts it has stored for a feed.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const cli = new URL('../../lib/cli.js', import.meta.url).pathname;

export async function startTestCollector() {
  const db = join(mkdtempSync(join(tmpdir(), 'trending-recs-wtr-')), 'counts.sqlite');
  const child = spawn(process.execPath, [cli, 'collect', '--port', '0', '--db', db, '--flush-interval', '1', '--rate', '100000'], { stdio: ['ignore', 'ignore', 'pipe'] });
  process.on('exit', () => child.kill());
  const url = await new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      const match = /listening on (http:\/\/\S+),/.exec(stderr);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`the test collector exited ${code}: ${stderr} (is lib/cli.js built? npm run build)`)));
  });
  /** @type {import('koa').Middleware} */
  const routes = async (ctx, next) => {
    if (ctx.path === '/test-collector') {
      ctx.body = { url: `${url}/collect` };
      return;
    }
    if (ctx.path === '/test-collector/stats') {
      const { stdout } = await promisify(execFile)(process.execPath, [cli, 'stats', '--db', db, '--json', '--since', '24h']);
      ctx.set('cache-control', 'no-store');
      ctx.body = JSON.parse(stdout).filter((row) => row.feed === ctx.query.feed);
      return;
    }
    return next();
  };
  return { url, routes };
}
