"""Which body lines the text path loses on scrapinghub-aeb, by the step that drops them.

    STORYDESK_SHARED=../shared python benchmarks/clean_lost.py [--cut N] [--show REASON]

Every line of a page's text (html-text, as `storydesk eval clean` makes it) that holds
shingles of the page's true body and that the cleaned text lacks is given the reason it was
dropped: outside the body's run of lines (before its first line or after its last), inside
it but classed furniture by a named rule, inside it but not prose, an inline teaser, a
repeat, the headline, the unfinished last sentence. Prints the lost body shingles per reason
(pooled over pages; see :mod:`storydesk.evaluate.clean`) and, with ``--show``, the pages and
line shapes (lengths, classes) of one reason. ``--cut N`` cuts each page's text ``N``
characters after its body starts, as ``clean_cut_pages.py`` does, and counts only
the body before the unfinished last sentence, which cleaning must leave out. Nothing of the pages is
written anywhere.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from clean_cut_pages import finished

from storydesk import clean, furniture
from storydesk.evaluate.clean import CACHE_DIR, DATASET, _peer_outputs, page_ids, shingle_counts
from storydesk.evaluate.clean import storydesk_text as cleaned
from storydesk.evaluate.data import dataset_path
from storydesk.ingest.text import split_title

MIN_BODY = 1500
_TOKEN = re.compile(r"\w+")


def _rule(line: str) -> str:
    """The name of the first furniture rule that matches a line."""
    rules = [
        ("form", clean._FORM),
        ("boilerplate", clean._BOILERPLATE),
        ("furniture", furniture._FURNITURE),
        ("end_of_body", furniture._END_OF_BODY),
    ]
    if clean._BYLINE_ALONE.match(line):
        return "byline_alone"
    if clean._DATELINE_ALONE.match(line):
        return "dateline_alone"
    if furniture.is_teaser(line):
        return "teaser"
    for name, group in rules:
        for k, rule in enumerate(group):
            if rule.search(line):
                return f"{name}[{k}]"
    return "cookies" if furniture._COOKIES.search(line) else "density"


def reasons(text: str, title: str | None) -> list[tuple[str, str]]:
    """Each line of the text with why cleaning drops it ("kept" when it does not)."""
    paras = [clean._fix_paragraph(p) for p in clean.paragraphs(clean._normalise_characters(text))]
    paras = [p for p in paras if p]
    why = ["kept"] * len(paras)
    if furniture.looks_like_page(paras, clean.is_boilerplate):
        keep, span = furniture.classify_page(paras, clean.is_boilerplate, title)
        stop = furniture.stoplist_for(paras)
        for i, line in enumerate(paras):
            if keep[i]:
                continue
            cls = furniture.line_class(line, stop, clean.is_boilerplate)
            if span is None:
                why[i] = f"no-run:{_rule(line)}"
            elif i < span[0]:
                why[i] = f"before-run:{cls}"
            elif i > span[1]:
                why[i] = f"after-run:{cls}"
            elif cls == "bad":
                why[i] = f"in-run-bad:{_rule(line)}"
            elif furniture.is_headline_shaped(line, stop) and len(line.split()) >= 5:
                why[i] = "in-run:teaser-or-heading"
            else:
                why[i] = f"in-run-not-prose:{cls}"
    for i, line in enumerate(paras):
        if why[i] == "kept" and clean.is_boilerplate(line):
            why[i] = f"boilerplate:{_rule(line)}"
    return list(zip(paras, why, strict=True))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cut", type=int, default=0)
    ap.add_argument("--show", default="")
    args = ap.parse_args()
    gold = json.loads((dataset_path(DATASET) / "ground-truth.json").read_text())
    ids = page_ids()
    peers = _peer_outputs(ids, CACHE_DIR)
    by_reason: Counter[str] = Counter()
    shown: dict[tuple[str, str], str] = {}
    lost_total = body_total = 0
    for pid in ids:
        page, true = peers[pid]["all_text"], gold[pid]["articleBody"]
        if args.cut:
            at = page.find(true.strip().split("\n")[0][:40])
            if at < 0 or len(true) < MIN_BODY:
                continue
            page = page[: at + args.cut]
        true_sh = shingle_counts(true)
        if args.cut:  # the body's shingles that the cut text's finished sentences hold
            cut_sh = shingle_counts(finished(page))
            true_sh = Counter({k: 1 for k in true_sh if k in cut_sh})
        out_sh = shingle_counts(cleaned(page.encode("utf-8"), pid, ".txt"))
        lost_total += sum(max(0, c - out_sh.get(k, 0)) for k, c in true_sh.items())
        body_total += sum(true_sh.values())
        title, body = split_title(page)
        lines = reasons(body, title)
        if title:
            lines.insert(0, (title, "title-line"))
        # every 4-gram of the page's lines run together, with the lines it spans
        tokens = [(t, i) for i, (line, _) in enumerate(lines) for t in _TOKEN.findall(line)]
        spans: dict[tuple[str, ...], list[set[int]]] = {}
        for k in range(max(1, len(tokens) - 3)):
            gram = tuple(t for t, _ in tokens[k : k + 4])
            spans.setdefault(gram, []).append({i for _, i in tokens[k : k + 4]})
        for gram, count in true_sh.items():
            missing = count - out_sh.get(gram, 0)
            if missing <= 0:
                continue
            found = spans.get(gram)
            if not found:
                reason = "not-in-page-text"
            else:
                dropped = [
                    min(i for i in s if lines[i][1] != "kept")
                    for s in found
                    if any(lines[i][1] != "kept" for i in s)
                ]
                reason = lines[dropped[0]][1] if dropped else "lines-kept(repeat/partial)"
                if dropped and args.show and reason.startswith(args.show):
                    line = lines[dropped[0]][0]
                    shown.setdefault((pid, line), reason)
            by_reason[reason] += missing
    for (pid, line), reason in shown.items():
        shape = f"{len(line)} chars, {len(line.split())} words, ends {line[-1:]!r}"
        print(f"  {pid[:10]} {reason}: {shape}: {line[:70]!r}")
    print(f"body lost {lost_total / body_total:.4f} ({lost_total} of {body_total} shingles)")
    for reason, n in by_reason.most_common():
        print(f"{n:6d} {n / body_total:.4f} {reason}")


if __name__ == "__main__":
    main()
