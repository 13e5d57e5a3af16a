// The page's side of the worker: `check(text)` resolves to the core's report (UTF-16 offsets,
// as on the main thread) or rejects. It fails closed: if the worker cannot start or dies, every
// pending check and every later one rejects, so a caller that posts only on a resolved "allow"
// never posts unchecked text.

/** Starts the worker; returns `{ check(text): Promise<report>, close() }`. */
export function startChecker() {
  // The `new URL(..., import.meta.url)` form is what webpack 5 and Vite bundle as a worker.
  const worker = new Worker(new URL("./kavach-worker.mjs", import.meta.url), { type: "module" });
  const pending = new Map();
  let nextId = 0;
  let broken = null;

  const failAll = (error) => {
    broken = error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.onerror = (e) => failAll(new Error(`kavach worker failed: ${e.message || "could not load"}`));
  worker.onmessageerror = () => failAll(new Error("kavach worker: a reply could not be read"));
  worker.onmessage = ({ data: { id, report, error } }) => {
    const request = pending.get(id);
    if (!request) return;
    pending.delete(id);
    if (error) request.reject(Object.assign(new Error(error.message), { name: "KavachError", code: error.code }));
    else request.resolve(report);
  };

  return {
    check(text) {
      if (broken) return Promise.reject(broken);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, text });
      });
    },
    close() {
      worker.terminate();
      failAll(new Error("kavach worker closed"));
    },
  };
}
