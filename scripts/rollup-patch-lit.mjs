import { readFileSync } from 'node:fs';
import { parseLiterals } from '@lit-labs/rollup-plugin-minify-html-literals/lib/parse-literals.js';

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
 * - Lit features our templates never use are cut out (about 650 bytes of brotli):
 *   property, boolean-attribute, event and element bindings, attribute values that
 *   mix text and bindings, directives, SVG and
 *   MathML templates, bindings inside raw-text elements, prebuilt templates,
 *   attribute reflection, decorator metadata, `useDefault` and `taskComplete`.
 *   Lit chooses a binding's kind while parsing a template at run time, so tree-shaking
 *   cannot drop them. UNUSED_IN_SRC fails the build when our source starts to use one.
 *
 * Each edit must match exactly once: a Lit upgrade that changes the code fails the
 * build with a message instead of shipping unpatched. The bundle tests
 * (test/bundle/) run the widget on this build.
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
  // Every binding is an attribute binding (`name=${...}`) or a child binding.
  { file: 'lit-html/lit-html.js', find: /ctor:"\."===(\w)\[1\]\?\w+:"\?"===\1\[1\]\?\w+:"@"===\1\[1\]\?\w+:(\w+)/, replace: 'ctor:$2' },
  { file: 'lit-html/lit-html.js', find: /else \w\.startsWith\(\w\)&&\(\w\.push\(\{type:6,index:\w\}\),\w\.removeAttribute\(\w\)\)/, replace: '' },
  {
    file: 'lit-html/lit-html.js',
    find: /if\(\w\.test\(\w\.tagName\)\)\{const \w=\w\.textContent\.split\(\w\),\w=\w\.length-1;if\(\w>0\)\{.*?\w\.append\(\w\[\w\],\w\(\)\)\}\}/,
    replace: '',
  },
  // Every attribute binding is the whole value (`name=${...}`), never text and bindings mixed.
  { file: 'lit-html/lit-html.js', find: /,(\w)\.length>2\|\|""!==\1\[0\]\|\|""!==\1\[1\]\?\(this\._\$AH=Array\(\1\.length-1\)\.fill\(new String\),this\.strings=\1\):this\._\$AH=\w(?=\})/, replace: '' },
  { file: 'lit-html/lit-html.js', find: /const (\w)=this\.strings;let (\w)=!1;if\(void 0===\1\)(.*?);else\{const \w=\w;let \w,\w;for\(.*?,this\._\$AH\[\w\]=\w\}/, replace: 'let $2=!1;$3;' },
  { file: 'lit-html/lit-html.js', find: /void 0!==(\w)\.strings\?\(\1\._\$AI\((\w),\1,(\w)\),\3\+=\1\.strings\.length-2\):(\1\._\$AI\(\2\[\3\]\))/, replace: '$4' },
  // No directives: a value is rendered as it is.
  { file: 'lit-html/lit-html.js', find: /function (\w)\((\w),(\w),\w=\2,\w\)\{if\(\3===\w\)return \3;.*?\}(?=class )/, replace: 'function $1($2,$3){return $3}' },
  // Only HTML templates, and only those made by the html tag.
  { file: 'lit-html/lit-html.js', find: /(\w)=2===(\w)\?"<svg>":3===\2\?"<math>":""/, replace: '$1=""' },
  { file: 'lit-html/lit-html.js', find: /\+\(2===\w\?"<\/svg>":3===\w\?"<\/math>":""\)/, replace: '' },
  { file: 'lit-html/lit-html.js', find: /,2===\w\|\|3===\w\)\{const \w=this\.el\.content\.firstChild;\w\.replaceWith\(\.\.\.\w\.childNodes\)\}/, replace: ')' },
  { file: 'lit-html/lit-html.js', find: /(\w)="number"==typeof (\w)\?this\._\$AC\((\w)\):\(void 0===\2\.el&&\(\2\.el=\w\.createElement\(\w\(\2\.h,\2\.h\[0\]\),this\.options\)\),\2\)/, replace: '$1=this._$AC($3)' },
  // No property reflects to its attribute.
  { file: '@lit/reactive-element/reactive-element.js', find: /_\$ET\(\w,\w\)\{.*?\}(?=_\$AK\()/, replace: '' },
  { file: '@lit/reactive-element/reactive-element.js', find: /update\(\w\)\{this\._\$Eq&&=this\._\$Eq\.forEach\(\w=>this\._\$ET\(\w,this\[\w\]\)\),/, replace: 'update(){' },
  // Decorator metadata and `useDefault`: static properties use neither.
  {
    file: '@lit/reactive-element/reactive-element.js',
    find: /const \w=this\[\w+\.metadata\];if\(null!==\w\)\{const \w=litPropertyMetadata\.get\(\w\);if\(void 0!==\w\)for\(const\[\w,\w\]of \w\)this\.elementProperties\.set\(\w,\w\)\}/,
    replace: '',
  },
  {
    file: '@lit/reactive-element/reactive-element.js',
    find: /const \w=this\.constructor\.elementProperties;if\(\w\.size>0\)for\(const\[\w,\w\]of \w\)\{const\{wrapped:\w\}=\w,\w=this\[\w\];!0!==\w\|\|this\._\$AL\.has\(\w\)\|\|void 0===\w\|\|this\.C\(\w,void 0,\w,\w\)\}/,
    replace: '',
  },
  { file: '@lit/task/task.js', find: /get taskComplete\(\)\{return this\.t\|\|.*?,this\.t\}/, replace: '' },
  // Lit reads no globals either: the hooks for polyfills and hydration, which a host
  // page could also set to reach into Lit's internals, are not called.
  { file: 'lit-html/lit-html.js', find: /,(\w)=\w\.litHtmlPolyfillSupport;\1\?\.\(\w,\w\)/, replace: '' },
  { file: '@lit/reactive-element/reactive-element.js', find: /,(\w)=\w\.reactiveElementPolyfillSupport(?=,)/, replace: '' },
  { file: '@lit/reactive-element/reactive-element.js', find: /,\w\?\.\(\{ReactiveElement:\w\}\)/, replace: '' },
  {
    file: 'lit-element/lit-element.js',
    find: /,\w\.litElementHydrateSupport\?\.\(\{LitElement:\w\}\);const (\w)=\w\.litElementPolyfillSupport;\1\?\.\(\{LitElement:\w\}\);/,
    replace: ';',
  },
  // Attributes are read as strings or numbers, with Lit's default converter.
  {
    file: '@lit/reactive-element/reactive-element.js',
    find: /(\w)=\{toAttribute\(\w,\w\)\{switch.*?return \w\}\}(?=,)/,
    replace: '$1={fromAttribute:(t,s)=>s===Number&&null!==t?Number(t):t}',
  },
  {
    file: '@lit/reactive-element/reactive-element.js',
    find: /(\w)="function"==typeof (\w)\.converter\?\{fromAttribute:\2\.converter\}:void 0!==\2\.converter\?\.fromAttribute\?\2\.converter:(\w)/,
    replace: '$1=$3',
  },
  { file: '@lit/reactive-element/reactive-element.js', find: /static addInitializer\(\w\)\{.*?\}(?=static get observedAttributes)/, replace: '' },
  // Styles are adopted stylesheets (all browsers Lit 3 runs in, since 2023): no <style> fallback.
  { file: '@lit/reactive-element/css-tag.js', find: /(\w)=\w\.ShadowRoot&&\(void 0===\w\.ShadyCSS\|\|\w\.ShadyCSS\.nativeShadow\)&&"adoptedStyleSheets"in Document\.prototype&&"replace"in CSSStyleSheet\.prototype/, replace: '$1=!0' },
  { file: '@lit/reactive-element/css-tag.js', find: /\{if\((\w)\)(\w)\.adoptedStyleSheets=(.*?);else for\(.*?\}\}(?=,)/, replace: '{$2.adoptedStyleSheets=$3}' },
  { file: '@lit/reactive-element/css-tag.js', find: /(\w)=\w\?\w=>\w:\w=>\w instanceof CSSStyleSheet\?.*?\(\w\):\w(?=;export)/, replace: '$1=t=>t' },
  // Task: the options object form, run before each update, without autoRun,
  // initialValue or argsEqual.
  {
    file: '@lit/task/task.js',
    find: /const (\w)="object"==typeof (\w)\?\2:\{task:\2,args:\w\};(.*?)this\.m=\1\.argsEqual\?\?(\w),(.*?),this\.autoRun=\1\.autoRun\?\?!0,"initialValue"in \1&&\(.*?\)\}/,
    replace: 'const $1=$2;$3this.m=$4,$5}',
  },
  { file: '@lit/task/task.js', find: /hostUpdate\(\)\{!0===this\.autoRun&&this\.S\(\)\}hostUpdated\(\)\{"afterUpdate"===this\.autoRun&&this\.S\(\)\}/, replace: 'hostUpdate(){this.S()}' },
  { file: '@lit/task/task.js', find: /1===this\.i\?this\.q\?\.abort\(\):\(this\.t=void 0,this\.o=void 0,this\.h=void 0\)/, replace: '1===this.i&&this.q?.abort()' },
  { file: '@lit/task/task.js', find: /,this\.o\?\.\((\w)\)\}else\{(.*?),this\.h\?\.\(\w\)\}/, replace: '}else{$2}' },
  { file: '@lit/task/task.js', find: /"afterUpdate"===this\.autoRun\?queueMicrotask\(\(\(\)=>this\._\.requestUpdate\(\)\)\):(this\._\.requestUpdate\(\))/, replace: '$1' },
  // No directives, so nothing asks a part whether it is connected or where it is.
  { file: 'lit-element/lit-element.js', find: /connectedCallback\(\)\{super\.connectedCallback\(\),this\._\$Do\?\.setConnected\(!0\)\}disconnectedCallback\(\)\{super\.disconnectedCallback\(\),this\._\$Do\?\.setConnected\(!1\)\}/, replace: '' },
  { file: 'lit-element/lit-element.js', find: /this\.hasUpdated\|\|\(this\.renderOptions\.isConnected=this\.isConnected\),/, replace: '' },
  { file: 'lit-html/lit-html.js', find: /setConnected\(\w\)\{void 0===this\._\$AM&&\(this\._\$Cv=\w,this\._\$AP\?\.\(\w\)\)\}/, replace: '' },
  { file: 'lit-html/lit-html.js', find: /get startNode\(\)\{return this\._\$AA\}get endNode\(\)\{return this\._\$AB\}/, replace: '' },
  { file: 'lit-html/lit-html.js', find: /get tagName\(\)\{return this\.element\.tagName\}/, replace: '' },
  { file: 'lit-html/lit-html.js', find: /:6===(\w)\.type&&\(\w=new \w\(\w,this,\w\)\)/, replace: ':0' },
  { file: 'lit-html/lit-html.js', find: /get parentNode\(\)\{return this\._\$AM\.parentNode\}get _\$AU\(\)\{return this\._\$AM\._\$AU\}/, replace: '' },
  { file: 'lit-html/lit-html.js', find: /get _\$AU\(\)\{return this\._\$AM\?\._\$AU\?\?this\._\$Cv\}/, replace: '' },
  { file: 'lit-html/lit-html.js', find: /,this\._\$Cv=\w\?\.isConnected\?\?!0/, replace: '' },
  { file: 'lit-html/lit-html.js', find: /get parentNode\(\)\{let \w=this\._\$AA\.parentNode;.*?,\w\}(?=_\$AI\()/, replace: '' },
  { file: 'lit-html/lit-html.js', find: /(class \w\{)get _\$AU\(\)\{return this\._\$AM\._\$AU\}(constructor\(\w,\w,\w,\w,\w\)\{this\.type=1)/, replace: '$1$2' },
  // Properties: plain accessors, no `state` or `noAccessor` options, no initializers.
  {
    file: '@lit/reactive-element/reactive-element.js',
    find: /if\(\w\.state&&\(\w\.attribute=!1\),this\._\$Ei\(\),this\.prototype\.hasOwnProperty\(\w\)&&\(\((\w)=Object\.create\(\w\)\)\.wrapped=!0\),this\.elementProperties\.set\((\w),\w\),!\w\.noAccessor\)/,
    replace: 'if(this._$Ei(),this.elementProperties.set($2,$1),1)',
  },
  {
    file: '@lit/reactive-element/reactive-element.js',
    find: /const\{get:\w,set:\w\}=\w\(this\.prototype,(\w)\)\?\?\{get\(\)\{return this\[(\w)\]\},set\(\w\)\{this\[\w\]=\w\}\};return\{get:\w,set\((\w)\)\{const (\w)=\w\?\.call\(this\);\w\?\.call\(this,\w\),this\.requestUpdate\(\w,\w,(\w)\)\}/,
    replace: 'return{get(){return this[$2]},set(value){const old=this[$2];this[$2]=value,this.requestUpdate($1,old,$5)}',
  },
  { file: '@lit/reactive-element/reactive-element.js', find: /\|\|\w\.useDefault&&\w\.reflect&&\w===this\._\$Ej\?\.get\(\w\)&&!this\.hasAttribute\(\w\._\$Eu\(\w,\w\)\)/, replace: '' },
  {
    file: '@lit/reactive-element/reactive-element.js',
    find: /C\(\w,\w,\{useDefault:\w,reflect:\w,wrapped:\w\},\w\)\{.*?\}(?=async _\$EP)/,
    replace: 'C(t,s){this._$AL.has(t)||(this.hasUpdated||(s=void 0),this._$AL.set(t,s))}',
  },
  { file: '@lit/reactive-element/reactive-element.js', find: /this\[(\w)\]=(\w)\?\?this\._\$Ej\?\.get\(\1\)\?\?\2/, replace: 'this[$1]=$2' },
  { file: '@lit/reactive-element/reactive-element.js', find: /removeController\(\w\)\{this\._\$EO\?\.delete\(\w\)\}/, replace: '' },
  { file: '@lit/reactive-element/reactive-element.js', find: /,this\.constructor\.l\?\.forEach\(\w=>\w\(this\)\)/, replace: '' },
  { file: '@lit/reactive-element/reactive-element.js', find: /void 0!==(\w)\.l&&\(this\.l=\[\.\.\.\1\.l\]\),/, replace: '' },
  // One stylesheet, not a list of them.
  { file: '@lit/reactive-element/reactive-element.js', find: /static finalizeStyles\((\w)\)\{.*?return \w\}(?=static _\$Eu)/, replace: 'static finalizeStyles($1){return[$1]}' },
];

/**
 * What our source must not use, because the edits above cut it out of Lit. Checked in
 * the source of every file under src/ that the build reads, with unsupportedBindings.
 */
const UNUSED_IN_SRC = [
  { what: 'a directive, decorator or other Lit module', find: /from '(lit|lit-html|@lit\/reactive-element)\/[^']+'/ },
  { what: 'an SVG or MathML template', find: /\b(svg|mathml)`/ },
  { what: 'a reflecting, useDefault, state or noAccessor property', find: /\b(reflect|useDefault|state|noAccessor):/ },
  { what: 'a list of stylesheets, or removeController', find: /static override styles = \[|removeController/ },
  { what: 'Task.taskComplete, or the autoRun, initialValue or argsEqual options', find: /\b(taskComplete|autoRun|initialValue|argsEqual)\b/ },
  { what: 'a Task made from a function instead of an options object', find: /new Task\(this, (?!\{)/ },
  { what: 'an attribute converter or a Boolean, Object or Array attribute', find: /\b(converter:|type: (Boolean|Object|Array)\b)/ },
];

/** Stands for a binding in the joined text of a template. */
const BINDING = '\0';

/**
 * The bindings in `html` templates of `source` that the edits above leave Lit unable to
 * render, described: only child bindings and whole attribute values (`name=${...}`,
 * quoted or not) remain. Read from the template literals themselves, so the expressions
 * inside bindings (quotes, braces, nested templates) cannot hide anything.
 */
export function unsupportedBindings(source, fileName = 'source.ts') {
  const found = [];
  for (const { tag, parts } of parseLiterals(source, { fileName })) {
    if (tag !== 'html') continue;
    const markup = parts.map((part) => part.text).join(BINDING);
    if (/<(script|style|textarea|title)\b[^>]*>[^<]*\0/i.test(markup)) found.push('a binding inside a raw-text element');
    for (const [startTag] of markup.matchAll(/<[^\s>/!][^>]*>/g)) {
      const rest = startTag.replace(/([^\s"'>/=]+)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)/g, (_, name, value) => {
        if (!value.includes(BINDING)) return '';
        if (/^[.?@]/.test(name)) found.push(`a property, boolean-attribute or event binding (${name})`);
        else if (value.replace(/^(["'])(.*)\1$/s, '$2') !== BINDING) {
          found.push(`an attribute value mixing text and bindings (${name}); write ${name}=\${\`text \${value}\`}`);
        }
        return '';
      });
      if (rest.includes(BINDING)) found.push('a binding in a tag outside an attribute value');
    }
  }
  return found;
}

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
    // Our source as written: later plugins (the HTML minifier) change its templates.
    load(id) {
      const path = id.replaceAll('\\', '/');
      if (!path.includes('/src/') || path.includes('/node_modules/')) return null;
      const source = readFileSync(id, 'utf8');
      const uses = [...UNUSED_IN_SRC.filter((rule) => rule.find.test(source)).map((rule) => rule.what), ...unsupportedBindings(source, id)];
      if (uses.length) this.error(`patch-lit: ${path} uses ${uses.join('; ')}, which the bundle's Lit leaves out (scripts/rollup-patch-lit.mjs).`);
      return null;
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
