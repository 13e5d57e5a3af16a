#!/usr/bin/env python3
"""Throughput by corpus, kavach `find` beside a raw aho-corasick DFA, as a table and a plot.

    cargo bench -p kavach-text --bench throughput | tee bench.txt
    python3 tools/perf_plot.py bench.txt docs/throughput.svg

Reads the ratio lines the throughput bench prints ("NAME: kavach X MB/s, aho-corasick DFA Y
MB/s, ratio Z (...)"), prints them as Markdown tables and writes SVG bar charts (no plotting
library: the SVG is written here): by corpus into the file named, and by text length (the
groups `length-N`) beside it, `-by-length` added to its name. Exits 1 when the bench output
holds no such line.
"""
import html
import re
import sys

LINE = re.compile(r"^(?P<name>[\w-]+): kavach (?P<k>[\d.]+) MB/s, aho-corasick DFA (?P<r>[\d.]+) MB/s, ratio (?P<ratio>[\d.]+)")


def rows(text):
    return [(m["name"], float(m["k"]), float(m["r"]), float(m["ratio"]))
            for m in map(LINE.match, text.splitlines()) if m]


def table(found):
    out = ["| corpus | kavach `find` MB/s | raw DFA MB/s | ratio |", "|---|---:|---:|---:|"]
    out += [f"| {n} | {k:.1f} | {r:.1f} | {ratio:.2f} |" for n, k, r, ratio in found]
    return "\n".join(out)


def svg(found, title):
    bar, gap, left, width = 14, 14, 230, 420
    top = 40
    most = max(max(k, r) for _, k, r, _ in found)
    height = top + len(found) * (2 * bar + gap) + 40
    scale = width / most
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 90}" height="{height}" '
             'font-family="sans-serif" font-size="12">',
             f'<text x="10" y="20" font-size="14">{html.escape(title)}</text>']
    y = top
    for name, k, r, ratio in found:
        parts.append(f'<text x="{left - 8}" y="{y + bar + 4}" text-anchor="end">{html.escape(name)}</text>')
        for value, colour, label in ((k, "#2a6f97", "kavach"), (r, "#b0b0b0", "DFA")):
            w = max(1.0, value * scale)
            parts.append(f'<rect x="{left}" y="{y}" width="{w:.1f}" height="{bar}" fill="{colour}">'
                         f'<title>{label}: {value:.1f} MB/s</title></rect>')
            parts.append(f'<text x="{left + w + 4:.1f}" y="{y + bar - 3}">{value:.0f}</text>')
            y += bar
        parts.append(f'<text x="{left + width + 60}" y="{y - bar + 4}" text-anchor="end">x{ratio:.2f}</text>')
        y += gap
    legend = height - 18
    parts.append(f'<rect x="{left}" y="{legend - 10}" width="12" height="12" fill="#2a6f97"/>'
                 f'<text x="{left + 16}" y="{legend}">kavach find (normalise, search, verify)</text>')
    parts.append(f'<rect x="{left + 250}" y="{legend - 10}" width="12" height="12" fill="#b0b0b0"/>'
                 f'<text x="{left + 266}" y="{legend}">raw aho-corasick DFA, same terms</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    found = rows(open(sys.argv[1], encoding="utf-8").read())
    if not found:
        sys.exit(f"perf_plot: no ratio lines in {sys.argv[1]}")
    corpora = [r for r in found if not r[0].startswith("length-")]
    lengths = [r for r in found if r[0].startswith("length-")]
    if corpora:
        with open(sys.argv[2], "w", encoding="utf-8") as f:
            f.write(svg(corpora, "find throughput by corpus, MB/s (one call per text; medians of paired rounds)"))
        print(table(corpora))
    if lengths:
        by_length = re.sub(r"(\.svg)?$", "-by-length.svg", sys.argv[2], count=1)
        with open(by_length, "w", encoding="utf-8") as f:
            f.write(svg(lengths, "find throughput by text length in bytes, MB/s (real-shaped tweets, every list)"))
        print()
        print(table(lengths).replace("| corpus |", "| text length |"))


if __name__ == "__main__":
    main()
