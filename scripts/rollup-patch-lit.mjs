/**
 * A rollup plugin that edits Lit's published production code for a widget that lives
 * in other people's pages, where every byte is paid by every reader:
 *
 * - Lit writes nothing to the host page's globals: the version arrays
 *   (litHtmlVersions, litElementVersions, reactiveElementVersions), the
 *   `litPropertyMetadata` WeakMap and the `Symbol.metadata` polyfill, which only
 *   standard decorators use (this element declares static properties).
 * - Errors that only a misuse in our own code can raise keep their checks but get
 *   short texts (about 100 bytes of brotli). The tests run Lit's development build,
 *   which keeps the long ones.
 *
 * Each edit must match exactly once: a Lit upgrade that changes the code fails the
 * build with a message instead of shipping unpatched.
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
  {
    file: '@lit/reactive-element/css-tag.js',
    find: /"CSSResult is not constructable\. Use `unsafeCSS` or `css` instead\."/,
    replace: '"lit: CSSResult"',
  },
  { file: 'lit-html/lit-html.js', find: /"invalid template strings array"/, replace: '"lit: template"' },
  { file: '@lit/task/task.js', find: /"The args function must return an array"/, replace: '"task: args"' },
  { file: '@lit/task/task.js', find: /"Unexpected status: "/, replace: '"task: status "' },
];

/** @returns {import('rollup').Plugin} */
export function patchLit() {
  const applied = new Set();
  const seen = [];
  return {
    name: 'patch-lit',
    buildStart() {
      applied.clear();
      seen.length = 0;
    },
    transform(code, id) {
      const path = id.replaceAll('\\', '/');
      seen.push(path);
      const edits = EDITS.filter((edit) => path.endsWith(`node_modules/${edit.file}`));
      if (!edits.length) return null;
      for (const edit of edits) {
        const matches = code.match(new RegExp(edit.find, 'g'));
        if (matches?.length !== 1) {
          this.error(`patch-lit: expected one match of ${edit.find} in ${edit.file}, found ${matches?.length ?? 0}. Lit changed: update scripts/rollup-patch-lit.mjs.`);
        }
        code = code.replace(edit.find, edit.replace);
        applied.add(edit);
      }
      return { code, map: null };
    },
    // A file Lit moved or renamed is never transformed: that must fail too, when its
    // package is in the build at all (a bundle of Lit alone has no @lit/task).
    buildEnd(error) {
      const packageOf = (file) => file.split('/').slice(0, file.startsWith('@') ? 2 : 1).join('/');
      const missed = EDITS.filter(
        (edit) => !applied.has(edit) && seen.some((id) => id.includes(`node_modules/${packageOf(edit.file)}/`)),
      );
      if (!error && missed.length) {
        this.error(`patch-lit: ${missed.map((edit) => edit.file).join(', ')} not found in the bundle. Lit changed: update scripts/rollup-patch-lit.mjs.`);
      }
    },
  };
}
