import { brotliCompressSync } from 'node:zlib';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { patchLit } from './scripts/rollup-patch-lit.mjs';

/** Every reader pays for every byte: the build fails above this many bytes of brotli. */
const BROTLI_BUDGET = 10_240;

/** @returns {import('rollup').Plugin} */
function brotliBudget(limit) {
  return {
    name: 'brotli-budget',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const size = brotliCompressSync(chunk.code).length;
        if (size > limit) {
          this.error(
            `${chunk.fileName} is ${size} B brotli, over the ${limit} B budget. ` +
              'Make the feature smaller or raise it as a design problem; do not raise the budget.',
          );
        }
      }
    },
  };
}

export default {
  input: 'src/embed.ts',
  output: [
    { file: 'dist/embed.js', format: 'iife' },
    { file: 'dist/trending-recs.js', format: 'es' },
  ],
  plugins: [
    minifyHTML({ include: ['src/**/*.ts'], failOnError: true }),
    // Lit's production build: no dev-mode warnings or checks.
    resolve({ exportConditions: ['production'] }),
    patchLit(),
    esbuild({ target: 'es2021' }),
    terser({
      ecma: 2021,
      module: true,
      compress: { passes: 3 },
      // Our private members (`_name`); Lit's cross-package internals are `_$xx` and stay.
      mangle: { properties: { regex: /^_[a-z]/ } },
      format: { comments: false },
    }),
    brotliBudget(BROTLI_BUDGET),
  ],
};
