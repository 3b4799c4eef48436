import { expect } from '@open-wc/testing';
import { TrendingRecs } from '../../src/trending-recs.js';

// Runs in the `production` group only (web-test-runner.config.mjs), beside the widget's
// browser tests, which that group runs on dist/trending-recs.js.
describe('the production bundle', () => {
  it('is what defines <trending-recs> in this group', () => {
    const defined = customElements.get('trending-recs');
    expect(defined, 'defined').to.be.a('function');
    expect(defined).not.to.equal(TrendingRecs);
    // Lit's production build: no dev-mode flag on the class, as readers get it.
    expect((defined as unknown as { enabledWarnings?: unknown }).enabledWarnings).to.be.undefined;
  });
});
