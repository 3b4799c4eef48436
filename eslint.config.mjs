// A checker for Lit templates and the custom element, not a style linter: it runs the
// rules of eslint-plugin-lit and eslint-plugin-wc that find templates Lit cannot render as
// written and element code that breaks in a host page. `npm run lint`; part of `npm test`.
import tsParser from '@typescript-eslint/parser';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import { defineConfig } from 'eslint/config';

export default defineConfig([
  {
    files: ['src/**/*.ts'],
    // Syntax only: none of these rules needs type information, so no tsconfig project.
    languageOptions: { parser: tsParser },
    // `eslint-disable` comments written for general-purpose rules are not ours to judge.
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    settings: { wc: { elementBaseClasses: ['LitElement'] } },
    extends: [lit.configs['flat/recommended'], wc.configs['flat/best-practice']],
    rules: {
      'lit/no-invalid-escape-sequences': 'error',
      'lit/no-legacy-imports': 'error',
      'lit/no-value-attribute': 'error',
      'lit/value-after-constraints': 'error',
      'lit/lifecycle-super': 'error',
      // The HTML API: a camelCase property is reached through a kebab-case attribute,
      // and no property takes over a global attribute such as `title` or `hidden`.
      'lit/attribute-names': ['error', { convention: 'kebab' }],
      'lit/no-native-attributes': 'error',
      // Inline `<style>` in a template needs 'unsafe-inline' under a strict CSP.
      'lit/prefer-static-styles': 'error',
      // Lit's documented form, `attr=${x}`; mixed values such as `class="card ${x}"` are untouched.
      'lit/quoted-expressions': ['error', 'never'],
      'wc/guard-define-call': 'error',
      // LitElement implements every lifecycle callback, so `if (super.connectedCallback)`
      // is dead code; lit/lifecycle-super asks for the plain call instead.
      'wc/guard-super-call': 'off',
      // Left out: lit/no-this-assign-in-render also flags `@click=${() => (this.open = true)}`;
      // lit/no-classfield-shadowing flags our property fields, which are safe because
      // tsconfig has useDefineForClassFields: false.
    },
  },
]);
