export * from "./node/kavach_wasm.js";
/** Resolves at once in Node: the module is loaded when the package is imported. */
export default function init(input?: unknown): Promise<unknown>;
/** Returns at once in Node: the module is loaded when the package is imported. */
export function initSync(input?: unknown): unknown;
