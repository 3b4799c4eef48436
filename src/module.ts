/**
 * The ES module build, `dist/trending-recs.js`: defines `<trending-recs>` and exports
 * the public API. The loader imports this same file, so a page that also loads it with
 * `<script type="module">` runs one copy.
 */
import './define.js';

export * from './index.js';
