/**
 * Debian's Chromium and the flags every headless run here needs (tests and bench).
 * No tool may download a browser of its own; as root, Chromium needs --no-sandbox.
 */
export const chromiumPath = process.env.CHROME_PATH || '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
