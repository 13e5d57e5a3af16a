"""Helpers shared by the measuring tools: run texts through `kavach scan` (the path a platform
uses) and read the bundled lists' entries."""
import json
import pathlib
import subprocess

ROOT = pathlib.Path(__file__).resolve().parent.parent


def scan(kavach, texts):
    """One `kavach scan` result (a dict) per text, in order."""
    data = "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts))
    out = subprocess.run([kavach, "scan"], input=data.encode(), capture_output=True, check=False).stdout
    return [json.loads(line) for line in out.decode().splitlines()]


def list_terms(lst):
    """(term, mode) of each `[terms]` entry of the bundled list `lst`."""
    section = None
    for line in (ROOT / "wordlists" / lst / f"{lst}.kavach").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            section = line
            continue
        if section != "[terms]" or not line or line.startswith("#"):
            continue
        fields = [f.strip() for f in line.split("|")]
        yield fields[0], (fields[3] if len(fields) > 3 and fields[3] else "word")
