/**
 * Runs before `npm start` and `npm test` so that each works on a fresh clone:
 * installs the locked dependencies when they are missing, and with --browser checks
 * that Debian's Chromium is there (no tool here may download a browser of its own).
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath } from './chromium.mjs';

const root = new URL('..', import.meta.url);
const installed = new URL('node_modules/.package-lock.json', root);

if (!existsSync(installed)) {
  console.log('Installing dependencies (npm ci)...');
  execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
}

if (process.argv.includes('--browser')) {
  if (!existsSync(chromiumPath)) {
    console.error(
      `Chromium not found at ${chromiumPath}. Install Debian's: apt-get update && apt-get install -y chromium ` +
        '(or set CHROME_PATH to a Chromium binary).',
    );
    process.exit(1);
  }
}
