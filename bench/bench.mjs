/**
 * `npm run bench`: what the widget costs a reader, measured on this machine, side by
 * side with its physical limit (the same cards as static HTML), with the least a
 * script doing the same job costs (a bare script that fetches the feed and sets
 * innerHTML), and with the least its design costs (the same loader and Lit, rendering
 * the widget's views with none of its logic: litFloorModule). Prints a table and
 * writes bench/results.json. Timings are medians of alternating runs; nothing here is
 * a pass/fail check (the size budget is enforced by the build).
 *
 * Pages and feeds are served on 127.0.0.1; every other request is aborted.
 */
import { createServer } from 'node:http';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { sep } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { cpus, totalmem } from 'node:os';
import { chromium } from 'playwright-core';
import { rollup } from 'rollup';
import config from '../rollup.config.mjs';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { measureScaling, median } from './node-scaling.mjs';

const ROOT = new URL('..', import.meta.url);
const RUNS = Number(process.env.BENCH_RUNS) || 7;
const CHROMIUM_ARGS = [
  ...chromiumArgs,
  // Nothing but the local server resolves, even where requests are not intercepted.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];
const BIG_FEED_ITEMS = 15_000;
const SMALL_FEED_ITEMS = 12;

// ---------------------------------------------------------------- sizes

const sizes = (code) => ({
  raw: code.length,
  gzip: gzipSync(code, { level: 9 }).length,
  brotli: brotliCompressSync(code, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

/** Every file of dist/ by its path there ('embed.js'), read once: what the bench serves and weighs. */
async function readDist() {
  const dir = new URL('dist/', ROOT);
  const files = new Map();
  for (const name of (await readdir(dir, { recursive: true })).sort()) {
    const file = new URL(name, dir);
    if ((await stat(file)).isFile()) files.set(name.split(sep).join('/'), await readFile(file));
  }
  if (!files.has('embed.js')) throw new Error('no dist/embed.js: run npm run build first');
  return files;
}

/**
 * The build's plugins, to bundle the floors as the element is bundled. rollup.config.mjs
 * may export one config or several: the one with an ES output builds the element. Its
 * size budgets are left out: they would fail on nothing.
 */
function floorBuild() {
  const configs = [config].flat();
  const outputs = (c) => [c.output].flat();
  const isEs = (output) => ['es', 'esm', 'module'].includes(output?.format);
  const chosen = configs.find((c) => outputs(c).some(isEs)) ?? configs[0];
  const plugins = [chosen.plugins].flat(Infinity).filter((plugin) => plugin && !/budget/i.test(plugin.name));
  return { plugins, format: (outputs(chosen).find(isEs) ?? outputs(chosen)[0])?.format ?? 'es' };
}

/** Bundles `source` the way the element is bundled, for the floor it stands on. */
async function bundleLike(source) {
  const { plugins, format } = floorBuild();
  const virtual = {
    name: 'virtual-entry',
    resolveId: (id) => (id === 'entry' ? id : null),
    load: (id) => (id === 'entry' ? source : null),
  };
  const bundle = await rollup({ input: 'entry', plugins: [virtual, ...plugins], onwarn() {} });
  const { output } = await bundle.generate({ format });
  await bundle.close();
  return Buffer.from(output[0].code);
}

/**
 * Each file of dist/, and the total of those page B fetched to show its cards (`loaded`:
 * the loader and the chunks it imports), against Lit's own floors.
 */
async function measureSizes(dist, loaded) {
  const files = Object.fromEntries([...dist].map(([name, code]) => [name, sizes(code)]));
  const total = { files: loaded, raw: 0, gzip: 0, brotli: 0 };
  for (const name of loaded) for (const key of ['raw', 'gzip', 'brotli']) total[key] += files[name][key];
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
  return { files, loaded: total, lit, litTask, widgetShare: total.brotli - lit.brotli };
}

/**
 * Page D's module: the loader's design with the least of the widget's own work. The same
 * loader imports it, and it renders the feed's first 12 items from the loader's request,
 * read with the element's own parser (which checks every URL, as page C does) and shown
 * with its card, list and block views and styles, in Lit as published: the same cards
 * as B's first paint (dates follow it there), with no ranking, reader context, cache,
 * retries, controllers or pauses. So D ÷ C is what the loader, a module and Lit cost
 * over a bare script, and B ÷ D what the widget's logic adds.
 */
function litFloorModule() {
  const source = (path) => JSON.stringify(new URL(`src/${path}`, ROOT).pathname);
  return bundleLike(`import { LitElement, nothing } from 'lit';
    import { DEFAULT_HEADING } from ${source('defaults.ts')};
    import { parseFeed } from ${source('feed/parse.ts')};
    import { PREFETCH } from ${source('feed/prefetch.ts')};
    import { styles } from ${source('trending-recs.styles.ts')};
    import { block } from ${source('views/block.ts')};
    import { card } from ${source('views/card.ts')};
    import { list } from ${source('views/list.ts')};
    const context = { language: undefined, dates: false, brokenPictures: new Set(), onPictureError() {}, onOpen() {} };
    customElements.define('trending-recs', class extends LitElement {
      static styles = styles;
      static properties = { items: { state: true } };
      standIn = [];
      connectedCallback() {
        super.connectedCallback();
        // The loader's request, or nothing: a broken hand-over must fail, not fetch later.
        this[PREFETCH].response.then(async (response) => {
          this.items = parseFeed(await response.json(), response.url).items.slice(0, 12);
        });
      }
      // The element takes the loader's stand-in over the same way, but replaces it with
      // its own skeleton; here it stays until the cards.
      createRenderRoot() {
        this.standIn = [...(this.shadowRoot?.childNodes ?? [])];
        this.shadowRoot?.replaceChildren();
        const root = super.createRenderRoot();
        root.append(...this.standIn);
        return root;
      }
      update(changed) {
        super.update(changed);
        if (this.items) for (const node of this.standIn.splice(0)) node.remove();
      }
      render() {
        return this.items ? block(DEFAULT_HEADING, list(this.items, (item) => card(item, context))) : nothing;
      }
    });`);
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

/** The demo feed, and its items with pictures that every bench feed repeats. */
async function demoFeed() {
  const demo = JSON.parse(await readFile(new URL('demo/feed.json', ROOT), 'utf8'));
  return { demo, base: demo.items.filter((item) => item.image && !item._trending?.sponsored) };
}

/** The demo feed's items with pictures, repeated under new ids up to `count` items on many sites. */
async function benchFeed(count) {
  const { demo, base } = await demoFeed();
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

/**
 * benchFeed's items cut to what ranking and a card read: no summary, authors or tags,
 * short ids and URLs, the default kind. 15,000 of them make about 4 MB, a large feed
 * that is plausible as it is, not padded to size. Scores fall with the position and
 * stay positive, so the order is not a tie of thousands of zeros.
 */
async function leanFeed(count) {
  const { demo, base } = await demoFeed();
  const items = Array.from({ length: count }, (_, i) => {
    const source = base[i % base.length];
    return {
      id: String(i),
      url: `https://${new URL(source.url).host}/${i}/`,
      title: `${source.title} (${i})`,
      image: `/img/${source.image.split('/').pop()}`,
      date_published: source.date_published,
      _trending: { site: `Site ${i}`, category: source._trending?.category, score: count - i },
    };
  });
  return JSON.stringify({ ...demo, items });
}

/**
 * Page C's script, run in the page with the block and card markup frozen from the
 * widget: the same job done the plain way, as a floor for the widget's own work. One
 * fetch, the feed's highest scores first, text escaped, links kept to http(s), one
 * innerHTML. No ageing, per-site caps or reader context in the order, no lazy start,
 * skeleton, cache or failure handling: those are what the widget adds.
 */
function bareScript({ block, card, feed, limit }) {
  const escape = (value) => String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  (async () => {
    const response = await fetch(feed);
    const { items } = await response.json();
    const link = (value) => {
      try {
        const url = new URL(value, response.url);
        return /^https?:$/.test(url.protocol) ? url.href : '';
      } catch {
        return '';
      }
    };
    const cards = items
      .filter((item) => item?.title && link(item.url))
      .sort((a, b) => (b._trending?.score ?? 0) - (a._trending?.score ?? 0))
      .slice(0, limit)
      .map((item) => {
        const fields = {
          url: link(item.url),
          image: link(item.image),
          title: item.title,
          site: item._trending?.site,
          category: item._trending?.category,
        };
        return card.replace(/\{(\w+)\}/g, (_, key) => escape(fields[key]));
      });
    document.querySelector('.trending-recs').innerHTML = block.replace('{cards}', () => cards.join(''));
  })();
}

/**
 * The widget's rendered block as markup to fill in: the block with `{cards}` where its
 * cards go, and a plain card with `{url}`, `{title}`, `{site}`, `{category}` and
 * `{image}` in place of the item's values. Plain: no date, call to action or sponsor
 * label, which are one item's text and would need formatting; the bare script shows
 * every item that way. Runs in the page, on the frozen markup.
 */
function cardTemplate(html) {
  const copy = document.createElement('div');
  copy.innerHTML = html;
  const plain = copy.querySelector('a[part~="card"]:not(:has([part~="date"], [part~="cta"], [part~="sponsored"]))');
  if (!plain) throw new Error('the bench feed rendered no plain card to use as the bare script\'s template');
  const list = plain.closest('[part~="list"]');
  const card = [...list.children].find((child) => child.contains(plain)).cloneNode(true);
  const link = card.matches('a') ? card : card.querySelector('a[part~="card"]');
  link.setAttribute('href', '{url}');
  for (const part of ['title', 'site', 'category']) {
    const element = card.querySelector(`[part~="${part}"]`);
    if (element) element.textContent = `{${part}}`;
  }
  card.querySelector('img[part~="image"]')?.setAttribute('src', '{image}');
  list.textContent = '{cards}';
  return { block: copy.innerHTML, card: card.outerHTML };
}

// ---------------------------------------------------------------- measuring

/**
 * Pages tell Node that something happened with a console message of this prefix. Waiting
 * with page.waitForFunction() or page.evaluate() would have Playwright compile its own
 * scripts in the page, tasks of up to 100 ms on the main thread that the widget would be
 * measured with.
 */
const SIGNAL = 'trending-recs-bench:';

/** Resolves when the page sends signal `name`: call before the navigation that sends it. */
const pageSignal = (page, name) => {
  const signal = page.waitForEvent('console', { predicate: (message) => message.text() === SIGNAL + name, timeout: 30_000 });
  // Awaited after the navigation: if that fails, its error is the one to report.
  signal.catch(() => {});
  return signal;
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

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
      // Seen in a frame's callbacks, the cards are painted in that frame: the next task
      // comes after its paint.
      setTimeout(() => {
        probe.cardsPainted = performance.now();
        console.debug('${SIGNAL}painted');
      });
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
  const painted = pageSignal(page, 'painted');
  await page.goto(origin + path, { waitUntil: 'load' });
  await painted;
  await sleep(300);
  // The page's metrics before anything is evaluated in it.
  const { metrics } = await cdp.send('Performance.getMetrics');
  const probe = await page.evaluate(() => window.__probe);
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

/**
 * Static page A, bare-script page C, Lit-floor page D and widget page B, alternating,
 * median of RUNS each. The ratios are of the medians of "cards painted".
 */
async function compare(browser, origin, throttle) {
  const samples = { static: [], bare: [], litFloor: [], widget: [] };
  for (let run = 0; run < RUNS; run++) {
    samples.static.push(await loadAndMeasure(browser, origin, '/static.html', 12, throttle));
    samples.bare.push(await loadAndMeasure(browser, origin, '/bare.html', 12, throttle));
    samples.litFloor.push(await loadAndMeasure(browser, origin, '/lit-floor.html', 12, throttle));
    samples.widget.push(await loadAndMeasure(browser, origin, '/widget.html', 12, throttle));
  }
  const [static_, bare, litFloor, widget] = [samples.static, samples.bare, samples.litFloor, samples.widget].map(summarize);
  const ratios = {
    cardsPainted: {
      widgetToStatic: widget.cardsPaintedMs / static_.cardsPaintedMs,
      widgetToBare: widget.cardsPaintedMs / bare.cardsPaintedMs,
      litFloorToBare: litFloor.cardsPaintedMs / bare.cardsPaintedMs,
      widgetToLitFloor: widget.cardsPaintedMs / litFloor.cardsPaintedMs,
    },
  };
  return { static: static_, bare, litFloor, widget, ratios, runs: RUNS, throttle };
}

/** Time from the feed's arrival to the cards' load event, for `cards` cards. */
async function renderTime(browser, origin, cards) {
  const samples = [];
  for (let run = 0; run < RUNS; run++) {
    const { context, page } = await newPage(browser, origin, 1);
    // Listening from the start: the load event may come before any evaluate() could. The
    // feed's resource entry may come after it (a fetch() body read from a stream is
    // entered later), so each time is taken when it comes.
    await page.addInitScript((signal) => {
      let arrived;
      let painted;
      const done = () => {
        if (arrived === undefined || painted === undefined || window.__renderMs !== undefined) return;
        window.__renderMs = painted - arrived;
        console.debug(`${signal}rendered`);
      };
      new PerformanceObserver((list) => {
        const feed = list.getEntries().find((e) => e.name.includes('/feed-'));
        if (!feed) return;
        arrived = feed.responseEnd;
        done();
      }).observe({ type: 'resource', buffered: true });
      document.addEventListener('trending-recs-load', () =>
        requestAnimationFrame(() =>
          setTimeout(() => {
            painted = performance.now();
            done();
          }),
        ),
      );
    }, SIGNAL);
    const rendered = pageSignal(page, 'rendered');
    await page.goto(`${origin}/render-${cards}.html`);
    await rendered;
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
 * renderers (browser-internal pages) are left out. A task ends after its microtasks:
 * Chromium may trace those (RunMicrotasks) after the task's own event instead of in it,
 * as after a module's evaluation or a `scheduler.yield()`, so a run of microtasks that
 * starts as a task ends is added to it, and one that follows no task counts as one.
 */
async function traceTasks(cdp, origin, during) {
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'toplevel,__metadata,devtools.timeline,v8.execute', transferMode: 'ReportEvents' });
  await during();
  await cdp.send('Tracing.end');
  await complete;
  const ours = new Set(events.filter((e) => String(e.args?.data?.url ?? '').startsWith(origin)).map((e) => e.pid));
  const mainThreads = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && ours.has(e.pid))
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = (e) => mainThreads.has(`${e.pid}:${e.tid}`);
  const runTasks = events.filter((e) => e.ph === 'X' && /(^|::)RunTask$/.test(e.name) && onMain(e));
  // A Chromium that names its threads or tasks differently must not pass as "no tasks".
  if (!runTasks.length) throw new Error(`no main-thread tasks of ${origin} in the trace: update traceTasks()`);
  const within = (inner, outer) => inner.ts >= outer.ts && inner.ts + inner.dur <= outer.ts + outer.dur;
  const loose = events.filter((e) => e.ph === 'X' && e.name === 'RunMicrotasks' && onMain(e) && !runTasks.some((task) => within(e, task)));
  // [start, end] in µs; a loose run of microtasks joins the task (with the runs that
  // joined it) that ended last before it, within 1 ms, and is a task of its own
  // otherwise. Two runs back to back are then one task: if anything, too long.
  const spans = runTasks.map((e) => [e.ts, e.ts + e.dur]);
  const own = [];
  for (const run of loose.sort((a, b) => a.ts - b.ts)) {
    let before;
    for (const span of spans) {
      if (span[0] <= run.ts && Math.abs(span[1] - run.ts) <= 1000 && (!before || span[1] > before[1])) before = span;
    }
    for (const span of own) if (Math.abs(span[1] - run.ts) <= 1000 && (!before || span[1] > before[1])) before = span;
    if (before) before[1] = Math.max(before[1], run.ts + run.dur);
    else own.push([run.ts, run.ts + run.dur]);
  }
  const tasks = [...spans, ...own].map(([start, end]) => ({ ts: start, dur: end - start }));
  // From the loader's start on, the widget's work: before it, the navigation's own tasks
  // (committing and parsing the page), which a page without the widget has too.
  const loader = events.find((e) => e.name === 'EvaluateScript' && onMain(e) && String(e.args?.data?.url).endsWith('/embed.js'));
  if (!loader) throw new Error('no evaluation of embed.js in the trace: update traceTasks()');
  return {
    all: tasks.map((e) => e.dur / 1000),
    fromLoader: tasks.filter((e) => e.ts + e.dur > loader.ts).map((e) => e.dur / 1000),
  };
}

/**
 * A page with a feed of `items` items (`feedBytes` bytes), parsed, ranked and rendered:
 * tasks over 50 ms as the page's `longtask` observer counts them, the longest task from a
 * trace (of the whole page, and from the loader's start on), and whether the block still
 * showed its cards, and when.
 */
async function bigFeed(browser, origin, items, feedBytes) {
  const samples = [];
  for (let run = 0; run < RUNS; run++) {
    const { context, page, cdp } = await newPage(browser, origin, 1);
    // An error ends the wait too: a block that gave up on the feed is a result, not a hang.
    await page.addInitScript((signal) => {
      for (const type of ['trending-recs-load', 'trending-recs-error']) {
        document.addEventListener(type, () => console.debug(`${signal}settled`));
      }
    }, SIGNAL);
    const tasks = await traceTasks(cdp, origin, async () => {
      const settled = pageSignal(page, 'settled');
      await page.goto(`${origin}/big-${items}.html`);
      await settled;
      await sleep(300);
    });
    const { longTasks, cardsPainted, cards } = await page.evaluate(() => ({
      ...window.__probe,
      cards: document.querySelector('trending-recs')?.shadowRoot?.querySelectorAll('a[part~="card"]').length ?? 0,
    }));
    samples.push({ longestTaskMs: Math.max(...tasks.all), longestFromLoaderMs: Math.max(...tasks.fromLoader), longTasks, cards, cardsPaintedMs: cardsPainted });
    await context.close();
  }
  const shown = samples.filter((sample) => sample.cards > 0);
  return {
    items,
    feedBytes,
    longestTaskMs: median(samples.map((sample) => sample.longestTaskMs)),
    maxLongestTaskMs: Math.max(...samples.map((sample) => sample.longestTaskMs)),
    longestFromLoaderMs: median(samples.map((sample) => sample.longestFromLoaderMs)),
    maxLongestFromLoaderMs: Math.max(...samples.map((sample) => sample.longestFromLoaderMs)),
    longTasks: median(samples.map((sample) => sample.longTasks)),
    runsWithLongTasks: samples.filter((sample) => sample.longTasks > 0).length,
    cards: median(samples.map((sample) => sample.cards)),
    runsWithCards: shown.length,
    // Of the runs that showed cards: the others have no such time.
    cardsPaintedMs: shown.length ? median(shown.map((sample) => sample.cardsPaintedMs)) : null,
    runs: RUNS,
  };
}

/** Ten widgets with one feed, served with `no-store` or with the recommended caching headers. */
async function severalInstances(browser, origin, counts, feedPath) {
  counts.delete(feedPath);
  // A tall window, so every widget is near the viewport and starts at once.
  const cached = feedPath.startsWith('/cached/');
  const { context, page, cdp } = await newPage(browser, origin, 1, 8000, { intercept: !cached });
  await page.addInitScript((signal) => {
    let loaded = 0;
    document.addEventListener('trending-recs-load', () => {
      if (++loaded === document.querySelectorAll('trending-recs').length) console.debug(`${signal}all-loaded`);
    });
  }, SIGNAL);
  const allLoaded = pageSignal(page, 'all-loaded');
  await page.goto(`${origin}/${cached ? 'ten-cached' : 'ten'}.html`);
  await allLoaded;
  const { metrics } = await cdp.send('Performance.getMetrics');
  const cards = await page.evaluate(() => [...document.querySelectorAll('trending-recs')].filter((w) => w.shadowRoot?.querySelector('a[part~="card"]')).length);
  if (cards !== 10) throw new Error(`${cards} of 10 widgets showed cards`);
  const scriptMs = (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
  await context.close();
  return { widgets: 10, feedRequests: counts.get(feedPath) ?? 0, scriptMs };
}

// ---------------------------------------------------------------- main

async function main() {
  const dist = await readDist();
  const feed = await benchFeed(12);
  const litFloor = await litFloorModule();
  const routes = new Map([
    // The loader imports its chunks relative to its own URL: all of dist/ at the root.
    ...[...dist].map(([name, code]) => [`/${name}`, code]),
    ['/feed.json', feed],
    ['/cached/feed.json', feed],
    ['/widget.html', page(`<script async src="/embed.js" data-src="/feed.json" data-limit="12"></script>`)],
    // Page D: the same loader, next to the Lit floor's module, which it imports instead.
    ['/lit-floor/embed.js', dist.get('embed.js')],
    ['/lit-floor/trending-recs.js', litFloor],
    ['/lit-floor.html', page(`<script async src="/lit-floor/embed.js" data-src="/feed.json" data-limit="12"></script>`)],
    ['/ten.html', tenWidgets('/feed.json')],
    ['/ten-cached.html', tenWidgets('/cached/feed.json')],
  ]);
  for (const name of await readdir(new URL('demo/images', ROOT))) {
    routes.set(`/img/${name}`, await readFile(new URL(`demo/images/${name}`, ROOT)));
  }
  // The big feed's page, and the same page with 12 items of the same shape: what the
  // widget costs the main thread whatever its feed, against what the feed's size adds.
  const leanFeeds = new Map();
  for (const items of [BIG_FEED_ITEMS, SMALL_FEED_ITEMS]) {
    leanFeeds.set(items, await leanFeed(items));
    routes.set(`/feed-lean-${items}.json`, leanFeeds.get(items));
    routes.set(`/big-${items}.html`, page(`<trending-recs src="/feed-lean-${items}.json"></trending-recs><script async src="/embed.js"></script>`));
  }
  for (const cards of [12, 48, 200]) {
    routes.set(`/feed-${cards}.json`, await benchFeed(cards));
    routes.set(`/render-${cards}.html`, page(`<trending-recs src="/feed-${cards}.json" limit="${cards}"></trending-recs><script async src="/embed.js"></script>`));
  }
  const { server, counts, origin } = await startServer(routes);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  try {
    // Page A: the very cards the widget renders, frozen into static HTML and CSS. Page C
    // fills the same markup from the feed. The files of dist/ this page asks for are
    // what a reader downloads.
    const { context, page: live } = await newPage(browser, origin, 1);
    const loaded = new Set();
    live.on('request', (request) => {
      const name = new URL(request.url()).pathname.slice(1);
      if (dist.has(name)) loaded.add(name);
    });
    await live.goto(`${origin}/widget.html`);
    await live.waitForFunction(() => document.querySelector('trending-recs')?.shadowRoot?.querySelectorAll('a[part~="card"]').length === 12);
    const frozen = await live.evaluate(() => {
      const root = document.querySelector('trending-recs').shadowRoot;
      const css = root.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n');
      return { html: root.innerHTML.replace(/<!--[^]*?-->/g, ''), css: css.replaceAll(':host', '.trending-recs') };
    });
    const template = await live.evaluate(cardTemplate, frozen.html);
    await context.close();
    const head = `<style>${frozen.css}</style>`;
    routes.set('/static.html', page(`<div class="trending-recs">${frozen.html}</div>`, head));
    routes.set('/bare.html', page(`<div class="trending-recs"></div><script async src="/bare.js"></script>`, head));
    routes.set('/bare.js', `(${bareScript})(${JSON.stringify({ ...template, feed: '/feed.json', limit: 12 })});`);

    console.log(`Measuring: ${RUNS} alternating runs per page, then with the CPU throttled 4x...`);
    const results = {
      date: new Date().toISOString().slice(0, 10),
      machine: { cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), cpu: cpus()[0]?.model, node: process.version, chromium: browser.version() },
      size: { ...(await measureSizes(dist, [...loaded])), litFloorModule: sizes(litFloor) },
      pages: { normal: await compare(browser, origin, 1), throttled4x: await compare(browser, origin, 4) },
      renderMs: {},
      instances: {
        noStore: await severalInstances(browser, origin, counts, '/feed.json'),
        cacheable: await severalInstances(browser, origin, counts, '/cached/feed.json'),
      },
      bigFeed: await bigFeed(browser, origin, BIG_FEED_ITEMS, Buffer.byteLength(leanFeeds.get(BIG_FEED_ITEMS))),
      smallFeed: await bigFeed(browser, origin, SMALL_FEED_ITEMS, Buffer.byteLength(leanFeeds.get(SMALL_FEED_ITEMS))),
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
  const sizeRow = (name, s) => `${name.padEnd(28)} ${String(s.raw).padStart(7)} ${String(s.gzip).padStart(9)} ${String(s.brotli).padStart(8)}`;
  console.log(`\ntrending-recs benchmark, ${r.date}, ${r.machine.cores} cores, Chromium ${r.machine.chromium}\n`);
  console.log('Size (bytes)                     raw      gzip   brotli');
  for (const [name, s] of Object.entries(r.size.files)) console.log(sizeRow(`dist/${name}`, s));
  console.log(sizeRow(`page B loads (${r.size.loaded.files.length} file(s))`, r.size.loaded));
  console.log(sizeRow('Lit alone', r.size.lit));
  console.log(sizeRow('Lit + @lit/task', r.size.litTask));
  console.log(sizeRow("page D's module (Lit floor)", r.size.litFloorModule));
  console.log(`page B loads ${r.size.loaded.files.join(' + ')}; the widget's own share (brotli, over Lit alone): ${r.size.widgetShare} B\n`);
  for (const [label, run] of [['CPU 1x', r.pages.normal], ['CPU 4x', r.pages.throttled4x]]) {
    console.log(`${label}: static cards (A), bare script (C), Lit floor (D), widget (B), median of ${run.runs}`);
    console.log('metric                    A static    C bare D Lit fl  B widget     B/A     B/C     D/C     B/D');
    for (const [key, name] of [
      ['cardsPaintedMs', 'cards painted (ms)'],
      ['scriptMs', 'script (ms)'],
      ['taskMs', 'main-thread tasks (ms)'],
      ['longTasks', 'long tasks'],
      ['cls', 'CLS'],
      ['heapKB', 'JS heap (KB)'],
      ['transferKB', 'transferred (KB)'],
    ]) {
      const digits = key === 'cls' ? 4 : 1;
      const columns = [run.static[key], run.bare[key], run.litFloor[key], run.widget[key]].map((n) => f(n, digits).padStart(9));
      const { widgetToStatic, widgetToBare, litFloorToBare, widgetToLitFloor } = run.ratios.cardsPainted;
      const ratios = key === 'cardsPaintedMs' ? [widgetToStatic, widgetToBare, litFloorToBare, widgetToLitFloor].map((n) => f(n, 2).padStart(7)) : [];
      console.log(`${name.padEnd(24)} ${columns.join(' ')} ${ratios.join(' ')}`.trimEnd());
    }
    console.log('');
  }
  console.log(`Render after the feed arrives (ms): ${Object.entries(r.renderMs).map(([n, ms]) => `${n} cards ${f(ms)}`).join(', ')}`);
  const { noStore, cacheable } = r.instances;
  console.log(
    `10 widgets, one feed: ${cacheable.feedRequests} feed request(s) with Cache-Control (${f(cacheable.scriptMs)} ms script), ` +
      `${noStore.feedRequests} with no-store (${f(noStore.scriptMs)} ms script)\n`,
  );
  for (const big of [r.bigFeed, r.smallFeed]) {
    console.log(
      `A ${big.items}-item feed (${big.feedBytes >= 1e6 ? `${f(big.feedBytes / 1e6, 2)} MB` : `${f(big.feedBytes / 1e3, 1)} KB`}): longest main-thread task from the loader's start on ` +
        `${f(big.longestFromLoaderMs)} ms (median; worst run ${f(big.maxLongestFromLoaderMs)} ms); of the whole page, navigation included, ` +
        `${f(big.longestTaskMs)} ms (median; worst run ${f(big.maxLongestTaskMs)} ms); ` +
        `${big.longTasks} task(s) over 50 ms (median), runs with any: ${big.runsWithLongTasks} of ${big.runs}; ` +
        `${big.cards} cards (median), runs with cards: ${big.runsWithCards} of ${big.runs}, cards painted at ${f(big.cardsPaintedMs)} ms (median)\n`,
    );
  }
  console.log('Node: parse + rank (median ms)');
  for (const row of r.nodeScaling) {
    console.log(`${String(row.items).padStart(7)} items  parse ${f(row.parseMs, 2).padStart(8)}  rank ${f(row.rankMs, 2).padStart(7)}  rank/(n log n) vs 1k ${f(row.rankPerNLogN, 2)}`);
  }
  console.log('\nWrote bench/results.json');
}

await main();
