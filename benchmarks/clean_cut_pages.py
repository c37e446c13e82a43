"""The text path on page text cut off near a size cap, as a page store gives it.

    STORYDESK_SHARED=../shared python benchmarks/clean_cut_pages.py [--cut 2000] [--top N]
        [--json benchmarks/results/clean_cut_pages.json]

For every page of scrapinghub-aeb whose true body is 1,500 characters or longer and whose
first line is found in the page's whole text (html-text, as `storydesk eval clean` makes it),
the text is cut ``--cut`` characters after that line starts, and storydesk's text path
cleans what is left. Pooled over pages, in shingles (see :mod:`storydesk.evaluate.clean`):
``body lost``, the share of the true body's shingles present in the cut text that the output
lacks; ``furniture kept``, the share of the cut text's other shingles that it keeps; ``body
lost, finished sentences``, body lost counting only the body's shingles that stand before the
cut text's unfinished last sentence (cleaning must leave that sentence out, so its shingles
are lost by design). Prints the pages that lose the most; ``--json`` writes the pooled
figures (no page text). Nothing of the pages is written anywhere.
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
    _peer_outputs,
    page_ids,
    shingle_counts,
    storydesk_text,
)
from storydesk.evaluate.data import dataset_path

MIN_BODY = 1500
# A sentence's end inside a line: closing punctuation, closing quotes, then a space.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*(?=\s)")


def finished(cut: str) -> str:
    """The cut text up to its last line's last sentence end (to the line's start when the
    line has none): what is left without the sentence the cut left unfinished."""
    start = cut.rstrip().rfind("\n") + 1
    ends = [m.end() for m in _SENTENCE_END.finditer(cut[start:] + " ")]
    return cut[: start + ends[-1]] if ends else cut[:start]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cut", type=int, default=2000)
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument("--json", default="")
    args = ap.parse_args()
    gold = json.loads((dataset_path(DATASET) / "ground-truth.json").read_text())
    ids = page_ids()
    peers = _peer_outputs(ids, CACHE_DIR)
    lost = body = kept = furniture = lost_done = body_done = 0
    rows = []
    for pid in ids:
        page, true = peers[pid]["all_text"], gold[pid]["articleBody"]
        at = page.find(true.strip().split("\n")[0][:40])
        if at < 0 or len(true) < MIN_BODY:
            continue
        cut = page[: at + args.cut]
        out = shingle_counts(storydesk_text(cut.encode("utf-8"), pid, ".txt"))
        true_sh, cut_sh = shingle_counts(true), shingle_counts(cut)
        present = [k for k in cut_sh if k in true_sh]
        other = [k for k in cut_sh if k not in true_sh]
        page_lost = sum(1 for k in present if k not in out)
        done = shingle_counts(finished(cut))
        present_done = [k for k in present if k in done]
        lost_done += sum(1 for k in present_done if k not in out)
        body_done += len(present_done)
        lost, body = lost + page_lost, body + len(present)
        kept, furniture = kept + sum(1 for k in other if k in out), furniture + len(other)
        rows.append((page_lost, len(present), pid[:12]))
    print(
        f"pages {len(rows)}, cut {args.cut}: body lost {lost / body:.4f}, "
        f"furniture kept {kept / furniture:.4f}; body lost, finished sentences "
        f"{lost_done / body_done:.4f}"
    )
    if args.json:
        result = {
            "command": "python benchmarks/clean_cut_pages.py"
            + (f" --cut {args.cut}" if args.cut != 2000 else ""),
            "dataset": DATASET,
            "cut": args.cut,
            "pages": len(rows),
            "method": "pooled token 4-gram shingles of the cut text (see the script)",
            "body_lost": round(lost / body, 4),
            "furniture_kept": round(kept / furniture, 4),
            "body_lost_finished_sentences": round(lost_done / body_done, 4),
        }
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n")
    for page_lost, present, pid in sorted(rows, reverse=True)[: args.top]:
        print(f"{pid} body lost {page_lost} of {present}")


if __name__ == "__main__":
    main()
