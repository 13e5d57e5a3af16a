export * from "./web/kavach_wasm.js";
/** Compiles the module, which this entry holds inline; call it once before `new Matcher()`. */
export default function init(): Promise<unknown>;
