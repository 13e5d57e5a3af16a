// A long text checked off the main thread. Bundle with webpack 5 or Vite (they follow
// `new Worker(new URL(...))` and the .wasm's `new URL(...)`), then open index.html.
import { startChecker } from "./checker.mjs";

const checker = startChecker();
const output = document.getElementById("result");

document.getElementById("check").addEventListener("click", async () => {
  const text = document.getElementById("text").value;
  output.textContent = "Checking…";
  try {
    const report = await checker.check(text);
    const terms = report.matches.map((m) => `${m.term} at ${m.start}–${m.end}`);
    output.textContent = `${report.verdict}${terms.length ? `: ${terms.join(", ")}` : ""}`;
    output.dataset.verdict = report.verdict;
  } catch (e) {
    // Fail closed: an error is never "allow".
    output.textContent = `Not checked (${e.message}), so it cannot be posted.`;
    output.dataset.verdict = "error";
  }
});
