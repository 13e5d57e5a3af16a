// The matcher in a Web Worker: building it (the first `new Matcher()`) and scanning a long text
// take the worker's time, not the page's, so typing and scrolling stay smooth. One matcher is
// built when the worker starts and answers every request; each reply carries the request's id.
import init, { Matcher } from "kavach";

const matcher = init().then(() => new Matcher());

self.onmessage = async ({ data: { id, text } }) => {
  try {
    // report() never throws for a limit: over one it fails closed (verdict review, status error).
    self.postMessage({ id, report: (await matcher).report(text) });
  } catch (e) {
    // A text that is not a string, or the module failing to load: the page must not allow it.
    self.postMessage({ id, error: { code: e.code ?? "worker", message: String(e.message ?? e) } });
  }
};
