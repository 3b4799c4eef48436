/**
 * A real PostgreSQL server of the test's own, from Debian's postgresql package: a fresh
 * cluster in a temporary folder on a free port of 127.0.0.1, which a test can stop and
 * start again. As root (CI) it runs as the postgres user, which PostgreSQL requires.
 */
import { execFile } from 'node:child_process';
import { chmod, chown, mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

async function binDir() {
  const versions = await readdir('/usr/lib/postgresql').catch(() => []);
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error("PostgreSQL is not installed: apt-get install -y postgresql (.ci/run does)");
  return `/usr/lib/postgresql/${newest}/bin`;
}

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

export async function startPostgres() {
  const bin = await binDir();
  const dir = await mkdtemp(join(tmpdir(), 'trending-recs-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout } = await exec('id', ['-u', 'postgres']);
    const { stdout: gid } = await exec('id', ['-g', 'postgres']);
    await chown(dir, Number(stdout), Number(gid));
  }
  await chmod(dir, 0o700);
  const as = (command, args) => (asRoot ? exec('runuser', ['-u', 'postgres', '--', command, ...args]) : exec(command, args));
  const data = join(dir, 'data');
  await as(`${bin}/initdb`, ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const pgCtl = (action) => as(`${bin}/pg_ctl`, ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', '-m', 'fast', action]);
  await pgCtl('start');
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => pgCtl('stop'),
    start: () => pgCtl('start'),
    async destroy() {
      await pgCtl('stop').catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}
