/**
 * A feed server on 127.0.0.1 for the builder's tests: serves the files of feeds/ and
 * answers as real servers do, with an ETag and 304, or 500, 410, a 301, or never.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';

export async function feedServer(extra = {}) {
  const requests = [];
  const sockets = new Set();
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    requests.push({ path, headers: req.headers });
    const special = extra[path];
    if (special) return special(req, res);
    if (path === '/500') return res.writeHead(500).end('oops');
    if (path === '/410') return res.writeHead(410).end('gone');
    if (path === '/hang') return; // never answers
    if (path.startsWith('/moved/')) return res.writeHead(301, { location: `/${path.slice('/moved/'.length)}` }).end();
    let body;
    try {
      body = await readFile(new URL(`feeds${path}`, import.meta.url));
    } catch {
      return res.writeHead(404).end();
    }
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) return res.writeHead(304, { etag }).end();
    res.writeHead(200, { etag, 'content-type': path.endsWith('.json') ? 'application/feed+json' : 'application/xml' }).end(body);
  });
  server.on('connection', (socket) => (sockets.add(socket), socket.on('close', () => sockets.delete(socket))));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    requests,
    close: () => new Promise((resolve) => (sockets.forEach((socket) => socket.destroy()), server.close(resolve))),
  };
}
