// Pre-submit check: highlight flagged spans as the person types, and disable submit when the
// verdict is "block". Serve the repository root statically and open /examples/browser/.
import init, { Matcher } from "../../bindings/wasm/pkg/web/kavach_wasm.js";

const post = document.getElementById("post");
const preview = document.getElementById("preview");
const why = document.getElementById("why");
const submit = document.getElementById("submit");

await init();
const matcher = new Matcher();
post.disabled = false;
post.focus();

function render() {
  const text = post.value;
  const matches = matcher.find(text);
  const verdict = matcher.verdict(text);
  // Offsets are UTF-16 code units, exactly what String.prototype.slice takes.
  preview.replaceChildren();
  let at = 0;
  for (const m of matches) {
    preview.append(text.slice(at, m.start));
    const mark = document.createElement("mark");
    mark.textContent = text.slice(m.start, m.end);
    mark.title = `${m.term}: ${m.category}, ${m.severity} (${m.list}@${m.version})`;
    if (verdict.decision !== "block") mark.className = "review";
    preview.append(mark);
    at = m.end;
  }
  preview.append(text.slice(at));
  const terms = [...new Set(matches.map((m) => `“${m.term}” (${m.category}, ${m.severity})`))].join(", ");
  submit.disabled = text.trim() === "" || verdict.decision === "block";
  why.className = verdict.decision;
  why.textContent =
    verdict.decision === "block" ? `This post can't be published: it contains ${terms}.`
    : verdict.decision === "review" ? `This post will be reviewed before it appears: it contains ${terms}.`
    : "";
}

post.addEventListener("input", render);
document.getElementById("form").addEventListener("submit", (e) => {
  e.preventDefault();
  render();
  if (!submit.disabled) document.getElementById("posted").hidden = false;
});
render();
document.body.dataset.ready = "true";
