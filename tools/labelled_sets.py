#!/usr/bin/env python3
"""Public, human-labelled abusive-language corpora as JSON Lines, for mining word-list candidates.

Each set below is read from a snapshot of a public GitHub repository (a bare git directory, as
`fetch` leaves it under the mirror root: MIRROR/<owner>+<name>/repo), at a pinned commit, with
`git show COMMIT:PATH`; nothing is downloaded here. Every set becomes OUT/<set>.jsonl, one
{"text": ..., "label": 0|1} a line (1 = offensive / abusive / hateful / hostile / aggressive,
0 = clean), exact duplicate texts merged (majority label; a tie is dropped), and OUT/SOURCES.tsv
records where each set comes from, its label mapping and its row counts. A set whose snapshot is
absent is skipped with a message.

    python3 tools/labelled_sets.py [--mirror /work/.mirror] [--out /work/data/labelled] [SET ...]
    python3 tools/labelled_sets.py --list

The fetched snapshots and the converted data stay outside the repository: never commit them, and
never point OUT inside the checkout. Feed the output to `kavach list mine FILE.jsonl`.

Some corpora are reserved for independent evaluation (RESERVED below). They are refused by name,
by repository, by file name, and a snapshot that bundles any of them is refused as a whole.
Python 3.11, standard library only.
"""
import argparse
import collections
import csv
import io
import json
import pathlib
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

csv.field_size_limit(1 << 24)

# Reserved for independent evaluation: never search for, fetch, read or convert these, nor copies,
# derivatives, or repositories that bundle them. Matched case-insensitively against set names,
# repositories, file paths, and every file name in a snapshot's tree at the pinned commit.
RESERVED = {
    "Davidson et al. 2017": [r"t-davidson/hate-speech-and-offensive-language",
                             r"hate-speech-and-offensive-language", r"(^|/)labeled_data\.csv$",
                             r"\bdavidson\b"],
    "TRAC-1 (2018)": [r"kmi-linguistics/trac-1", r"\btrac-?1\b", r"(^|/)agr_(en|hi)_(train|dev|test)",
                      r"trac-gold"],
    "MACD": [r"sharechatai/macd", r"\bmacd\b"],
    "HateCheckHIn": [r"hate-alert/hatecheckhin", r"hatecheckhin"],
    "OLID / OffensEval 2019": [r"\bolid\b", r"olid-training", r"testset-level[abc]", r"labels-level[abc]",
                               r"offenseval"],
    "HOT (Mathur et al. 2018)": [r"pmathur5k10/hinglish-offensive-text-classification",
                                 r"hinglish-offensive-text-classification", r"pmathur5k10"],
}
RESERVED_RE = [(name, re.compile(p, re.I)) for name, ps in RESERVED.items() for p in ps]


def reserved(s):
    """The reserved corpus `s` names or points at, or None."""
    for name, rx in RESERVED_RE:
        if rx.search(s):
            return name
    return None


# --- readers: bytes of the set's files (in the order of `files`) -> (text, label or None) ---

def decode(b):
    return b.decode("utf-8-sig")


def csv_dicts(b, delimiter=","):
    return list(csv.DictReader(io.StringIO(decode(b), newline=""), delimiter=delimiter))


def labelled(rows, text_col, label_col, mapping):
    for r in rows:
        yield r.get(text_col), mapping.get((r.get(label_col) or "").strip())


HOF = {"HOF": 1, "NOT": 0}


def read_hasoc2019_en(blobs):
    yield from labelled(csv_dicts(blobs[0], "\t"), "text", "task_1", HOF)


def read_hasoc2020(blobs):
    """The training file has no header row (tweet_id, text, task1, task2, ID); the test file has."""
    for b in blobs:
        rows = list(csv.reader(io.StringIO(decode(b), newline="")))
        if rows and rows[0][:3] == ["tweet_id", "text", "task1"]:
            rows = rows[1:]
        for r in rows:
            if len(r) >= 3:
                yield r[1], HOF.get(r[2].strip())


def read_hasoc2021_en(blobs):
    train, test, gold = blobs
    yield from labelled(csv_dicts(train), "text", "task_1", HOF)
    # test gold of sub-task B only: NONE = NOT, HATE/OFFN/PRFN = HOF
    fine = {r["_id"]: r["task_2"].strip() for r in csv_dicts(gold)}
    for r in csv_dicts(test):
        t2 = fine.get(r["_id"])
        yield r["text"], None if t2 is None else int(t2 != "NONE")


