/**
 * A rollup plugin that stops Lit from writing to the host page's globals: the version
 * arrays (litHtmlVersions, litElementVersions, reactiveElementVersions), the
 * `litPropertyMetadata` WeakMap and the `Symbol.metadata` polyfill, which only standard
 * decorators use (this element declares static properties). The widget lives in other
 * people's pages, where it should add nothing but its element; the bundle is also
 * smaller for it.
 *
 * It edits Lit's published production code, so each edit must match exactly once: a Lit
 * upgrade that changes the code fails the build with a message instead of shipping
 * unpatched.
 */
const EDITS = [
  { file: 'lit-html/lit-html.js', find: /,\(\w+\.litHtmlVersions\?\?=\[\]\)\.push\("[^"]+"\)/, replace: '' },
  { file: 'lit-element/lit-element.js', find: /;\(\w+\.litElementVersions\?\?=\[\]\)\.push\("[^"]+"\)/, replace: ';' },
  {
    file: '@lit/reactive-element/reactive-element.js',
    find: /,\(\w+\.reactiveElementVersions\?\?=\[\]\)\.push\("[^"]+"\)/,
    replace: '',
  },
  {
    file: '@lit/reactive-element/reactive-element.js',
    find: /Symbol\.metadata\?\?=Symbol\("metadata"\),\w+\.litPropertyMetadata\?\?=new WeakMap;/,
    replace: 'const litPropertyMetadata=new WeakMap;',
  },
];

/** @returns {import('rollup').Plugin} */
export function litWithoutGlobals() {
  return {
    name: 'lit-without-globals',
    transform(code, id) {
      const edits = EDITS.filter((edit) => id.replaceAll('\\', '/').endsWith(`node_modules/${edit.file}`));
      if (!edits.length) return null;
      for (const edit of edits) {
        const matches = code.match(new RegExp(edit.find, 'g'));
        if (matches?.length !== 1) {
          this.error(`lit-without-globals: expected one match of ${edit.find} in ${edit.file}, found ${matches?.length ?? 0}. Lit changed: update scripts/rollup-lit-without-globals.mjs.`);
        }
        code = code.replace(edit.find, edit.replace);
      }
      return { code, map: null };
    },
  };
}
