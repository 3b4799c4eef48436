import { expect } from '@open-wc/testing';
import { item, jsonFeed, serveFeed } from './support/feeds.js';

// Each test serves a publisher's page with a real Content-Security-Policy header and
// embeds the built bundle (npm test builds first) with the one-tag form, in an iframe.

const STRICT_CSP = "default-src 'self'; style-src 'self'; script-src 'self'; img-src 'self' https:";
// 'allow-duplicates': every copy of Lit on a page (a second embed, the module build,
// the site's own Lit) creates a policy of this name.
const TRUSTED_TYPES = "require-trusted-types-for 'script'; trusted-types lit-html 'allow-duplicates'";

// The page may not run inline script, so what it watches with comes from 'self' too.
const WATCHER = `
  window.violations = [];
  window.pageErrors = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));
  addEventListener('error', (e) => pageErrors.push(String(e.message)));
  addEventListener('unhandledrejection', (e) => pageErrors.push(String(e.reason)));
  addEventListener('trending-recs-load', () => (window.loaded = true));
  addEventListener('trending-recs-error', (e) => (window.failed = e.detail.message));
`;

interface PolicyPage extends Window {
  violations: string[];
  pageErrors: string[];
  loaded?: boolean;
  failed?: string;
}

/** Serves a page under `policy` with the one-tag embed, and `modules` as module scripts. */
async function embedUnderPolicy(policy: string, modules: string[] = []) {
  const feed = await serveFeed(
    jsonFeed([
      item({ title: 'A card with a picture', image: '/test/fixtures/picture.svg' }),
      item({ title: 'A sponsored webinar' }, { kind: 'offer', sponsored: true, sponsor: 'Tidewave', cta: 'Register' }),
      item({ title: 'A third card' }),
    ]),
  );
  const watcher = await serveFeed(WATCHER, { contentType: 'text/javascript' });
  const page = await serveFeed(
    `<!doctype html><html lang="en"><head><title>Article</title><script src="${watcher}"></script></head>
     <body><article><h1>Article</h1><p>Text.</p></article>
     <script async src="/dist/embed.js" data-src="${feed}" data-limit="3"></script>
     ${modules.map((module) => `<script src="${module}" type="module"></script>`).join('')}</body></html>`,
    { contentType: 'text/html', headers: { 'content-security-policy': policy } },
  );
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 900px; border: 0';
  frame.src = page;
  document.body.append(frame);
  const view = () => frame.contentWindow as unknown as PolicyPage;
  const deadline = Date.now() + 8000;
  while (!view()?.loaded && !view()?.failed && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  // Give pictures time to load (or be blocked) and report.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const widget = frame.contentDocument!.querySelector('trending-recs')!;
  return { frame, window: view(), widget, root: widget?.shadowRoot };
}

describe('under a strict host page policy (dist/embed.js)', () => {
  const frames: HTMLIFrameElement[] = [];
  afterEach(() => frames.splice(0).forEach((frame) => frame.remove()));

  for (const [name, policy] of [
    ['the strict CSP', STRICT_CSP],
    ['Trusted Types', TRUSTED_TYPES],
    ['both', `${STRICT_CSP}; ${TRUSTED_TYPES}`],
  ]) {
    it(`renders styled cards with pictures and no violation under ${name}`, async () => {
      const result = await embedUnderPolicy(policy);
      frames.push(result.frame);
      expect(result.window.failed, 'error event').to.be.undefined;
      expect(result.window.loaded, 'load event').to.be.true;
      expect(result.window.violations, 'securitypolicyviolation events').to.deep.equal([]);
      expect(result.window.pageErrors).to.deep.equal([]);

      const cards = [...result.root!.querySelectorAll<HTMLElement>('a[part~="card"]')];
      expect(cards).to.have.length(3);
      // Styled: the adopted stylesheet applies (a card is a grid, the CTA has the accent).
      expect(getComputedStyle(cards[0]).display).to.equal('grid');
      const cta = result.root!.querySelector<HTMLElement>('[part="cta"]')!;
      expect(getComputedStyle(cta).backgroundColor).to.equal('rgb(29, 78, 216)');
      const picture = result.root!.querySelector<HTMLImageElement>('img[part="image"]')!;
      expect(picture.complete && picture.naturalWidth, 'picture loaded').to.be.greaterThan(0);
    });
  }

  it('lets a second copy of Lit on the page create its policy too, without an error', async () => {
    // The site's own Lit, as a page built with Lit has.
    const result = await embedUnderPolicy(`${STRICT_CSP}; ${TRUSTED_TYPES}`, ['/node_modules/lit-html/lit-html.js']);
    frames.push(result.frame);
    expect(result.window.loaded, 'load event').to.be.true;
    expect(result.window.violations).to.deep.equal([]);
    expect(result.window.pageErrors).to.deep.equal([]);
  });

  it('runs one copy of Lit for the loader and the module build on the same page', async () => {
    // Without 'allow-duplicates': a second copy's policy would be refused.
    const result = await embedUnderPolicy(`${STRICT_CSP}; require-trusted-types-for 'script'; trusted-types lit-html`, ['/dist/trending-recs.js']);
    frames.push(result.frame);
    expect(result.window.loaded, 'load event').to.be.true;
    expect(result.window.violations).to.deep.equal([]);
    expect(result.window.pageErrors).to.deep.equal([]);
  });

  it('is caught by this test when a second copy of Lit is not allowed its policy', async () => {
    const result = await embedUnderPolicy("require-trusted-types-for 'script'; trusted-types lit-html", ['/node_modules/lit-html/lit-html.js']);
    frames.push(result.frame);
    expect([...result.window.violations, ...result.window.pageErrors].join('\n')).to.contain('lit-html');
  });

  it('is caught by this test when the page does not allow its Trusted Types policy', async () => {
    const result = await embedUnderPolicy("require-trusted-types-for 'script'; trusted-types 'none'");
    frames.push(result.frame);
    expect(result.window.violations.join('\n')).to.contain('trusted-types');
  });
});
