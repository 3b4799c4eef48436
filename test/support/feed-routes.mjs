/**
 * A route table for browser tests: a test POSTs the response it wants (body, status,
 * delay, headers, a connection cut mid-body, or dropped from the Nth request on) to
 * /feeds and gets back a URL that serves it, on this same 127.0.0.1 server.
 * GET <url>/hits says how often it was fetched.
 */
let nextId = 0;
const routes = new Map();

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** @type {import('koa').Middleware} */
export async function feedRoutes(ctx, next) {
  if (ctx.method === 'POST' && ctx.path === '/feeds') {
    const spec = JSON.parse(await readBody(ctx.req));
    const id = String(++nextId);
    routes.set(id, { ...spec, hits: 0 });
    ctx.body = { url: `/feeds/${id}` };
    return;
  }
  const match = /^\/feeds\/(\d+)(\/hits)?$/.exec(ctx.path);
  const route = match && routes.get(match[1]);
  if (!route) return next();
  if (match[2]) {
    ctx.body = { hits: route.hits };
    return;
  }
  route.hits += 1;
  // From the second request on, `later` overrides the first answer (a feed that changed).
  const answer = route.hits > 1 && route.later ? { ...route, ...route.later } : route;
  if (answer.dropFrom !== undefined && route.hits >= answer.dropFrom) {
    // The server is gone: no status, no headers, a network error for the page.
    ctx.respond = false;
    ctx.req.socket.destroy();
    return;
  }
  if (answer.delay) await sleep(answer.delay);
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
