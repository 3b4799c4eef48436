/**
 * Loaded after the test framework on every test page. web-test-runner sends results to
 * Node with structuredClone, which throws on a DOM node or a function; a failed assertion
 * whose `actual` or `expected` is one would leave the run hanging until its timeout with
 * no message (modernweb-dev/web#2967). This root hook turns such values into their
 * string form, so the failure is reported as it is.
 */
const cloneable = (value) => {
  try {
    structuredClone(value);
    return value;
  } catch {
    return String(value);
  }
};

window.mocha.rootHooks({
  afterEach() {
    const error = this.currentTest?.err;
    if (!error) return;
    error.actual = cloneable(error.actual);
    error.expected = cloneable(error.expected);
  },
});
