import { expect } from '@open-wc/testing';
import { fromSites, inCategories, ofKinds, onHosts } from '../../src/rank/filters.js';
import { item } from './fixtures.js';

describe('filters', () => {
  const food = item('food', { category: 'Food', site: 'Harbor Blog' });
  const music = item('music', { category: 'Music', site: 'Harbor Events', kind: 'event', url: 'https://www.events.harbor.example/m' });
  const uncategorised = item('none', { category: undefined });

  it('inCategories keeps listed categories, in any case, entries trimmed', () => {
    const filter = inCategories(['food', ' MUSIC ']);
    expect([food, music, uncategorised].filter(filter)).to.deep.equal([food, music]);
  });

  it('fromSites matches the display name or the host without www', () => {
    expect([food, music].filter(fromSites(['harbor blog']))).to.deep.equal([food]);
    expect([food, music].filter(fromSites(['events.harbor.example']))).to.deep.equal([music]);
  });

  it('ofKinds keeps listed kinds', () => {
    expect([food, music].filter(ofKinds(['Event']))).to.deep.equal([music]);
    expect([food, music].filter(ofKinds(['guide', 'offer']))).to.deep.equal([]);
  });

  it('ignores blank entries, and lets every item through without a non-blank one', () => {
    expect([food, music].filter(inCategories(['', 'music', '  ']))).to.deep.equal([music]);
    for (const list of [undefined, [], [''], [' ', '\t']]) {
      expect([food, music, uncategorised].filter(inCategories(list))).to.deep.equal([food, music, uncategorised]);
      expect([food, music, uncategorised].filter(fromSites(list))).to.deep.equal([food, music, uncategorised]);
      expect([food, music, uncategorised].filter(ofKinds(list))).to.deep.equal([food, music, uncategorised]);
    }
  });

  it('onHosts keeps links to listed hosts, and to subdomains only through *.', () => {
    const at = (url: string) => item(url, { url });
    const links = [
      'https://harbor.example/a',
      'https://blog.harbor.example/b',
      'https://a.b.harbor.example/c',
      'https://evilharbor.example/d',
      'https://harbor.example.evil.example/e',
      'https://other.example/f',
    ].map(at);
    const kept = (patterns?: string[]) => links.filter(onHosts(patterns)).map((i) => i.url);
    expect(kept(['*.harbor.example'])).to.deep.equal(['https://blog.harbor.example/b', 'https://a.b.harbor.example/c']);
    expect(kept([' HARBOR.example', '', 'other.example '])).to.deep.equal(['https://harbor.example/a', 'https://other.example/f']);
    expect(kept([' '])).to.have.length(links.length);
    expect(kept([])).to.have.length(links.length);
    expect(kept(undefined)).to.have.length(links.length);
  });

  it('onHosts parses no URL without patterns', () => {
    // A URL that does not parse shows whether one was parsed.
    const unparsable = item('x', { url: 'not a url' });
    for (const patterns of [undefined, [], [' ']]) expect(onHosts(patterns)(unparsable)).to.be.true;
    expect(() => onHosts(['harbor.example'])(unparsable)).to.throw(TypeError);
  });
});
