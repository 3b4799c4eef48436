// node --test: the build-time check that keeps src/ within the Lit the bundle ships.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { unsupportedBindings } from '../../scripts/rollup-patch-lit.mjs';

const inLink = (attributes) => unsupportedBindings(`html\`<a ${attributes}>\${text}</a>\``);

test('accepts child bindings and whole attribute values, quoted or not', () => {
  for (const attributes of [
    'class=${x}',
    'href="${url}"',
    "aria-busy=\"${busy ? 'true' : nothing}\"",
    'id=${`g${index}`}',
    "rel=${sponsored ? 'sponsored' : nothing}\n",
  ]) {
    assert.deepEqual(inLink(attributes), [], attributes);
  }
});

test('finds attribute values that mix text and bindings, whatever the expressions hold', () => {
  for (const attributes of [
    'class="card ${x}"',
    "class=\"${dated ? 'dated' : ''} card\"",
    "class=${a ? 'x' : 'y'}-card",
    'id="${`g${x}`}-x"',
    'title="Reader\'s ${x}"',
    'title="$${x}"',
    'xml:lang="en-${x}"',
    'data-x=${x}${y}',
  ]) {
    assert.match(inLink(attributes).join(), /mixing text and bindings/, attributes);
  }
});

test('finds property, boolean-attribute, event and element bindings', () => {
  for (const attributes of ['.value=${x}', '?hidden=${x}', '@click=${x}']) {
    assert.match(inLink(attributes).join(), /property, boolean-attribute or event binding/, attributes);
  }
  assert.match(inLink('${x}').join(), /in a tag outside an attribute value/);
});

test('finds bindings in raw-text elements and in nested templates', () => {
  assert.match(unsupportedBindings('html`<style>${x}</style>`').join(), /raw-text/);
  assert.match(unsupportedBindings('html`<textarea>${x}</textarea>`').join(), /raw-text/);
  assert.match(unsupportedBindings('html`<p>${c ? html`<b class="x ${y}">z</b>` : nothing}</p>`').join(), /mixing/);
});

test('finds nothing in src/', () => {
  const files = readdirSync(new URL('../../src', import.meta.url), { recursive: true }).filter((file) => file.endsWith('.ts'));
  assert.ok(files.length > 10);
  for (const file of files) {
    assert.deepEqual(unsupportedBindings(readFileSync(new URL(`../../src/${file}`, import.meta.url), 'utf8'), file), [], file);
  }
});
