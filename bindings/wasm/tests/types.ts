// Compiled with `tsc --noEmit --strict` by `make wasm-test`: the package's declarations type a
// real use of the API (no `any`).
import { Matcher, bundledLists, installPrecompiled, type Match, type Report, type Verdict, type KavachError } from "../pkg/node/kavach_wasm.js";

const m: Matcher = new Matcher({ lists: ["en"], extraLists: [{ text: "zork\n", format: "txt", severity: "low" }], blockAt: "medium" });
const found: Match[] = m.find("what the f.u.c.k");
const spans: Array<[number, number]> = found.map((x) => [x.start, x.end]);
const severities: ("low" | "medium" | "high" | "critical")[] = found.map((x) => x.severity);
const v: Verdict = m.verdict("zork");
const blocked: boolean = v.decision === "block" && v.maxSeverity !== null;
const masked: string = m.censor("zork", { mask: "#", keepFirst: true });
const reason: string | null = v.reason;
const r: Report = m.report("zork");
const why: string[] = r.reasons.map((x) => `${x.term} (${x.severity}, ${x.decision})`);
const failed: string | null = r.status === "error" && r.error !== null ? r.error.code : null;
const cut: boolean = r.truncated && r.verdict !== "allow" && r.max_severity !== "low";
const own = new Matcher({ bundled: false, extraLists: [{ text: "zork\n", format: "txt" }], maxMatches: null, maxInputBytes: 0 });
own.free();
const ids: string[] = bundledLists();
installPrecompiled(new Uint8Array(0) /* throws: not the package's file */);
const fast: boolean = new Matcher().precompiled;
void fast;
try {
  new Matcher({ lists: ["nope"] });
} catch (e) {
  const err = e as KavachError;
  const where: string = `${err.file ?? "?"}:${err.line ?? 0}: ${err.code}`;
  void where;
}
void spans, severities, blocked, masked, ids, reason, why, failed, cut;
m.free();

// Wrong uses must not compile (an `any` in the declarations would let them through).
// @ts-expect-error: reviewAt is a Severity
new Matcher({ reviewAt: "awful" });
// @ts-expect-error: find returns Match objects, not strings
const notStrings: string[] = new Matcher().find("x");
// @ts-expect-error: isMatch takes a string
new Matcher().isMatch(42);
// @ts-expect-error: report takes a string
new Matcher().report(null);
// @ts-expect-error: bundled is a boolean
new Matcher({ bundled: "no" });
// @ts-expect-error: a report's verdict is a Decision
const notDecision: "maybe" = new Matcher().report("x").verdict;
// @ts-expect-error: installPrecompiled takes the file's bytes, not its name
installPrecompiled("kavach_bundled.bin");
void notStrings, notDecision;
