/**
 * `npm run bench`: what the widget costs a reader, measured on this machine, side by
 * side with its physical limit (the same cards as static HTML). Prints a table and
 * writes bench/results.json. Timings are medians of alternating runs; nothing here is
 * a pass/fail check (the size budget is enforced by the build).
 *
 * Pages and feeds are served on 127.0.0.1; every other request is aborted.
 */
import { createServer } from 'node:http';
import { readFile, writeFile } from 'node:fs/promises';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { cpus, totalmem } from 'node:os';
import { chromium } from 'playwright-core';
import { rollup } from 'rollup';
import config from '../rollup.config.mjs';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { makeFeed, measureScaling, median } from './node-scaling.mjs';

const ROOT = new URL('..', import.meta.url);
const RUNS = Number(process.env.BENCH_RUNS) || 7;
const CHROMIUM_ARGS = [
  ...chromiumArgs,
  // Nothing but the local server resolves, even where requests are not intercepted.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

// ---------------------------------------------------------------- sizes

const sizes = (code) => ({
  raw: code.length,
  gzip: gzipSync(code, { level: 9 }).length,
  brotli: brotliCompressSync(code).length,
});

/** Bundles `source` the way dist/embed.js is bundled, for the floor it stands on. */
async function bundleLike(source) {
  const plugins = config.plugins.filter((plugin) => plugin.name !== 'brotli-budget');
  const virtual = {
    name: 'virtual-entry',
    resolveId: (id) => (id === 'entry' ? id : null),
    load: (id) => (id === 'entry' ? source : null),
  };
  const bundle = await rollup({ input: 'entry', plugins: [virtual, ...plugins], onwarn() {} });
  const { output } = await bundle.generate({ format: 'iife' });
  return Buffer.from(output[0].code);
}

async function measureSizes() {
  const widget = sizes(await readFile(new URL('dist/embed.js', ROOT)));
  const lit = sizes(
    await bundleLike(`import { LitElement, html, css } from 'lit';
      customElements.define('x-floor', class extends LitElement {
        static styles = css\`:host{display:block}\`;
        static properties = { a: {} };
        render() { return html\`<p>\${this.a}</p>\`; }
      });`),
  );
  const litTask = sizes(
    await bundleLike(`import { LitElement, html, css } from 'lit';
      import { Task } from '@lit/task';
      customElements.define('x-floor', class extends LitElement {
        static styles = css\`:host{display:block}\`;
        static properties = { a: {} };
        t = new Task(this, { task: async ([a]) => a, args: () => [this.a] });
        render() { return this.t.render({ complete: (v) => html\`<p>\${v}</p>\` }); }
      });`),
  );
  return { widget, lit, litTask, widgetShare: widget.brotli - lit.brotli };
}

// ---------------------------------------------------------------- pages

const ARTICLE = `<h1>New Harbor Line ferry puts Gull Island 35 minutes from downtown</h1>
  <p>Hourly sailings from Pier 4 start on Monday, replacing the old twice-a-day boat.</p>
  <p>For most of the last century, getting to Gull Island meant one of two things: catching
  the mail boat, or driving almost two hours around the bay to the causeway at Eastbay.</p>`;
const FOOTER = `<footer><p>Harbor Daily · 12 Quay Street · Letters to the editor</p>
  <p>Content below the block, which must not move when the cards arrive.</p></footer>`;

const page = (body, head = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1"><title>Bench</title>
  <style>body{font:16px/1.5 system-ui,sans-serif;max-width:760px;margin:2rem auto;padding:0 1rem}</style>
  ${head}</head><body>${ARTICLE}${body}${FOOTER}</body></html>`;

/** Serves the pages, the bundle, the feed and its pictures; counts feed requests. */
function startServer(routes) {
  const counts = new Map();
  const server = createServer(async (request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    counts.set(path, (counts.get(path) ?? 0) + 1);
    const route = routes.get(path);
    try {
      const body = typeof route === 'function' ? await route() : route;
      if (body === undefined) throw new Error('not found');
      const type = path.endsWith('.js')
        ? 'text/javascript'
        : path.endsWith('.json')
          ? 'application/feed+json'
          : path.endsWith('.svg')
            ? 'image/svg+xml'
            : 'text/html';
      // Everything fresh from the network on each run, except the feed that shows what
      // the caching headers the README recommends do.
      const caching = path.startsWith('/cached/') ? 'max-age=60, stale-while-revalidate=600' : 'no-store';
      response.writeHead(200, { 'content-type': type, 'cache-control': caching });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, counts, origin: `http://127.0.0.1:${server.address().port}` })),
  );
}

