/**
 * A route table for browser tests: a test POSTs the response it wants (body, status,
 * delay, headers, a connection cut mid-body, or dropped from the Nth request on) to
 * /feeds and gets back a URL that serves it, on this same 127.0.0.1 server.
 * `later` answers every request after the first; `sequence[n]` answers request n + 1
 * (its last entry repeating), over the route's own options.
 * GET <url>/hits says how often it was fetched, when each request came in, and how
 * many of them the page gave up on before an answer was sent.
 */
let nextId = 0;
const routes = new Map();

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The options for request number `n` (1 = the first) of `route`. */
function answerFor(route, n) {
  const { sequence, later, ...own } = route;
  if (sequence?.length) return { ...own, ...sequence[Math.min(n, sequence.length) - 1] };
  // From the second request on, `later` overrides the first answer (a feed that changed).
  return n > 1 && later ? { ...own, ...later } : own;
}

/** @type {import('koa').Middleware} */
export async function feedRoutes(ctx, next) {
  if (ctx.method === 'POST' && ctx.path === '/feeds') {
    const spec = JSON.parse(await readBody(ctx.req));
    const id = String(++nextId);
    routes.set(id, { spec, hits: 0, times: [], cancelled: 0 });
    ctx.body = { url: `/feeds/${id}` };
    return;
  }
  const match = /^\/feeds\/(\d+)(\/hits)?$/.exec(ctx.path);
  const route = match && routes.get(match[1]);
  if (!route) return next();
  if (match[2]) {
    ctx.set('cache-control', 'no-store');
    ctx.body = { hits: route.hits, times: route.times, cancelled: route.cancelled };
    return;
  }
  route.hits += 1;
  route.times.push(Date.now());
  const answer = answerFor(route.spec, route.hits);
  // Closed by the page before this server began to answer: an aborted fetch.
  let answering = false;
  ctx.res.once('close', () => answering || (route.cancelled += 1));
  if (answer.drop || (answer.dropFrom !== undefined && route.hits >= answer.dropFrom)) {
    answering = true;
    ctx.respond = false;
    // Nothing goes out with this status; it keeps the runner from listing a "404".
    ctx.status = 200;
    if (answer.drop) {
      // Chrome silently resends a request whose reused connection closes before any
      // byte of an answer, and the resend would take the next answer of a sequence.
      // A few bytes that are not HTTP first make this one request fail, as a network
      // error for the page, and only this one.
      ctx.req.socket.end('dropped\r\n');
    } else {
      // The server is gone: no status, no headers, a network error for the page.
      ctx.req.socket.destroy();
    }
    return;
  }
  if (answer.delay) await sleep(answer.delay);
  answering = true;
  const body = answer.body ?? '';
  if (answer.cutAfter !== undefined) {
    // Promise the whole body, send part of it, then drop the connection.
    ctx.respond = false;
    const res = ctx.res;
    res.writeHead(answer.status ?? 200, {
      'content-type': 'application/feed+json',
      'content-length': Buffer.byteLength(body),
    });
    res.write(body.slice(0, answer.cutAfter));
    setTimeout(() => res.destroy(), 20);
    return;
  }
  ctx.status = answer.status ?? 200;
  ctx.set('content-type', answer.contentType ?? 'application/feed+json');
  ctx.set('cache-control', 'no-store');
  for (const [name, value] of Object.entries(answer.headers ?? {})) ctx.set(name, value);
  ctx.body = body;
}
