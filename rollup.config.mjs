import { readFileSync } from 'node:fs';
import { brotliCompressSync } from 'node:zlib';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

/** The loader is on every page, near the block or not: the build fails above this many bytes of brotli. */
export const LOADER_BUDGET = 1_024;
/** The loader plus everything it loads before cards show. */
export const TOTAL_BUDGET = 15_360;
const LOADER = 'dist/embed.js';

/** Brotli at quality 11, the default, as CDNs serve static files. */
export const brotliSize = (code) => brotliCompressSync(code).length;

const tooBig = (what, size, limit) =>
  `${what} is ${size} B brotli, over the ${limit} B budget. ` +
  'Make the feature smaller or raise it as a design problem; do not raise the budget.';

/** @returns {import('rollup').Plugin} */
function loaderBudget() {
  return {
    name: 'loader-budget',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        const size = chunk.type === 'chunk' ? brotliSize(chunk.code) : 0;
        if (size > LOADER_BUDGET) this.error(tooBig(chunk.fileName, size, LOADER_BUDGET));
      }
    },
  };
}

/** Modules the element imports only after its first cards are rendered: their chunks load then. */
export const AFTER_CARDS = ['src/measure/measure.ts'];

/**
 * The module build is what the loader imports. Before the element renders a card, a
 * page loads the loader (built first) and the entry chunk with every chunk it imports
 * statically; the chunks of AFTER_CARDS come later. That sum must fit TOTAL_BUDGET. A
 * chunk loaded on demand that is in neither is counted too, so that none is forgotten.
 */
function totalBudget() {
  return {
    name: 'total-budget',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((chunk) => chunk.type === 'chunk');
      const later = (chunk) => AFTER_CARDS.some((module) => chunk.facadeModuleId?.endsWith(module));
      const counted = chunks.filter((chunk) => !later(chunk));
      const size = brotliSize(readFileSync(LOADER)) + counted.reduce((sum, chunk) => sum + brotliSize(chunk.code), 0);
      if (size > TOTAL_BUDGET) this.error(tooBig(`${LOADER} with ${counted.map((chunk) => chunk.fileName).join(', ')}`, size, TOTAL_BUDGET));
    },
  };
}

/** What both builds go through: minified templates and CSS, Lit's production build as published. */
export const plugins = () => [
  minifyHTML({ include: ['src/**/*.ts'], failOnError: true }),
  resolve({ exportConditions: ['production'] }),
  esbuild({ target: 'es2021' }),
  terser({
    ecma: 2021,
    module: true,
    compress: { passes: 3 },
    // Our private members (`_name`); Lit's cross-package internals are `_$xx` and stay.
    // Each build mangles on its own, so what the two share (prefetch.ts) has no `_` names.
    mangle: { properties: { regex: /^_[a-z]/ } },
    format: { comments: false },
  }),
];

export default [
  {
    input: 'src/embed.ts',
    output: { file: LOADER, format: 'iife' },
    plugins: [...plugins(), loaderBudget()],
  },
  {
    input: { 'trending-recs': 'src/module.ts' },
    // The after-cards chunks import what they share with the element from the entry
    // itself, not from a third chunk that every page would then load too.
    preserveEntrySignatures: 'allow-extension',
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    plugins: [...plugins(), totalBudget()],
  },
];
