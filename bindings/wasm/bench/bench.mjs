// find() throughput of kavach (WebAssembly, in Node) against obscenity (pinned in
// ../package.json), in one run on the same generated tweets (a benchmark, not a test).
//
//   cd bindings/wasm && npm ci && node bench/bench.mjs [tweets]
//
// Seeded tweet-like posts of 8-24 chat words, one in five with a profanity (plain or
// obfuscated); one call per tweet for both. Hit counts are checked first so a broken setup
// cannot look fast. obscenity uses its English dataset with the recommended transformers.
import { createRequire } from "node:module";
import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from "obscenity";

const require = createRequire(import.meta.url);
const { Matcher } = require("../pkg");

const CHAT = ("the a to and of is it you that this for on with was just so what my we have not are be at " +
  "lol today game match really great love people think know time new good going why can't " +
  "don't happy birthday traffic weather class assessment cocktail Scunthorpe analysis 😀 🔥 👍 " +
  "#monday @friend 2024 100%").split(" ");
const OFFENSIVE = ["fuck", "shit", "bitch", "asshole", "bullshit", "damn", "f.u.c.k", "sh1t", "ｆｕｃｋ", "fuuuuck"];

function corpus(n, seed = 7) {
  let s = seed >>> 0;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const out = [];
  for (let i = 0; i < n; i++) {
    const words = Array.from({ length: 8 + Math.floor(rand() * 17) }, () => pick(CHAT));
    if (rand() < 0.2) words.splice(Math.floor(rand() * words.length), 0, pick(OFFENSIVE));
    out.push(words.join(" "));
  }
  return out;
}

function time(f, texts, repeat = 3) {
  let best = Infinity, result;
  for (let r = 0; r < repeat; r++) {
    const t0 = process.hrtime.bigint();
    result = f(texts);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return [best, result];
}

const n = Number(process.argv[2] ?? 100_000);
const texts = corpus(n);
const bytes = texts.reduce((a, t) => a + Buffer.byteLength(t), 0);
const mbps = (secs, b = bytes) => b / secs / 1e6;

const kavach = new Matcher({ lists: ["en"] });
const [kSecs, kRes] = time((ts) => ts.map((t) => kavach.find(t)), texts);
const kHits = kRes.filter((r) => r.length).length;
if (kHits < n / 10) throw new Error(`kavach found too little: ${kHits}`);
const [iSecs] = time((ts) => ts.map((t) => kavach.isMatch(t)), texts);

const obscenity = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
const slow = texts.slice(0, Math.min(n, 20_000));
const slowBytes = slow.reduce((a, t) => a + Buffer.byteLength(t), 0);
const [oSecs, oRes] = time((ts) => ts.map((t) => obscenity.getAllMatches(t)), slow, 1);
const oHits = oRes.filter((r) => r.length).length;
if (oHits < slow.length / 10) throw new Error(`obscenity found too little: ${oHits}`);

console.log(`${n} tweets, ${(bytes / 1e6).toFixed(1)} MB; Node ${process.version}`);
console.log(`  kavach find (wasm), one call per tweet      ${mbps(kSecs).toFixed(2).padStart(8)} MB/s  ${kHits} texts with a match`);
console.log(`  kavach isMatch (wasm), one call per tweet   ${mbps(iSecs).toFixed(2).padStart(8)} MB/s`);
console.log(`  obscenity 0.4.6 getAllMatches (${slow.length} tweets)  ${mbps(oSecs, slowBytes).toFixed(2).padStart(8)} MB/s  ${oHits} texts with a match`);
console.log(`ratio kavach find / obscenity: ${(mbps(kSecs) / mbps(oSecs, slowBytes)).toFixed(1)}`);
