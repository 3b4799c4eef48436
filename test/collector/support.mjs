/**
 * Helpers for the collector's tests: the real command (lib/cli.js, built by `npm test`)
 * in a child process on 127.0.0.1, beacons as the widget sends them, and HTTP requests
 * with the headers a browser sets (Origin, a non-bot User-Agent).
 */
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url);
export const CLI = new URL('lib/cli.js', root).pathname;

/** A reader's browser: isbot takes headless Chrome's own User-Agent for a bot. */
export const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

export const tempDir = () => mkdtemp(join(tmpdir(), 'trending-recs-'));

let pageViews = 0;
/** A page view id as the widget makes one. */
export const pageViewId = () => `pv-${process.pid}-${String(++pageViews).padStart(6, '0')}`;

/** An event of a beacon. */
export const event = (item, type = 'impression', more = {}) => ({ type, item, site: 'Harbor Blog', position: 0, sponsored: false, ...more });

/** A beacon of one page view. */
export const beacon = (events, more = {}) => ({
  version: 1,
  feed: 'https://news.example/trending.json',
  page: 'https://news.example/story',
  pageView: pageViewId(),
  events,
  ...more,
});

/** Runs `trending-recs <args>` to its end: { code, stdout, stderr }. */
export function run(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `trending-recs stats --json` over the last day, as a map of "item type" to count. */
export async function storedCounts(storeArgs) {
  const { code, stdout, stderr } = await run(['stats', ...storeArgs, '--since', '24h', '--json']);
  if (code !== 0) throw new Error(`stats exited ${code}: ${stderr}`);
  return JSON.parse(stdout);
}

/** Starts `trending-recs collect` on a free port; resolves once it listens. */
export function startCollector(args) {
  const child = spawn(process.execPath, [CLI, 'collect', '--host', '127.0.0.1', '--port', '0', ...args]);
  let stderr = '';
  const exited = new Promise((resolve) => child.on('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      const listening = /listening on (http:\/\/\S+),/.exec(stderr);
      if (listening) {
        resolve({
          url: listening[1],
          stderr: () => stderr,
          /** Sends the signal and resolves with the exit code. */
          stop: (signal = 'SIGTERM') => (child.kill(signal), exited),
        });
      }
    });
    exited.then((code) => reject(new Error(`collect exited ${code} before listening: ${stderr}`)));
  });
}

/** A request with a browser's headers; resolves with { status, body, headers }. */
export function send(url, { method = 'POST', body, origin = 'https://news.example', userAgent = BROWSER_UA, headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const req = request(url, {
      method,
      headers: { ...(origin && { origin }), 'user-agent': userAgent, ...(data !== undefined && { 'content-type': 'text/plain;charset=UTF-8' }), ...headers },
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode, body: text.trim(), headers: res.headers }));
    });
    req.on('error', reject);
    req.end(data);
  });
}

/** The counts of `item` in `stats --json` rows. */
export const countsOf = (rows, item) => {
  const row = rows.find((entry) => entry.item === item);
  return { impressions: row?.impressions ?? 0, clicks: row?.clicks ?? 0 };
};
