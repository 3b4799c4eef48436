import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { BeaconError, parseBeacon } from '../measure/beacon.js';
import { optionalDependency, type CountStore } from './count-store.js';
import { countBeacon, Counts, SeenEvents } from './counts.js';
import { limitedLog } from './log-limiter.js';
import { RateLimiter } from './rate-limiter.js';

/** The largest beacon body taken: the widget's 20 events are about 3 KB. */
export const MAX_BODY_BYTES = 16 * 1024;
/** How long a (page view, item, type) is remembered, so that a beacon sent twice counts once. */
const DEDUPE_WINDOW_MS = 60 * 60 * 1000;

export interface CollectorOptions {
  store: CountStore;
  /** The page origins whose beacons are taken (`https://news.example`), or `*` for any. */
  origins: '*' | readonly string[];
  flushIntervalMs: number;
  /** Beacons per client address per minute; more get 429. */
  ratePerMinute: number;
  /**
   * How many rows of counts may wait in memory while the store cannot be written (a
   * restarting database). Past that, beacons get 503 and are not counted: the memory a
   * collector takes stays bounded, and what it accepted is never dropped.
   */
  maxBufferedRows: number;
  /** Take the client's address from X-Forwarded-For: only behind a proxy that sets it. */
  trustProxy: boolean;
  /** Where one line per reason per minute goes. */
  log: (line: string) => void;
}

export interface Collector {
  handle(request: IncomingMessage, response: ServerResponse): void;
  /** Writes what is counted so far; false if the store could not take it (it stays buffered). */
  flush(): Promise<boolean>;
  /** Rows of counts waiting in memory. */
  readonly buffered: number;
  /** Stops the flush timer, and makes /healthz answer 503. */
  stop(): void;
}

/**
 * The collector's HTTP handling: POST /collect takes a beacon (see beacon.ts) and
 * counts it in memory; a timer flushes the counts to the store, one transaction per
 * interval. GET /healthz says whether it takes beacons. Every refusal is a 4xx (or a
 * 503 while the store is down and the buffer full) with a one-line reason.
 */
export async function createCollector(options: CollectorOptions): Promise<Collector> {
  const { isbot } = await optionalDependency('isbot', () => import('isbot'));
  const { store, origins, log: write } = options;
  const log = limitedLog(write);
  const counts = new Counts();
  const seen = new SeenEvents(DEDUPE_WINDOW_MS, Date.now());
  const rate = new RateLimiter(options.ratePerMinute);
  let stopped = false;
  let storeOk = true;

  // Flushes run one after another, each writing what is buffered when its turn comes.
  let queue: Promise<boolean> = Promise.resolve(true);
  let queued = 0;
  const writeOnce = async () => {
    const rows = counts.take();
    if (!rows.length) return true;
    try {
      const refused = await store.add(rows);
      if (refused.length) write(`store refused ${refused.length} rows of counts as invalid data, left out: ${JSON.stringify(refused[0])}`);
      if (!storeOk) write(`store available again: wrote ${rows.length} rows of counts kept in memory`);
      return (storeOk = true);
    } catch (error) {
      counts.restore(rows);
      storeOk = false;
      log('store', `store unavailable, counts kept in memory: ${(error as Error).message}`);
      return false;
    }
  };
  const flush = () => {
    queued++;
    return (queue = queue.then(writeOnce).finally(() => queued--));
  };
  // The timer adds no flush while one waits for a slow or unreachable store.
  const timer = setInterval(() => queued || flush(), options.flushIntervalMs);

  const allowed = (origin: string | undefined) => origins === '*' || (origin !== undefined && origins.includes(origin));

  /** Answers; a refusal is logged by its status, one line a minute. */
  function answer(response: ServerResponse, status: number, reason = '', headers: Record<string, string> = {}) {
    if (status >= 400) log(String(status), `${status} ${reason}`);
    response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers });
    response.end(reason && `${reason}\n`);
  }

  function corsHeaders(request: IncomingMessage): Record<string, string> {
    const origin = request.headers.origin;
    if (!origin || !allowed(origin)) return {};
    return { 'access-control-allow-origin': origins === '*' ? '*' : origin, vary: 'Origin' };
  }

  /** The body, or undefined once it is over MAX_BODY_BYTES (the rest is read and dropped). */
  function readBody(request: IncomingMessage): Promise<string | undefined> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      request.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      });
      request.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8')));
      request.on('error', reject);
    });
  }

  async function collect(request: IncomingMessage, response: ServerResponse) {
    const cors = corsHeaders(request);
    if (!allowed(request.headers.origin)) return answer(response, 403, `origin not allowed: ${request.headers.origin ?? '(none)'}`);
    // The proxy appends the address it saw: the last entry. Those before it are the client's to write.
    const forwarded = options.trustProxy ? (String(request.headers['x-forwarded-for'] ?? '').split(',').at(-1)?.trim() ?? '') : '';
    const wait = rate.retryAfter(forwarded || request.socket.remoteAddress || '', Date.now());
    if (wait) {
      request.resume();
      return answer(response, 429, 'too many beacons from this address', { ...cors, 'retry-after': String(wait) });
    }
    if (Number(request.headers['content-length']) > MAX_BODY_BYTES) {
      request.resume();
      return answer(response, 413, `body over ${MAX_BODY_BYTES} bytes`, { ...cors, connection: 'close' });
    }
    const body = await readBody(request);
    if (body === undefined) return answer(response, 413, `body over ${MAX_BODY_BYTES} bytes`, cors);
    // Answered as if counted, so that a bot learns nothing.
    if (isbot(request.headers['user-agent'] ?? '')) return answer(response, 204, '', cors);
    let beacon;
    try {
      beacon = parseBeacon(body);
    } catch (error) {
      if (error instanceof BeaconError) return answer(response, 400, error.message, cors);
      throw error;
    }
    if (counts.size >= options.maxBufferedRows) return answer(response, 503, 'store unavailable and buffer full: not counted', { ...cors, 'retry-after': '60' });
    countBeacon(beacon, counts, seen, Date.now());
    answer(response, 204, '', cors);
  }

  function handle(request: IncomingMessage, response: ServerResponse) {
    const path = (request.url ?? '/').split('?')[0];
    if (path === '/healthz' && (request.method === 'GET' || request.method === 'HEAD')) {
      return stopped ? answer(response, 503, 'stopping') : answer(response, 200, storeOk ? 'ok' : `ok, store unavailable: ${counts.size} rows buffered`);
    }
    if (path !== '/collect') return answer(response, 404, 'not found: beacons go to POST /collect');
    if (request.method === 'OPTIONS') {
      if (!allowed(request.headers.origin)) return answer(response, 403, `origin not allowed: ${request.headers.origin ?? '(none)'}`);
      return answer(response, 204, '', { ...corsHeaders(request), 'access-control-allow-methods': 'POST', 'access-control-allow-headers': 'content-type', 'access-control-max-age': '86400' });
    }
    if (request.method !== 'POST') return answer(response, 405, 'method not allowed: use POST', { allow: 'POST, OPTIONS' });
    collect(request, response).catch((error: Error) => {
      log('500', `500 internal error: ${error.stack ?? error.message}`);
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('internal error\n');
    });
  }

  return {
    handle,
    flush,
    get buffered() {
      return counts.size;
    },
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}

/** An HTTP server for a collector, with timeouts that keep slow or endless uploads short. */
export function collectorServer(collector: Collector) {
  const server = createServer({ requestTimeout: 10_000, headersTimeout: 5_000 }, collector.handle);
  // A malformed request never reaches the handler: answer it, never crash.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
  });
  return server;
}