def read_xlsx(b):
    """Rows of the first sheet of an .xlsx workbook, as lists of cell strings."""
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    t_tag = "{%s}t" % ns["m"]
    z = zipfile.ZipFile(io.BytesIO(b))
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", ns):
            shared.append("".join(t.text or "" for t in si.iter(t_tag)))
    sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    out = []
    for row in sheet.find("m:sheetData", ns).findall("m:row", ns):
        cells = {}
        for c in row.findall("m:c", ns):
            col = re.match(r"[A-Z]+", c.get("r")).group()
            v = c.find("m:v", ns)
            if c.get("t") == "s":
                cells[col] = shared[int(v.text)]
            elif c.get("t") == "inlineStr":
                cells[col] = "".join(t.text or "" for t in c.iter(t_tag))
            else:
                cells[col] = v.text if v is not None and v.text else ""
        width = max((_col_index(k) for k in cells), default=0)
        out.append([cells.get(_col_name(i), "") for i in range(1, width + 1)])
    return out


def _col_index(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _col_name(i):
    s = ""
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def read_hasoc2021_hi(blobs):
    rows = read_xlsx(blobs[0])
    head = rows[0]
    ti, li = head.index("text"), head.index("task1")
    for r in rows[1:]:
        r = r + [""] * (len(head) - len(r))
        yield r[ti], HOF.get(r[li].strip())


def read_hatexplain(blobs):
    m = {"hatespeech": 1, "offensive": 1, "normal": 0}
    for b in blobs:
        yield from labelled(csv_dicts(b, "\t"), "text", "label", m)


TRAC_A = {"OAG": 1, "CAG": 1, "NAG": 0}


def read_trac2(blobs):
    for b in blobs:
        yield from labelled(csv_dicts(b), "Text", "Sub-task A", TRAC_A)


def read_ethos(blobs):
    """`comment;isHate` lines, re-saved with every comma of the text split into padded CSV columns
    (13 a row) and some decimal commas: re-join the columns, split at the last `;`."""
    rows = list(csv.reader(io.StringIO(decode(blobs[0]), newline="")))
    for r in rows[1:]:
        line = ",".join(r).rstrip(",")
        if ";" not in line:
            continue
        text, score = line.rsplit(";", 1)
        try:
            v = float(score.strip().replace(",", "."))
        except ValueError:
            continue
        yield text, int(v >= 0.5)


def read_jigsaw_sample(blobs):
    cols = ["toxic", "severe_toxic", "obscene", "threat", "insult", "identity_hate"]
    for r in csv_dicts(blobs[0]):
        yield r["comment_text"], int(any(r[c].strip() == "1" for c in cols))


def read_ichcl2021(blobs):
    """Zipped folders of conversation trees: <topic>/<tweet id>/data.json (tweet, comments,
    replies) and labels.json ({id: HOF|NONE}); every tweet, comment and reply is one text."""
    m = {"HOF": 1, "NONE": 0}
    for b in blobs:
        z = zipfile.ZipFile(io.BytesIO(b))
        names = set(z.namelist())
        for name in sorted(names):
            if not name.endswith("/data.json"):
                continue
            lab_name = name[: -len("data.json")] + "labels.json"
            if lab_name not in names:
                continue
            labels = json.loads(z.read(lab_name))
            stack = [json.loads(z.read(name))]
            while stack:
                node = stack.pop()
                if isinstance(node, list):
                    stack.extend(node)
                    continue
                if not isinstance(node, dict):
                    continue
                if "tweet" in node:
                    yield node["tweet"], m.get(labels.get(str(node.get("tweet_id"))))
                stack.extend(node.get("comments") or [])
                stack.extend(node.get("replies") or [])


def read_thar(blobs):
    yield from labelled(csv_dicts(blobs[0]), "Comment", "SubTask1",
                        {"AntiReligion": 1, "Non-AntiReligion": 0})


def read_hinglish_politics(blobs):
    """Tweets re-collected by tweet id; rows whose tweet is gone have no text."""
    for r in csv_dicts(blobs[0]):
        if not (r.get("tweet_id") or "").strip():
            continue
        yield r.get("tweet_text"), {"1": 1, "0": 0}.get((r.get("offense") or "").strip())


def read_constraint2021(blobs):
    """Header-less `post,labels` rows; labels a comma list of non-hostile | fake, hate, offensive,
    defamation. Only hate/offensive count as abusive; fake- or defamation-only posts are left out."""
    for b in blobs:
        for r in csv.reader(io.StringIO(decode(b), newline="")):
            if len(r) < 2:
                continue
            labs = {x.strip() for x in r[1].split(",")}
            if labs & {"hate", "offensive"}:
                yield r[0], 1
            elif labs == {"non-hostile"}:
                yield r[0], 0
            else:
                yield r[0], None


# --- the sets -----------------------------------------------------------------------------

SETS = [
    # English
    dict(name="hasoc2019-en", lang="en", repo="MdAmirAnsari/Hate-speech-Detector-Project",
         files=[("4dfc64b84a55c65e504a6dd870c43f3d1c70150c", "data/english_dataset.tsv")],
         read=read_hasoc2019_en, mapping="task_1 HOF=1 NOT=0",
         note="HASOC 2019 English training set only (no labelled test set found)"),
    dict(name="hasoc2020-en", lang="en", repo="HunterHeidy/HASOC2020",
         files=[("82005d256e2ee01a841cef4bba3e6ad2e0ea50c0", "data/hasoc_2020_en_train.csv"),
                ("82005d256e2ee01a841cef4bba3e6ad2e0ea50c0", "data/english_test_1509.csv")],
         read=read_hasoc2020, mapping="task1 HOF=1 NOT=0",
         note="train + labelled test; tweets are 2019 Twitter, HASOC 2020 labels are noisy"),
    dict(name="hasoc2021-en", lang="en", repo="swetha4444/HASOC2021",
         files=[("558a5790b20dcd4ab83298e36ce195d88334493a", "preprocess_data.csv"),
                ("a5d446d3604e3844927933ac3dbfcfeb8da283bd", "en_Hasoc2021_test_task1.csv"),
                ("5ce77377ae58e2e823cc15d2938bdb8e5468fcdd", "Paper/Results/1B_English_GOLD.csv")],
         read=read_hasoc2021_en,
         mapping="train task_1 HOF=1 NOT=0; test gold task_2 NONE=0 HATE/OFFN/PRFN=1 (joined on _id)",
         note="raw `text` column of the participants' copy (files deleted later in the repository); "
              "UTF-8-read-as-cp1252 runs repaired", mojibake=True),
    dict(name="hatexplain", lang="en", repo="ChrisIsKing/Learning-From-Rules",
         files=[("bf986cc3f34e16845f22ca1cf1849256bedcdd6d", "data/hatexplain/train.csv"),
                ("bf986cc3f34e16845f22ca1cf1849256bedcdd6d", "data/hatexplain/valid.csv"),
                ("bf986cc3f34e16845f22ca1cf1849256bedcdd6d", "data/hatexplain/test.csv")],
         read=read_hatexplain, mapping="majority label hatespeech=1 offensive=1 normal=0",
         note="HateXplain splits as normalised tokens: lower case, <user>/<number> placeholders"),
    dict(name="trac2-en", lang="en", repo="NiloofarSafi/TRAC-2",
         files=[("a95bde27b45be6a30db2f0b3f181127f92942a3c", "eng/trac2_eng_train.csv"),
                ("a95bde27b45be6a30db2f0b3f181127f92942a3c", "eng/trac2_eng_dev.csv")],
         read=read_trac2, mapping="Sub-task A OAG=1 CAG=1 NAG=0",
         note="TRAC-2 (2020) train + dev; test has no labels; CAG (covert) rarely lexical"),
    dict(name="ethos", lang="en", repo="Vaishnavi-Phadtare/Hate_speech_detection",
         files=[("b140da51fa142a62701f3688e570b975e90f2cf2", "Ethos_Dataset_Binary.csv")],
         read=read_ethos, mapping="isHate >= 0.5 =1, else 0",
         note="ETHOS binary, a re-saved copy (columns split at commas; rejoined)"),
    dict(name="jigsaw-sample", lang="en", repo="IBM/MAX-Toxic-Comment-Classifier",
         files=[("8170c0baa2bd05b0ef048835df2a875b03dd1854", "samples/test_examples.csv")],
         read=read_jigsaw_sample, mapping="any of toxic/severe_toxic/obscene/threat/insult/identity_hate =1",
         note="101 lower-cased comments of the Jigsaw toxic-comment test set"),
    # Romanised Hindi / Hinglish (code-mixed)
    dict(name="ichcl2021", lang="hi-Latn", repo="AditiBagora/Hasoc2021CodeMix",
         files=[("aebf90045beb407b0b2c75648d8f52f29c72f2b2", "Dataset/data-20220220T075606Z-001.zip"),
                ("aebf90045beb407b0b2c75648d8f52f29c72f2b2", "Dataset/test-20220220T075607Z-001.zip")],
         read=read_ichcl2021, mapping="HOF=1 NONE=0 (per tweet, comment and reply)",
         note="HASOC 2021 ICHCL; labels were given in conversational context"),
    dict(name="thar", lang="hi-Latn", repo="aakash-dl/THAR",
         files=[("da7c2d99dda0bc16fc7b1fa273965182b661213d", "THAR-Dataset.csv")],
         read=read_thar, mapping="SubTask1 AntiReligion=1 Non-AntiReligion=0",
         note="YouTube comments, religion-targeted hate only"),
    dict(name="hinglish-politics", lang="hi-Latn", repo="shikharras/cm-hate-speech-detection",
         files=[("93b9e845f15ec813daef1b69f056da3136ae12fb", "data/filled_10k.csv")],
         read=read_hinglish_politics, mapping="offense 1=1 0=0 (aggression column ignored)",
         note="Indian-politics tweets (aggression/offense, probably Nafis et al. 2023) re-scraped"),
    dict(name="trac2-hi", lang="hi-Latn", repo="NiloofarSafi/TRAC-2",
         files=[("a95bde27b45be6a30db2f0b3f181127f92942a3c", "hin/trac2_hin_train.csv"),
                ("a95bde27b45be6a30db2f0b3f181127f92942a3c", "hin/trac2_hin_dev.csv")],
         read=read_trac2, mapping="Sub-task A OAG=1 CAG=1 NAG=0",
         note="TRAC-2 (2020) Hindi train + dev; mostly Romanised, part Devanagari"),
    # Devanagari Hindi
    dict(name="hasoc2020-hi", lang="hi", repo="HunterHeidy/HASOC2020",
         files=[("82005d256e2ee01a841cef4bba3e6ad2e0ea50c0", "data/hindi_test_1509.csv")],
         read=read_hasoc2020, mapping="task1 HOF=1 NOT=0",
         note="HASOC 2020 Hindi labelled test set only"),
    dict(name="hasoc2021-hi", lang="hi", repo="Akshaya-04/HASOC-2021",
         files=[("f6c224d4e4548e67dc8b72ca6bbe5763d295fe7f", "HASOC-Hindi2021(train).xlsx")],
         read=read_hasoc2021_hi, mapping="task1 HOF=1 NOT=0",
         note="HASOC 2021 Hindi training set (test labels not found)"),
    dict(name="constraint2021-hi", lang="hi", repo="kamalojasv181/Hostility-Detection-in-Hindi-Posts",
         files=[("9a0180d3c5b396e48ebe627acace3a750225c8c8", "Dataset/constraint_Hindi_Train - Sheet1.csv"),
                ("9a0180d3c5b396e48ebe627acace3a750225c8c8", "Dataset/Constraint_Hindi_Valid - Sheet1.csv")],
         read=read_constraint2021,
         mapping="hate or offensive =1; non-hostile =0; fake/defamation only: dropped",
         note="CONSTRAINT 2021 Hindi hostility, train + validation"),
]


# --- snapshots ----------------------------------------------------------------------------

def git_dir(mirror, repo):
    base = mirror / repo.replace("/", "+")
    for d in (base / "repo" / ".git", base / "repo", base):
        if (d / "HEAD").is_file() and (d / "objects").is_dir():
            return d
    return None


def git(gd, *args):
    p = subprocess.run(["git", "--git-dir", str(gd), *args], capture_output=True)
    if p.returncode:
        raise RuntimeError(p.stderr.decode(errors="replace").strip())
    return p.stdout


def refusal(s, gd):
    """Why set `s` may not be read (a reserved corpus it names, points at or is bundled with)."""
    for what in [s["name"], s["repo"], *[p for _, p in s["files"]]]:
        hit = reserved(what)
        if hit:
            return f"{what!r} is reserved ({hit})"
    for commit in {c for c, _ in s["files"]}:
        for name in git(gd, "ls-tree", "-r", "--name-only", commit).decode(errors="replace").splitlines():
            hit = reserved(name)
            if hit:
                return f"{s['repo']}@{commit[:7]} bundles {name!r} ({hit})"
    return None


# UTF-8 read as Windows-1252 ("donâ€™t", "ðŸ˜‚"), as in the HASOC 2021 English tweets: runs of such
# characters are turned back into bytes and decoded again; a run that does not decode is kept.
CP1252_RUN = re.compile("[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6"
                        "\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a"
                        "\u20ac\u2122]{2,}")


def fix_mojibake(text):
    def undo(m):
        run = m.group()
        try:
            raw = bytes(ord(c) if ord(c) < 256 else c.encode("cp1252")[0] for c in run)
            return raw.decode("utf-8")
        except (UnicodeDecodeError, UnicodeEncodeError):
            return run
    return CP1252_RUN.sub(undo, text)


DEVANAGARI = re.compile(r"[\u0900-\u097F]")
LATIN = re.compile(r"[A-Za-z]")


def convert(s, gd, out):
    blobs = [git(gd, "show", f"{c}:{p}") for c, p in s["files"]]
    seen = collections.OrderedDict()
    read = unlabelled = empty = 0
    for text, label in s["read"](blobs):
        read += 1
        text = (text or "").strip()
        if s.get("mojibake"):
            text = fix_mojibake(text)
        if not text:
            empty += 1
            continue
        if label not in (0, 1):
            unlabelled += 1
            continue
        seen.setdefault(text, []).append(label)
    rows, ties, conflicts = [], 0, 0
    for text, labels in seen.items():
        pos = sum(labels)
        if 0 < pos < len(labels):
            conflicts += 1
        if 2 * pos == len(labels):
            ties += 1
            continue
        rows.append((text, int(2 * pos > len(labels))))
    path = out / f"{s['name']}.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for text, label in rows:
            f.write(json.dumps({"text": text, "label": label}, ensure_ascii=False) + "\n")
    deva = sum(1 for t, _ in rows if len(DEVANAGARI.findall(t)) > len(LATIN.findall(t)))
    notes = [s["note"], f"{read} read", f"{empty} empty", f"{unlabelled} unmapped label",
             f"{read - empty - unlabelled - len(seen)} duplicates merged",
             f"{conflicts} texts with conflicting labels ({ties} ties dropped)",
             f"{deva} mostly Devanagari"]
    return len(rows), sum(l for _, l in rows), "; ".join(notes)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sets", nargs="*", help="only these sets (default: all)")
    ap.add_argument("--mirror", default="/work/.mirror", type=pathlib.Path)
    ap.add_argument("--out", default="/work/data/labelled", type=pathlib.Path)
    ap.add_argument("--list", action="store_true", help="list the sets and the reserved corpora")
    a = ap.parse_args()
    if a.list:
        for s in SETS:
            print(f"{s['name']:20} {s['lang']:8} {s['repo']}  [{s['mapping']}]")
        print("\nreserved, refused:", ", ".join(RESERVED))
        return
    for name in a.sets:
        hit = reserved(name)
        if hit:
            sys.exit(f"refused: {name!r} is reserved for independent evaluation ({hit})")
    unknown = set(a.sets) - {s["name"] for s in SETS}
    if unknown:
        sys.exit(f"unknown set(s): {', '.join(sorted(unknown))} (see --list)")
    repo_root = pathlib.Path(__file__).resolve().parent.parent
    out = a.out.resolve()
    if out == repo_root or repo_root in out.parents:
        sys.exit(f"refused: {out} is inside the repository; keep fetched data outside it")
    out.mkdir(parents=True, exist_ok=True)
    chosen = [s for s in SETS if not a.sets or s["name"] in a.sets]
    table = [("set", "language", "repository", "commit", "paths", "label_mapping", "rows", "positive",
              "notes")]
    sources = out / "SOURCES.tsv"
    if sources.exists() and a.sets:  # keep the other sets' lines when converting a few
        with open(sources, encoding="utf-8", newline="") as f:
            table += [r for r in csv.reader(f, delimiter="\t") if r and r[0] != "set"
                      and r[0] not in a.sets]
    for s in chosen:
        gd = git_dir(a.mirror, s["repo"])
        if gd is None:
            print(f"skip {s['name']}: no snapshot of {s['repo']} under {a.mirror}", file=sys.stderr)
            continue
        why = refusal(s, gd)
        if why:
            print(f"refused {s['name']}: {why}", file=sys.stderr)
            continue
        try:
            n, pos, notes = convert(s, gd, out)
        except (RuntimeError, KeyError, ValueError, UnicodeDecodeError, zipfile.BadZipFile) as e:
            print(f"skip {s['name']}: {e}", file=sys.stderr)
            continue
        commits = ",".join(dict.fromkeys(c for c, _ in s["files"]))
        paths = ",".join(p for _, p in s["files"])
        table.append((s["name"], s["lang"], s["repo"], commits, paths, s["mapping"], str(n), str(pos),
                      notes))
        print(f"{s['name']:20} {n:6} rows {pos:6} positive  -> {out / (s['name'] + '.jsonl')}")
    order = {s["name"]: i for i, s in enumerate(SETS)}
    body = sorted(table[1:], key=lambda r: order.get(r[0], len(order)))
    with open(sources, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerows([table[0], *body])


if __name__ == "__main__":
    main()
