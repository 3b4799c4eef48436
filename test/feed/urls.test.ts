import { expect } from '@open-wc/testing';
import { displayHost, normalizeUrl, safeUrl } from '../../src/feed/urls.js';

const BASE = 'https://daily.harbor.example/feeds/trending.json';

describe('safeUrl', () => {
  it('resolves relative URLs against the base', () => {
    expect(safeUrl('/a', BASE)).to.equal('https://daily.harbor.example/a');
    expect(safeUrl('b.jpg', BASE)).to.equal('https://daily.harbor.example/feeds/b.jpg');
    expect(safeUrl('//cdn.example/x', BASE)).to.equal('https://cdn.example/x');
  });

  it('keeps http and https only', () => {
    expect(safeUrl('http://x.example/')).to.equal('http://x.example/');
    for (const raw of [
      'javascript:alert(1)',
      ' JAVASCRIPT:alert(1)',
      'jav\nascript:alert(1)',
      '\u0000javascript:alert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'vbscript:msgbox',
      'blob:https://x.example/1',
      'file:///etc/passwd',
      'mailto:a@b.example',
    ]) {
      expect(safeUrl(raw, BASE), JSON.stringify(raw)).to.be.undefined;
    }
  });

  it('refuses empty values rather than linking to the base', () => {
    for (const raw of ['', '  ', '\t\n', undefined, null, 3]) expect(safeUrl(raw, BASE)).to.be.undefined;
  });

  it('refuses credentials that disguise the host', () => {
    expect(safeUrl('https://daily.harbor.example@evil.example/')).to.be.undefined;
  });

  it('refuses what does not parse', () => {
    expect(safeUrl('http://[oops/')).to.be.undefined;
    expect(safeUrl('https://')).to.be.undefined;
    expect(safeUrl('/relative')).to.be.undefined;
    expect(safeUrl('/a', 'not a base')).to.be.undefined;
  });

  it('escapes characters that could break out of an attribute', () => {
    expect(safeUrl('https://x.example/"><img src=x onerror=alert(1)>')).to.equal(
      'https://x.example/%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E',
    );
  });
});

describe('normalizeUrl', () => {
  it('treats scheme, host case, www, trailing slash and fragment as the same page', () => {
    const same = [
      'https://daily.harbor.example/2026/ferry/',
      'http://daily.harbor.example/2026/ferry',
      'HTTPS://Daily.Harbor.Example/2026/ferry#comments',
      'https://www.daily.harbor.example:443/2026/ferry/',
    ];
    expect(new Set(same.map((url) => normalizeUrl(url))).size).to.equal(1);
  });

  it('drops tracking parameters and sorts the rest', () => {
    expect(normalizeUrl('https://x.example/a?utm_source=nl&b=2&UTM_MEDIUM=e&a=1&fbclid=1&gclid=2')).to.equal(
      normalizeUrl('https://x.example/a/?a=1&b=2'),
    );
  });

  it('keeps parameters that make a different page', () => {
    expect(normalizeUrl('https://x.example/a?page=2')).not.to.equal(normalizeUrl('https://x.example/a?page=3'));
    expect(normalizeUrl('https://x.example/a')).not.to.equal(normalizeUrl('https://x.example/b'));
    expect(normalizeUrl('https://x.example/a')).not.to.equal(normalizeUrl('https://y.example/a'));
  });

  it('has no key for unsafe URLs', () => {
    expect(normalizeUrl('javascript:alert(1)')).to.be.undefined;
  });
});

describe('displayHost', () => {
  it('drops www and lower-cases', () => {
    expect(displayHost('https://WWW.Harbor.example/x')).to.equal('harbor.example');
  });
});
