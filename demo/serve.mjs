/**
 * `npm start` (which builds first): the whole loop on 127.0.0.1, with no outside service.
 * - the sister sites' own feeds (an RSS blog and news site, an Atom travel guide, a JSON
 *   Feed of events) from demo/sites/, with this server's address put into their links;
 * - the collector on SQLite (demo/build/counts.sqlite), on COLLECT_PORT (default 8787);
 * - the builder, writing demo/build/trending.json from those feeds and the counts, and
 *   rebuilding every minute;
 * - the demo article, whose widget shows that feed.
 * PORT=9000 npm start picks another port for the pages.
 */
import { startDevServer } from '@web/dev-server';
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const port = Number(process.env.PORT) || 8000;
const collectPort = Number(process.env.COLLECT_PORT) || 8787;
const rootDir = fileURLToPath(new URL('..', import.meta.url));
const origin = `http://127.0.0.1:${port}`;
const build = new URL('build/', import.meta.url);
const cli = fileURLToPath(new URL('../lib/cli.js', import.meta.url));

// The sample feeds name their pictures and icons on this server.
await mkdir(new URL('sites/', build), { recursive: true });
for (const name of await readdir(new URL('sites/', import.meta.url))) {
  const text = await readFile(new URL(`sites/${name}`, import.meta.url), 'utf8');
  await writeFile(new URL(`sites/${name}`, build), text.replaceAll('{origin}', origin));
}

const server = await startDevServer({
  config: { rootDir, port, hostname: '127.0.0.1' },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});

const db = fileURLToPath(new URL('counts.sqlite', build));
const children = [];
/** Runs a trending-recs command; resolves when `ready` appears on its stderr. */
function command(args, ready) {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'inherit', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      seen += chunk;
      if (ready.test(seen)) resolve();
    });
    child.on('exit', (code) => reject(new Error(`trending-recs ${args[0]} exited ${code}`)));
  });
}

const stop = async () => {
  for (const child of children) child.kill('SIGTERM');
  await server.stop();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

await command(['collect', '--port', String(collectPort), '--db', db], /listening on/);
await command(
  ['build', '--config', fileURLToPath(new URL('sites/network.json', build)), '--out', fileURLToPath(new URL('trending.json', build)), '--db', db, '--every', '1m'],
  /wrote \d+ items/,
);
console.log(`
  trending-recs demo: ${origin}/demo/
  trending feed:      ${origin}/demo/build/trending.json (rebuilt every minute)
  collector:          http://127.0.0.1:${collectPort}/collect, counts in demo/build/counts.sqlite
  counts so far:      node lib/cli.js stats --db demo/build/counts.sqlite
  (Ctrl+C to stop)
`);
