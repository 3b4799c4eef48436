import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

/** What is kept of a source between runs, in the state file next to the output. */
export interface SourceState {
  etag?: string;
  lastModified?: string;
  /** The items of the last copy that could be read: used when the source fails. */
  items: unknown[];
}

export type SourceResult =
  | { status: 'fresh'; body: string; etag?: string; lastModified?: string }
  | { status: 'not-modified' }
  | { status: 'gone'; message: string }
  | { status: 'failed'; message: string };

export interface ReadOptions {
  /** Where relative file paths are resolved: the config file's folder. */
  baseDir: string;
  timeoutMs: number;
  maxBytes: number;
  userAgent: string;
}

const isHttp = (source: string) => /^https?:\/\//i.test(source);

/** The body, or a failure once it passes `maxBytes` (the download stops there). */
async function readCapped(response: Response, maxBytes: number): Promise<string | undefined> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.length;
    if (size > maxBytes) {
      await response.body?.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Reads one feed as a polite client: a conditional GET with what the last run kept, a
 * User-Agent that names the tool, a deadline and a size cap, redirects followed. A file
 * path is read from disk. Never throws: a failure is a result with a reason.
 */
export async function readSource(source: string, previous: SourceState | undefined, options: ReadOptions): Promise<SourceResult> {
  if (!isHttp(source)) {
    try {
      const body = await readFile(resolve(options.baseDir, source), 'utf8');
      return body.length > options.maxBytes ? { status: 'failed', message: `over ${options.maxBytes} bytes` } : { status: 'fresh', body };
    } catch (error) {
      return { status: 'failed', message: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message };
    }
  }
  const headers: Record<string, string> = {
    'user-agent': options.userAgent,
    accept: 'application/feed+json, application/json, application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1',
  };
  // Only with items kept: a 304 is of no use without the copy it refers to.
  if (previous?.items.length) {
    if (previous.etag) headers['if-none-match'] = previous.etag;
    if (previous.lastModified) headers['if-modified-since'] = previous.lastModified;
  }
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    const response = await fetch(source, { headers, signal, redirect: 'follow' });
    if (response.status === 304) return { status: 'not-modified' };
    if (response.status === 410) return { status: 'gone', message: 'HTTP 410 Gone: the feed was removed; take it out of the config' };
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      return { status: 'failed', message: `HTTP ${response.status}` };
    }
    const body = await readCapped(response, options.maxBytes);
    if (body === undefined) return { status: 'failed', message: `over ${options.maxBytes} bytes` };
    return {
      status: 'fresh',
      body,
      etag: response.headers.get('etag') ?? undefined,
      lastModified: response.headers.get('last-modified') ?? undefined,
    };
  } catch (error) {
    if (signal.aborted) return { status: 'failed', message: `timed out after ${options.timeoutMs / 1000} s` };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { status: 'failed', message: `network error: ${cause?.code ?? cause?.message ?? (error as Error).message}` };
  }
}
