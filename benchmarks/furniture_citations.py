"""Quotes, figures and timeline events cited from page furniture, on the text path.

    STORYDESK_SHARED=../shared python benchmarks/furniture_citations.py [--cut 2000]
        [--limit N] [--show K] [--json OUT]

Every page of scrapinghub-aeb is given to storydesk as its whole visible text (html-text, as
`storydesk eval clean` makes it), whole and cut ``--cut`` characters after its body starts
(as ``clean_cut_pages.py`` cuts it: pages whose true body is 1,500 characters or longer and
whose first line is found). Each cleaned article is parsed and annotated as ``storydesk run``
does (:func:`storydesk.pipeline.analyze`), and made a story of its own for its timeline
(:func:`storydesk.timeline.build_timeline`). Every quote, figure (fact) and timeline event
cites an offset range of the cleaned text; it is **from furniture** when that range is not
part of the page's true article body.

How a range is judged: its ``\\w+`` tokens, lower-cased, and, when it has fewer than
``WINDOW`` of them (a figure is "19" or "$8.4 billion"), as many of the tokens around it on
its own line as make ``WINDOW``. The window is body when its tokens stand, in order and
next to each other, in the true body's tokens (exact), or when at least ``SHARE`` of its
token 4-grams (the benchmark's own shingles) are among the body's (fuzzy: the benchmark's
body and html-text's text of the same paragraph differ at times by a caption, a link's
text or a footnote mark inside it, which the exact test takes for furniture). A range of
two lines counts as body when either line is. Counted by kind and path; ``--show`` prints
that many examples of each kind (with the page's id): they are for reading by hand, never
for the repository. ``--json`` writes the counts (no page text).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from storydesk.evaluate.clean import CACHE_DIR, DATASET, _peer_outputs, page_ids, storydesk_article
from storydesk.evaluate.data import dataset_path
from storydesk.model import Article
from storydesk.pipeline import analyze, parser
from storydesk.settings import Settings
from storydesk.timeline import build_timeline

MIN_BODY = 1500
WINDOW = 8
SHARE = 0.5
KINDS = ("quote", "fact", "event")
_TOKEN = re.compile(r"\w+")


class Body:
    """The true body of one page, as tokens and 4-gram shingles."""

    def __init__(self, text: str) -> None:
        tokens = [t.lower() for t in _TOKEN.findall(text)]
        self.joined = " " + " ".join(tokens) + " "
        self.shingles = {tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3)}

    def holds(self, tokens: list[str]) -> bool:
        if not tokens:
            return True  # punctuation alone cites nothing
        if " " + " ".join(tokens) + " " in self.joined:
            return True
        grams = [tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3)]
        return bool(grams) and sum(g in self.shingles for g in grams) / len(grams) >= SHARE


def window(text: str, start: int, end: int) -> list[str]:
    """The range's tokens, widened on its line to ``WINDOW`` tokens when it has fewer."""
    inner = [t.lower() for t in _TOKEN.findall(text[start:end])]
    if len(inner) >= WINDOW:
        return inner
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = [t.lower() for t in _TOKEN.findall(text[line_start:start])]
    after = [t.lower() for t in _TOKEN.findall(text[end:line_end])]
    need = WINDOW - len(inner)
    left = min(len(before), (need + 1) // 2)
    right = min(len(after), need - left)
    left = min(len(before), need - right)
    return before[len(before) - left :] + inner + after[:right]


def from_body(text: str, start: int, end: int, body: Body) -> bool:
    """Whether the cited range ``[start, end)`` of the cleaned ``text`` is article body."""
    parts, at = [], start
    for piece in text[start:end].split("\n"):
        if piece.strip():
            parts.append((at, at + len(piece)))
        at += len(piece) + 1
    return any(body.holds(window(text, s, e)) for s, e in parts) if parts else True


def cited(article: Article, nlp: Any) -> list[tuple[str, int, int]]:
    """``(kind, start, end)`` of every quote, figure and timeline event of one article."""
    analyzed = list(analyze([article], nlp))
    out: list[tuple[str, int, int]] = []
    for a in analyzed:
        ann = a.annotations
        if ann is not None:
            out += [("quote", q.start, q.end) for q in ann.quotes]
            out += [("fact", f.start, f.end) for f in ann.facts]
    for event in build_timeline(analyzed).events:
        out += [("event", c.start, c.end) for c in event.citations]
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cut", type=int, default=2000)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--show", type=int, default=5)
    ap.add_argument("--json", default="")
    args = ap.parse_args()
    gold = json.loads((dataset_path(DATASET) / "ground-truth.json").read_text())
    ids = page_ids()[: args.limit]
    peers = _peer_outputs(page_ids(), CACHE_DIR)
    nlp = parser(Settings())
    cpu = time.process_time()
    result: dict[str, Any] = {
        "command": "python benchmarks/furniture_citations.py"
        + (f" --cut {args.cut}" if args.cut != 2000 else ""),
        "dataset": DATASET,
        "method": (
            f"each cited range's tokens (widened on its line to {WINDOW}) in the true body: "
            f"exact run of tokens, or >= {SHARE} of its token 4-grams"
        ),
    }
    for path in ("whole", "cut"):
        total: Counter[str] = Counter()
        furniture: Counter[str] = Counter()
        pages_with: set[str] = set()
        examples: dict[str, list[str]] = {k: [] for k in KINDS}
        pages = 0
        for pid in ids:
            page, true = peers[pid]["all_text"], gold[pid]["articleBody"]
            if path == "cut":
                at = page.find(true.strip().split("\n")[0][:40])
                if at < 0 or len(true) < MIN_BODY:
                    continue
                page = page[: at + args.cut]
            article = storydesk_article(page.encode("utf-8"), pid, ".txt")
            if article is None:
                continue
            pages += 1
            body = Body(true)
            for kind, start, end in cited(article, nlp):
                total[kind] += 1
                if from_body(article.text, start, end, body):
                    continue
                furniture[kind] += 1
                pages_with.add(pid)
                line_start = article.text.rfind("\n", 0, start) + 1
                line_end = article.text.find("\n", end)
                line = article.text[line_start : line_end if line_end >= 0 else None]
                examples[kind].append(
                    f"{pid[:10]} [{start}:{end}] {article.text[start:end][:80]!r} | line "
                    f"{line[:140]!r}"
                )
        print(f"{path}: {pages} pages")
        for kind in KINDS:
            print(f"  {kind}: {furniture[kind]} of {total[kind]} from furniture")
            for line in examples[kind][: args.show]:
                print(f"    {line}")
        result[path] = {
            "pages": pages,
            "pages_with_furniture_citations": len(pages_with),
            **{kind: {"cited": total[kind], "from_furniture": furniture[kind]} for kind in KINDS},
            "from_furniture": sum(furniture.values()),
            "cited": sum(total.values()),
            "in_body_share": round(1 - sum(furniture.values()) / max(1, sum(total.values())), 4),
        }
    print(f"CPU {time.process_time() - cpu:.1f} s")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
