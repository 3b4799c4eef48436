/**
 * `npm run bench:build`: `trending-recs build` over 50 local feeds of 20 items each
 * (RSS, Atom and JSON Feed in turn), served with ETags by a node:http server on
 * 127.0.0.1: the first run reads them all, the second gets 304 for each. Reports both
 * wall-clock times, the median of BENCH_RUNS (default 5) fresh pairs. Goal on a 2-core
 * machine: first under 3 s, second under 1 s.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = Number(process.env.BENCH_RUNS || 5);
const FEEDS = 50;
const ITEMS = 20;
const cli = new URL('../lib/cli.js', import.meta.url).pathname;

const date = (feed, item) => new Date(Date.UTC(2026, 10, 1) + (feed * ITEMS + item) * 600_000);
function feedBody(n) {
  const host = `site${n}.example`;
  const items = Array.from({ length: ITEMS }, (_, i) => ({ url: `https://${host}/story-${i}`, title: `Story ${i} of site ${n}`, image: `https://${host}/img/${i}.jpg`, when: date(n, i) }));
  if (n % 3 === 0) {
    return `<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Site ${n}</title><link>https://${host}/</link>${items
      .map((it) => `<item><title><![CDATA[${it.title}]]></title><link>${it.url}</link><pubDate>${it.when.toUTCString()}</pubDate><category>News</category><media:content url="${it.image}" medium="image"/></item>`)
      .join('')}</channel></rss>`;
  }
  if (n % 3 === 1) {
    return `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Site ${n}</title><link href="https://${host}/"/>${items
      .map((it) => `<entry><title>${it.title}</title><link href="${it.url}"/><id>${it.url}</id><updated>${it.when.toISOString()}</updated><category term="Guides"/></entry>`)
      .join('')}</feed>`;
  }
  return JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: `Site ${n}`, items: items.map((it) => ({ id: it.url, url: it.url, title: it.title, image: it.image, date_published: it.when.toISOString(), tags: ['Events'] })) });
}

const bodies = Array.from({ length: FEEDS }, (_, n) => feedBody(n));
const etags = bodies.map((body) => `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`);
const server = createServer((req, res) => {
  const n = Number(/^\/feed-(\d+)$/.exec(req.url)?.[1]);
  if (!(n >= 0 && n < FEEDS)) return res.writeHead(404).end();
  if (req.headers['if-none-match'] === etags[n]) return res.writeHead(304, { etag: etags[n] }).end();
  res.writeHead(200, { etag: etags[n] }).end(bodies[n]);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

function build(config, out) {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'build', '--config', config, '--out', out], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => (code === 0 ? resolve({ ms: performance.now() - started, stderr }) : reject(new Error(`build exited ${code}: ${stderr}`))));
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const first = [];
const second = [];
let notModified = 0;
try {
  for (let run = 0; run < RUNS; run++) {
    const dir = await mkdtemp(join(tmpdir(), 'trending-recs-bench-build-'));
    const config = join(dir, 'network.json');
    await writeFile(
      config,
      JSON.stringify({
        title: 'Bench network',
        home_page_url: 'https://network.example/',
        sites: Array.from({ length: FEEDS }, (_, n) => ({ name: `Site ${n}`, url: `https://site${n}.example/`, feeds: [`${origin}/feed-${n}`] })),
      }),
    );
    const out = join(dir, 'trending.json');
    first.push((await build(config, out)).ms);
    const again = await build(config, out);
    second.push(again.ms);
    notModified = (again.stderr.match(/^not-modified/gm) ?? []).length;
    await rm(dir, { recursive: true, force: true });
  }
} finally {
  server.close();
}
console.log(`trending-recs build benchmark: ${FEEDS} local feeds of ${ITEMS} items (RSS, Atom, JSON Feed), median of ${RUNS} runs, whole command (Node start included)`);
console.log(`first run (every feed read):   ${median(first).toFixed(0)} ms   (goal: under 3000 ms) ${median(first) < 3000 ? 'met' : 'NOT met'}`);
console.log(`second run (${notModified} of ${FEEDS} answered 304): ${median(second).toFixed(0)} ms   (goal: under 1000 ms) ${median(second) < 1000 ? 'met' : 'NOT met'}`);
