// node --test: the template checker (eslint.config.mjs, `npm run lint`) is live. It reports
// each known template or element mistake under its rule, passes Lit as we write it, and
// finds src/ clean, having checked every .ts file there.
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd: root, overrideConfigFile: join(root, 'eslint.config.mjs') });
const LIT = "import { LitElement, html, nothing, type PropertyValues } from 'lit';\n";

/** The rules that report on `code`, each once, sorted; a message without a rule by its text. */
async function reportedRules(code) {
  // Under src/, so the config's `files` applies; a file no config matches gets an "ignored" warning.
  const [result] = await eslint.lintText(LIT + code, {
    filePath: join(root, 'src', 'template-check-snippet.ts'),
    warnIgnored: true,
  });
  return [...new Set(result.messages.map((message) => message.ruleId ?? message.message))].sort();
}

const mistakes = [
  ['a duplicate attribute binding', 'html`<a class=${a} class=${b}></a>`', ['lit/no-duplicate-template-bindings']],
  ['a binding as the tag name', 'html`<${tag}>text</${tag}>`', ['lit/binding-positions', 'lit/no-invalid-html']],
  ['a binding as an event name', 'html`<button @${name}=${onClick}>Go</button>`', ['lit/binding-positions']],
  ['a property binding against `/>`', 'html`<input .value=${value}/>`', ['lit/binding-positions']],
  ['a binding in a comment', 'html`<!-- ${value} --><p></p>`', ['lit/binding-positions']],
  ['attributes without a space between them', 'html`<a href="/a"title="A">A</a>`', ['lit/no-invalid-html']],
  ['Polymer-style event syntax', 'html`<button on-click=${onClick}>Go</button>`', ['lit/no-legacy-template-syntax']],
  ['Polymer-style attribute syntax', 'html`<a href$=${url}>A</a>`', ['lit/no-legacy-template-syntax']],
  ['a raw `>` in an attribute value', 'html`<abbr title="a > b">A</abbr>`', ['lit/attribute-value-entities']],
  ['an octal escape in a template', 'html`<p>\\012</p>`', ['lit/no-invalid-escape-sequences']],
  ['a quoted whole-value binding', 'html`<a title="${value}">A</a>`', ['lit/quoted-expressions']],
  ['`value=` on an input instead of `.value`', 'html`<input value=${value}>`', ['lit/no-value-attribute']],
  ['an inline <style>', 'html`<style>p { color: red; }</style><p></p>`', ['lit/prefer-static-styles']],
  [
    'a connectedCallback without super',
    'class A extends LitElement { override connectedCallback(): void { this.focus(); } }',
    ['lit/lifecycle-super'],
  ],
  [
    'a property set after super.update',
    'class A extends LitElement { static override properties = { count: { type: Number } }; count = 0;\n' +
      '  override update(changed: PropertyValues<this>): void { super.update(changed); this.count = 1; } }',
    ['lit/no-property-change-update'],
  ],
  [
    'a camelCase property without a kebab-case attribute',
    "class A extends LitElement { static override properties = { halfLife: { type: Number, attribute: 'halflife' } }; }",
    ['lit/attribute-names'],
  ],
  ['a property named after a global attribute', 'class A extends LitElement { static override properties = { title: {} }; }', ['lit/no-native-attributes']],
  ["an import from Lit 1's packages", "import { css } from 'lit-element';", ['lit/no-legacy-imports']],
  ['an unguarded define', "class A extends LitElement {}\ncustomElements.define('x-a', A);", ['wc/guard-define-call']],
  [
    'a tag name without a hyphen',
    "class A extends LitElement {}\nif (!customElements.get('xa')) customElements.define('xa', A);",
    ['wc/no-invalid-element-name'],
  ],
  [
    'a listener on window never removed',
    'class A extends LitElement { onResize = () => {};\n' +
      "  override connectedCallback(): void { super.connectedCallback(); window.addEventListener('resize', this.onResize); } }",
    ['wc/require-listener-teardown'],
  ],
];

for (const [mistake, code, rules] of mistakes) {
  test(`reports ${mistake}`, async () => {
    assert.deepEqual(await reportedRules(code), rules);
  });
}

test('passes Lit as we write it: @click, .prop, ?bool, mixed attribute values, nothing', async () => {
  const element = `
export class A extends LitElement {
  static override properties = { open: { type: Boolean }, halfLife: { type: Number, attribute: 'half-life' } };
  open = false;
  halfLife = 72;
  private readonly _onResize = () => this.requestUpdate();
  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('resize', this._onResize);
  }
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('resize', this._onResize);
  }
  override render() {
    const size = this.halfLife > 48 ? 'wide' : 'narrow';
    return html\`<section class="card \${size}" part="card card-\${size}" aria-busy=\${this.open ? 'true' : nothing}>
      <button @click=\${() => (this.open = !this.open)} ?disabled=\${!this.open} .title=\${size}>Toggle</button>
      <input .value=\${size} />
      \${this.open ? html\`<p>\${size} &amp; more</p>\` : nothing}
    </section>\`;
  }
}
if (!customElements.get('x-a')) customElements.define('x-a', A);`;
  assert.deepEqual(await reportedRules(element), []);
});

test('src/ has no problem, and every .ts file in it is checked', async () => {
  const results = await eslint.lintFiles(['src']);
  const checked = results.map((result) => relative(root, result.filePath)).sort();
  const sources = readdirSync(join(root, 'src'), { recursive: true })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join('src', file))
    .sort();
  assert.ok(checked.length > 0, 'no file in src/ was linted');
  assert.deepEqual(checked, sources);
  const problems = results.flatMap((result) =>
    result.messages.map((m) => `${relative(root, result.filePath)}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
  );
  assert.deepEqual(problems, []);
});
