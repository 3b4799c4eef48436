/**
 * The widget's browser tests again, on the production bundle: dist/trending-recs.js
 * defines <trending-recs> before the tests' own import of src/define.js can, so every
 * widget below runs on the Lit that scripts/rollup-patch-lit.mjs cut down.
 */
import { expect } from '@open-wc/testing';
import '../../dist/trending-recs.js';
import '../trending-recs.test.js';
import '../lifecycle.test.js';
import '../hostile-feed.test.js';
import '../resilience.test.js';
import '../reader-context.test.js';
import '../reader-history.test.js';
import '../group-and-icons.test.js';

describe('the production bundle', () => {
  it('is what defines <trending-recs> in these tests', async () => {
    const { TrendingRecs } = await import('../../src/trending-recs.js');
    expect(customElements.get('trending-recs')).to.exist.and.not.equal(TrendingRecs);
  });
});
