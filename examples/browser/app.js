// Pre-submit check: highlight flagged spans as the person types, and allow Post only when the
// verdict is "allow". It fails closed: a text over a limit, the checker failing to load or any
// error leaves Post disabled, with a visible message saying why. Serve the repository root
// statically and open /examples/browser/.
const post = document.getElementById("post");
const preview = document.getElementById("preview");
const why = document.getElementById("why");
const limit = document.getElementById("limit");
const reasons = document.getElementById("reasons");
const submit = document.getElementById("submit");

const ICON = { allow: "✓", review: "⚠", block: "✕", error: "✕", loading: "…" };
let matcher = null;

/** Shows the verdict line (the live region), only when it changes so it is not re-announced. */
function say(kind, label, detail) {
  const text = `${label}${detail ? ` — ${detail}` : ""}`;
  if (why.dataset.text === `${kind}:${text}`) return;
  why.dataset.text = `${kind}:${text}`;
  why.className = kind;
  const icon = document.createElement("span");
  icon.className = "icon";
  icon.setAttribute("aria-hidden", "true");
  icon.textContent = ICON[kind] ?? "";
  const strong = document.createElement("strong");
  strong.textContent = label;
  why.replaceChildren(...(kind ? [icon, " ", strong] : [strong]), detail ? ` — ${detail}` : "");
}

/** Puts the form in a state: Post is enabled only for a non-empty text whose verdict is allow. */
function setState(state, { invalid, canPost, limitText = "" }) {
  document.body.dataset.state = state;
  submit.disabled = !canPost;
  post.setAttribute("aria-invalid", String(invalid));
  limit.textContent = limitText;
  limit.hidden = limitText === "";
  post.setAttribute("aria-describedby", limitText ? "why limit" : "why");
}

/** A failure of the checker itself: nothing can be posted. */
function fail(message, error) {
  if (error) console.error(error);
  say("error", "Posting is turned off", message);
  setState("error", { invalid: true, canPost: false });
  reasons.hidden = true;
  reasons.replaceChildren();
}

const describe = (m) => `“${m.term}” (${m.category}, ${m.severity})`;

function render() {
  const text = post.value;
  const report = matcher.report(text);
  // Offsets are UTF-16 code units, exactly what String.prototype.slice takes.
  preview.replaceChildren();
  let at = 0;
  for (const m of report.matches) {
    preview.append(text.slice(at, m.start));
    const mark = document.createElement("mark");
    mark.textContent = text.slice(m.start, m.end);
    mark.className = `decision-${m.decision} severity-${m.severity}`;
    mark.title = `${m.term}: ${m.category}, ${m.severity}, ${m.decision} (${m.list}@${m.version})`;
    preview.append(mark);
    at = m.end;
  }
  preview.append(text.slice(at));

  // The reasons are the matches that drove the verdict, not every match.
  const terms = [...new Set(report.reasons.map(describe))];
  reasons.replaceChildren(...terms.map((t) => Object.assign(document.createElement("li"), { textContent: t })));
  reasons.hidden = terms.length === 0;
  const because = terms.length ? `it contains ${terms.join(", ")}` : "";

  let limitText = "";
  if (report.status === "error") {
    limitText = `Not checked: ${report.error.message}. Shorten the post to publish it.`;
  } else if (report.truncated) {
    limitText = `Too many flagged words to check in full: only the first ${report.matches.length} are marked, ` +
      "and the post can't be published as it is.";
  }

  const empty = text.trim() === "";
  if (report.status === "error") {
    say("review", "Not checked", "this post is too long to check, so it can't be published as it is.");
  } else if (report.verdict === "block") {
    say("block", "Blocked", `This post can't be published: ${because || "it has too many flagged words"}.`);
  } else if (report.verdict === "review") {
    say("review", "Needs review", `a moderator would have to approve this post: ${because || "it has too many flagged words to check"}. Edit it to post.`);
  } else if (empty) {
    say("", "", "");
  } else {
    say("allow", "Ready to post", "");
  }
  const allowed = report.verdict === "allow" && report.status === "scanned" && !report.truncated;
  setState(report.status === "error" ? "error" : report.truncated ? "limit" : report.verdict, {
    invalid: !allowed,
    canPost: allowed && !empty,
    limitText,
  });
}

function check() {
  try {
    render();
  } catch (e) {
    fail("the text could not be checked. Reload the page to try again.", e);
  }
}

try {
  const { default: init, Matcher } = await import("../../bindings/wasm/pkg/web/kavach_wasm.js");
  await init();
  matcher = new Matcher();
  post.disabled = false;
  post.addEventListener("input", check);
  document.getElementById("form").addEventListener("submit", (e) => {
    e.preventDefault();
    check();
    if (!submit.disabled) document.getElementById("posted").hidden = false;
  });
  check();
  post.focus();
  document.body.dataset.ready = "true";
} catch (e) {
  fail("the checker could not be loaded. Reload the page to try again.", e);
}