/** The demo feed's items with pictures, repeated under new ids up to `count` items on many sites. */
async function benchFeed(count) {
  const demo = JSON.parse(await readFile(new URL('demo/feed.json', ROOT), 'utf8'));
  const base = demo.items.filter((item) => item.image && !item._trending?.sponsored);
  const items = Array.from({ length: count }, (_, i) => {
    const source = base[i % base.length];
    return {
      ...source,
      id: `${source.id}-${i}`,
      url: `${source.url}${i}/`,
      title: `${source.title} (${i})`,
      image: `/img/${source.image.split('/').pop()}`,
      _trending: { ...source._trending, site: `Site ${i}`, kind: 'article', score: 1000 - i },
    };
  });
  return JSON.stringify({ ...demo, items });
}

// ---------------------------------------------------------------- measuring

/** In-page probe: the first frame at which `count` cards are laid out, long tasks, CLS. */
const PROBE = `(() => {
  const probe = (window.__probe = { longTasks: 0, longTaskMs: 0, longestTaskMs: 0, cls: 0, cardsPainted: undefined });
  new PerformanceObserver((list) => list.getEntries().forEach((e) => {
    probe.longTasks++;
    probe.longTaskMs += e.duration;
    probe.longestTaskMs = Math.max(probe.longestTaskMs, e.duration);
  }))
    .observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => list.getEntries().forEach((e) => { if (!e.hadRecentInput) probe.cls += e.value; }))
    .observe({ type: 'layout-shift', buffered: true });
  const cards = () => {
    const widget = document.querySelector('trending-recs');
    const root = widget ? widget.shadowRoot : document;
    return root ? root.querySelectorAll('a[part~="card"]').length : 0;
  };
  const check = () => {
    if (cards() >= (window.__expectedCards || 1)) {
      requestAnimationFrame(() => setTimeout(() => (probe.cardsPainted = performance.now())));
    } else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

async function newPage(browser, origin, throttle, height = 900, { intercept = true } = {}) {
  const context = await browser.newContext({ viewport: { width: 1000, height } });
  // Intercepting requests turns Playwright's HTTP cache off; pages that measure the
  // cache rely on --host-resolver-rules alone.
  if (intercept) {
    await context.route('**/*', (route) =>
      route.request().url().startsWith(origin) ? route.continue() : route.abort(),
    );
  }
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('Network.enable');
  let bytes = 0;
  cdp.on('Network.loadingFinished', (event) => (bytes += event.encodedDataLength));
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  return { context, page, cdp, bytes: () => bytes };
}

async function loadAndMeasure(browser, origin, path, expectedCards, throttle) {
  const { context, page, cdp, bytes } = await newPage(browser, origin, throttle);
  await page.addInitScript((n) => (window.__expectedCards = n), expectedCards);
  await page.goto(origin + path, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__probe.cardsPainted !== undefined, null, { timeout: 30_000 });
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
  const probe = await page.evaluate(() => window.__probe);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
  const result = {
    cardsPaintedMs: probe.cardsPainted,
    scriptMs: metric('ScriptDuration') * 1000,
    taskMs: metric('TaskDuration') * 1000,
    longTasks: probe.longTasks,
    cls: probe.cls,
    heapKB: metric('JSHeapUsedSize') / 1024,
    transferKB: bytes() / 1024,
  };
  await context.close();
  return result;
}

function summarize(samples) {
  const keys = Object.keys(samples[0]);
  return Object.fromEntries(keys.map((key) => [key, median(samples.map((sample) => sample[key]))]));
}

/** Static page A against widget page B, alternating, median of RUNS each. */
async function compare(browser, origin, throttle) {
  const a = [];
  const b = [];
  for (let run = 0; run < RUNS; run++) {
    a.push(await loadAndMeasure(browser, origin, '/static.html', 12, throttle));
    b.push(await loadAndMeasure(browser, origin, '/widget.html', 12, throttle));
  }
  const static_ = summarize(a);
  const widget = summarize(b);
  return { static: static_, widget, runs: RUNS, throttle };
}

/** Time from the feed's arrival to the cards' load event, for `cards` cards. */
async function renderTime(browser, origin, cards) {
  const samples = [];
  for (let run = 0; run < RUNS; run++) {
    const { context, page } = await newPage(browser, origin, 1);
    // Listening from the start: the load event may come before any evaluate() could.
    await page.addInitScript(() =>
      document.addEventListener('trending-recs-load', () => {
        const feed = performance.getEntriesByType('resource').find((e) => e.name.includes('/feed-'));
        requestAnimationFrame(() => setTimeout(() => (window.__renderMs = performance.now() - feed.responseEnd)));
      }),
    );
    await page.goto(`${origin}/render-${cards}.html`);
    await page.waitForFunction(() => window.__renderMs !== undefined, null, { timeout: 30_000 });
    samples.push(await page.evaluate(() => window.__renderMs));
    await context.close();
  }
  return median(samples);
}

const tenWidgets = (feedPath) =>
  page(
    Array.from({ length: 10 }, () => `<trending-recs src="${feedPath}" limit="3"></trending-recs>`).join('') +
      `<script async src="/embed.js"></script>`,
  );

/**
 * Main-thread tasks, in ms, of the renderer that shows `origin`, from a Chromium trace:
 * every task, not only those over 50 ms that a `longtask` observer sees. Other
 * renderers (browser-internal pages) are left out.
 */
async function traceTasks(cdp, origin, during) {
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'toplevel,__metadata,devtools.timeline', transferMode: 'ReportEvents' });
  await during();
  await cdp.send('Tracing.end');
  await complete;
  const ours = new Set(events.filter((e) => String(e.args?.data?.url ?? '').startsWith(origin)).map((e) => e.pid));
  const mainThreads = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && ours.has(e.pid))
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const tasks = events
    .filter((e) => e.ph === 'X' && /(^|::)RunTask$/.test(e.name) && mainThreads.has(`${e.pid}:${e.tid}`))
    .map((e) => e.dur / 1000);
  // A Chromium that names its threads or tasks differently must not pass as "no tasks".
  if (!tasks.length) throw new Error(`no main-thread tasks of ${origin} in the trace: update traceTasks()`);
  return tasks;
}

/**
 * A page with a feed of `items` items, parsed, ranked and rendered: tasks over 50 ms as
 * the page's `longtask` observer counts them, and the longest task from a trace.
 */
async function bigFeed(browser, origin, items) {
  const samples = [];
  for (let run = 0; run < RUNS; run++) {
    const { context, page, cdp } = await newPage(browser, origin, 1);
    await page.addInitScript(() => document.addEventListener('trending-recs-load', () => (window.__loaded = true)));
    const tasks = await traceTasks(cdp, origin, async () => {
      await page.goto(`${origin}/big-${items}.html`);
      await page.waitForFunction(() => window.__loaded, null, { timeout: 30_000 });
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
    });
    const { longTasks } = await page.evaluate(() => window.__probe);
    samples.push({ longestTaskMs: Math.max(...tasks), longTasks });
    await context.close();
  }
  return {
    items,
    ...summarize(samples),
    maxLongestTaskMs: Math.max(...samples.map((sample) => sample.longestTaskMs)),
    runsWithLongTasks: samples.filter((sample) => sample.longTasks > 0).length,
    runs: RUNS,
  };
}

/** Ten widgets with one feed, served with `no-store` or with the recommended caching headers. */
async function severalInstances(browser, origin, counts, feedPath) {
  counts.delete(feedPath);
  // A tall window, so every widget is near the viewport and starts at once.
  const cached = feedPath.startsWith('/cached/');
  const { context, page, cdp } = await newPage(browser, origin, 1, 8000, { intercept: !cached });
  await page.goto(`${origin}/${cached ? 'ten-cached' : 'ten'}.html`);
  await page.waitForFunction(
    () => [...document.querySelectorAll('trending-recs')].every((w) => w.shadowRoot?.querySelector('a[part~="card"]')),
    null,
    { timeout: 30_000 },
  );
  const { metrics } = await cdp.send('Performance.getMetrics');
  const scriptMs = (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
  await context.close();
  return { widgets: 10, feedRequests: counts.get(feedPath) ?? 0, scriptMs };
}

// ---------------------------------------------------------------- main

async function main() {
  const embed = await readFile(new URL('dist/embed.js', ROOT));
  const feed = await benchFeed(12);
  const routes = new Map([
    ['/embed.js', embed],
    ['/feed.json', feed],
    ['/cached/feed.json', feed],
    ['/widget.html', page(`<script async src="/embed.js" data-src="/feed.json" data-limit="12"></script>`)],
    [
      '/ten.html',
      tenWidgets('/feed.json'),
    ],
    [
      '/ten-cached.html',
      tenWidgets('/cached/feed.json'),
    ],
  ]);
  for (const name of await import('node:fs').then((fs) => fs.readdirSync(new URL('demo/images', ROOT)))) {
    routes.set(`/img/${name}`, await readFile(new URL(`demo/images/${name}`, ROOT)));
  }
  routes.set('/feed-5000.json', await benchFeed(5000));
  routes.set('/big-5000.html', page(`<trending-recs src="/feed-5000.json"></trending-recs><script async src="/embed.js"></script>`));
  for (const cards of [12, 48, 200]) {
    routes.set(`/feed-${cards}.json`, await benchFeed(cards));
    routes.set(`/render-${cards}.html`, page(`<trending-recs src="/feed-${cards}.json" limit="${cards}"></trending-recs><script async src="/embed.js"></script>`));
  }
  const { server, counts, origin } = await startServer(routes);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  try {
    // Page A: the very cards the widget renders, frozen into static HTML and CSS.
    const { context, page: live } = await newPage(browser, origin, 1);
    await live.goto(`${origin}/widget.html`);
    await live.waitForFunction(() => document.querySelector('trending-recs')?.shadowRoot?.querySelectorAll('a[part~="card"]').length === 12);
    const frozen = await live.evaluate(() => {
      const root = document.querySelector('trending-recs').shadowRoot;
      const css = root.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n');
      return { html: root.innerHTML.replace(/<!--[^]*?-->/g, ''), css: css.replaceAll(':host', '.trending-recs') };
    });
    await context.close();
    routes.set('/static.html', page(`<div class="trending-recs">${frozen.html}</div>`, `<style>${frozen.css}</style>`));

    console.log(`Measuring: ${RUNS} alternating runs per page, then with the CPU throttled 4x...`);
    const results = {
      date: new Date().toISOString().slice(0, 10),
      machine: { cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), cpu: cpus()[0]?.model, node: process.version, chromium: browser.version() },
      size: await measureSizes(),
      pages: { normal: await compare(browser, origin, 1), throttled4x: await compare(browser, origin, 4) },
      renderMs: {},
      instances: {
        noStore: await severalInstances(browser, origin, counts, '/feed.json'),
        cacheable: await severalInstances(browser, origin, counts, '/cached/feed.json'),
      },
      bigFeed: { ...(await bigFeed(browser, origin, 5000)), feedBytes: Buffer.byteLength(routes.get('/feed-5000.json')) },
      nodeScaling: await measureScaling(),
    };
    for (const cards of [12, 48, 200]) results.renderMs[cards] = await renderTime(browser, origin, cards);
    await writeFile(new URL('bench/results.json', ROOT), `${JSON.stringify(results, null, 2)}\n`);
    report(results);
  } finally {
    await browser.close();
    server.close();
  }
}

function report(r) {
  const f = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : String(n));
  console.log(`\ntrending-recs benchmark, ${r.date}, ${r.machine.cores} cores, Chromium ${r.machine.chromium}\n`);
  console.log('Size (bytes)            raw      gzip   brotli');
  for (const [name, s] of [['dist/embed.js', r.size.widget], ['Lit alone', r.size.lit], ['Lit + @lit/task', r.size.litTask]]) {
    console.log(`${name.padEnd(20)} ${String(s.raw).padStart(7)} ${String(s.gzip).padStart(9)} ${String(s.brotli).padStart(8)}`);
  }
  console.log(`widget's own share (brotli): ${r.size.widgetShare} B\n`);
  for (const [label, run] of [['CPU 1x', r.pages.normal], ['CPU 4x', r.pages.throttled4x]]) {
    console.log(`${label}: static cards (A) vs widget (B), median of ${run.runs}`);
    console.log('metric                    A static    B widget    B - A');
    for (const [key, name] of [
      ['cardsPaintedMs', 'cards painted (ms)'],
      ['scriptMs', 'script (ms)'],
      ['taskMs', 'main-thread tasks (ms)'],
      ['longTasks', 'long tasks'],
      ['cls', 'CLS'],
      ['heapKB', 'JS heap (KB)'],
      ['transferKB', 'transferred (KB)'],
    ]) {
      const a = run.static[key];
      const b = run.widget[key];
      const digits = key === 'cls' ? 4 : 1;
      console.log(`${name.padEnd(24)} ${f(a, digits).padStart(9)} ${f(b, digits).padStart(11)} ${f(b - a, digits).padStart(8)}`);
    }
    console.log('');
  }
  console.log(`Render after the feed arrives (ms): ${Object.entries(r.renderMs).map(([n, ms]) => `${n} cards ${f(ms)}`).join(', ')}`);
  const { noStore, cacheable } = r.instances;
  console.log(
    `10 widgets, one feed: ${cacheable.feedRequests} feed request(s) with Cache-Control (${f(cacheable.scriptMs)} ms script), ` +
      `${noStore.feedRequests} with no-store (${f(noStore.scriptMs)} ms script)\n`,
  );
  console.log(
    `A ${r.bigFeed.items}-item feed: longest task ${f(r.bigFeed.longestTaskMs)} ms (median; worst run ${f(r.bigFeed.maxLongestTaskMs)} ms), ` +
      `${r.bigFeed.longTasks} task(s) over 50 ms (median), runs with any: ${r.bigFeed.runsWithLongTasks} of ${r.bigFeed.runs}\n`,
  );
  console.log('Node: parse + rank (median ms)');
  for (const row of r.nodeScaling) {
    console.log(`${String(row.items).padStart(7)} items  parse ${f(row.parseMs, 2).padStart(8)}  rank ${f(row.rankMs, 2).padStart(7)}  rank/(n log n) vs 1k ${f(row.rankPerNLogN, 2)}`);
  }
  console.log('\nWrote bench/results.json');
}

await main();
