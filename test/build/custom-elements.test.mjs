// node --test, after the build: custom-elements.json, which editors and catalogues read,
// describes the same public API as the README, and nothing private.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const manifest = JSON.parse(readFileSync(new URL('../../custom-elements.json', import.meta.url), 'utf8'));
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const element = manifest.modules.flatMap((module) => module.declarations ?? []).find((declaration) => declaration.customElement);

/** The first column of each row of the README table whose header starts with `header`. */
function readmeColumn(header, column = 0) {
  const table = readme.slice(readme.indexOf(`| ${header} |`)).split('\n\n')[0];
  return table
    .split('\n')
    .slice(2)
    .map((row) => row.split('|')[column + 1].trim().replace(/^`|`$/g, ''));
}

const sorted = (values) => [...values].sort();

test('names the element by its tag', () => {
  assert.equal(element.tagName, 'trending-recs');
});

test('lists no private member', () => {
  const hidden = element.members.filter((member) => member.privacy === 'private' || member.name.startsWith('_'));
  assert.deepEqual(hidden.map((member) => member.name), []);
});

test('has the attributes and properties of the README, in pairs', () => {
  const pairs = element.attributes.map((attribute) => `${attribute.name} ${attribute.fieldName}`);
  const documented = readmeColumn('Attribute').map((attribute, row) => `${attribute} ${readmeColumn('Attribute', 1)[row]}`);
  assert.deepEqual(sorted(pairs), sorted(documented));
});

test('has the events, parts and custom properties of the README', () => {
  assert.deepEqual(sorted(element.events.map((event) => event.name)), sorted(readmeColumn('Event')));
  assert.deepEqual(sorted(element.cssParts.map((part) => part.name)), sorted(readmeColumn('Part')));
  assert.deepEqual(sorted(element.cssProperties.map((property) => property.name)), sorted(readmeColumn('Custom property')));
});
