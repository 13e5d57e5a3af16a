// Compiled with `tsc --noEmit --strict` by `make wasm-test`: the package's declarations type a
// real use of the API (no `any`).
import { Matcher, bundledLists, type Match, type Verdict, type KavachError } from "../pkg/node/kavach_wasm.js";

const m: Matcher = new Matcher({ lists: ["en"], extraLists: [{ text: "zork\n", format: "txt", severity: "low" }], blockAt: "medium" });
const found: Match[] = m.find("what the f.u.c.k");
const spans: Array<[number, number]> = found.map((x) => [x.start, x.end]);
const severities: ("low" | "medium" | "high" | "critical")[] = found.map((x) => x.severity);
const v: Verdict = m.verdict("zork");
const blocked: boolean = v.decision === "block" && v.maxSeverity !== null;
const masked: string = m.censor("zork", { mask: "#", keepFirst: true });
const ids: string[] = bundledLists();
try {
  new Matcher({ lists: ["nope"] });
} catch (e) {
  const err = e as KavachError;
  const where: string = `${err.file ?? "?"}:${err.line ?? 0}: ${err.code}`;
  void where;
}
void spans, severities, blocked, masked, ids;
m.free();

// Wrong uses must not compile (an `any` in the declarations would let them through).
// @ts-expect-error: reviewAt is a Severity
new Matcher({ reviewAt: "awful" });
// @ts-expect-error: find returns Match objects, not strings
const notStrings: string[] = new Matcher().find("x");
// @ts-expect-error: isMatch takes a string
new Matcher().isMatch(42);
void notStrings;
