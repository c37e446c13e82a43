"""Per-page figures of `storydesk eval clean`: where a path loses to its peer, and what.

    STORYDESK_SHARED=../shared python benchmarks/clean_pages.py [--path html|text] [--top N]
        [--page ID] [--json OUT]

For every page of scrapinghub-aeb: the benchmark's per-page precision and recall of
storydesk's HTML path, trafilatura alone, storydesk's text path (see
:mod:`storydesk.evaluate.clean`). Lists the pages where the chosen path's F1 falls furthest
below its peer's (trafilatura for the HTML path; for the text path, storydesk's own HTML path),
and with ``--page`` shows one page's lines: the lines the path keeps that are not in the true
body (furniture kept, ``+``) and the true body's lines it lacks (body lost, ``-``). Nothing of
the pages is written to the repository; ``--json`` writes the per-page figures only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from storydesk.evaluate.clean import (
    CACHE_DIR,
    DATASET,
    _html,
    _peer_outputs,
    matching,
    page_ids,
    shingle_counts,
    storydesk_text,
)
from storydesk.evaluate.data import dataset_path

_TOKEN = re.compile(r"\w+")


def _pr(tp: float, fp: float, fn: float) -> tuple[float, float]:
    p = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def outputs(pid: str, peers: dict[str, dict[str, str]]) -> dict[str, str]:
    page_text = peers[pid]["all_text"]
    return {
        "html": storydesk_text(_html(pid), pid, ".html"),
        "trafilatura": peers[pid]["trafilatura"],
        "text": storydesk_text(page_text.encode("utf-8"), pid, ".txt"),
    }


def line_diff(true: str, pred: str) -> list[str]:
    """Lines of ``pred`` mostly outside the true body (+) and of ``true`` mostly missing (-)."""
    true_sh, pred_sh = shingle_counts(true), shingle_counts(pred)
    out = []
    for sign, text, other in (("+", pred, true_sh), ("-", true, pred_sh)):
        for line in text.splitlines():
            grams = shingle_counts(line)
            if len(_TOKEN.findall(line)) < 4:
                grams_in = (
                    1.0
                    if " ".join(_TOKEN.findall(line)) in " ".join(" ".join(g) for g in other)
                    else 0.0
                )
            else:
                grams_in = sum(1 for g in grams if g in other) / max(1, len(grams))
            if grams_in < 0.5:
                out.append(f"{sign} {line[:160]}")
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--path", choices=("html", "text"), default="html")
    ap.add_argument("--top", type=int, default=20)
    ap.add_argument("--page", action="append", default=[])
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    gold = json.loads((dataset_path(DATASET) / "ground-truth.json").read_text())
    ids = page_ids()
    peers = _peer_outputs(ids, CACHE_DIR)
    if args.page:
        for pid in args.page:
            pid = next(i for i in ids if i.startswith(pid))
            outs = outputs(pid, peers)
            true = gold[pid]["articleBody"]
            print(f"== {pid} {gold[pid].get('url', '')}")
            for name in ("html", "trafilatura", "text"):
                p, r = _pr(*matching(true, outs[name]))
                print(f"   {name}: P {p:.3f} R {r:.3f}")
            print("\n".join(line_diff(true, outs[args.path])))
        return
    rows = []
    for pid in ids:
        outs = outputs(pid, peers)
        true = gold[pid]["articleBody"]
        row: dict[str, object] = {"id": pid}
        for name, text in outs.items():
            p, r = _pr(*matching(true, text))
            row[name] = (round(p, 3), round(r, 3))
        rows.append(row)
    peer = "trafilatura" if args.path == "html" else "html"

    def gap(row: dict) -> float:
        return _f1(*row[peer]) - _f1(*row[args.path])

    rows.sort(key=gap, reverse=True)
    for row in rows[: args.top]:
        print(
            f"{row['id'][:12]} gap {gap(row):+.3f} {args.path} P/R {row[args.path]} "
            f"{peer} P/R {row[peer]}"
        )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
