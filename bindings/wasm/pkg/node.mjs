// Node's ES module entry: the CommonJS glue (which loads the module when it is required) with
// the browser entry's shape, so `import init, { Matcher } from "kavach"` runs unchanged in Node
// (server-side rendering, tests): `init` resolves at once, as the module is ready.
import glue from "./node/kavach_wasm.js";

export * from "./node/kavach_wasm.js";

export default async function init() {
  return glue;
}

export function initSync() {
  return glue;
}
