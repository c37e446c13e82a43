"""Print the Key figures a reader would see, with each figure's words, for reading by hand.

    STORYDESK_SHARED=../shared python benchmarks/read_fact_groups.py [--out DIR]

There is no gold set of grouped figures, so the figure groups are judged by reading them:
is each group one quantity about one subject, is no year read as a count, and does its label
fit its values? This runs the pipeline on a fixed sample (the bundled examples, the seeds,
ECB+ clusters 37ecbplus, 41ecb, 43ecbplus and 44ecb, and the first three Timeline17 articles
of each of four days of haiti_bbc and H1N1_reuters) and prints, per story, the groups its
Key figures table shows (the same choice as storydesk.render.figures.key_figures), each fact
with 60 characters of its article around it. Dataset text is read at run time and written
only under ``--out`` (default: a temporary folder), never into the project.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from collections import defaultdict
from pathlib import Path

from storydesk import run
from storydesk.render.figures import MAX_GROUPS

ROOT = Path(__file__).resolve().parent.parent
ECB = ("37ecbplus", "41ecb", "43ecbplus", "44ecb")
T17 = {
    "haiti_bbc": ("2010-01-13", "2010-01-14", "2010-01-15", "2010-01-16"),
    "H1N1_reuters": ("2009-04-27", "2009-04-28", "2009-04-29", "2009-04-30"),
}


def _samples(shared: Path, out: Path) -> dict[str, Path]:
    """The sample's inputs: one folder or JSON Lines file per story set."""
    sets = {"examples": ROOT / "examples" / "articles", "seeds": shared / "seeds"}
    ecb = [json.loads(line) for line in (shared / "datasets/ecbplus-events/articles.jsonl").open()]
    for story in ECB:
        path = out / "inputs" / f"ecb-{story}.jsonl"
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w") as f:
            for r in ecb:
                if r["story_id"] == story:
                    row = {k: r[k] for k in ("id", "title", "date", "text")}
                    f.write(json.dumps(row) + "\n")
        sets[f"ecb-{story}"] = path
    t17 = [json.loads(line) for line in (shared / "datasets/timeline17/articles.jsonl").open()]
    for topic, days in T17.items():
        path = out / "inputs" / f"t17-{topic}.jsonl"
        taken: dict[str, int] = defaultdict(int)
        with path.open("w") as f:
            for r in t17:
                if r["topic"] == topic and r["date"] in days and taken[r["date"]] < 3:
                    taken[r["date"]] += 1
                    row = {k: r[k] for k in ("id", "title", "date", "text")}
                    f.write(json.dumps(row) + "\n")
        sets[f"t17-{topic}"] = path
    return sets


def _shown(b: dict) -> list[tuple[dict, list[dict]]]:
    """The groups a Key figures table shows, in its order (see render.figures.key_figures)."""
    priority = {"conflict": 0, "update": 1, "differ": 2, "consistent": 3}
    shown = []
    for g in b["fact_groups"]:
        facts = [b["facts"][i] for i in g["facts"]]
        sources = {f["article_id"] for f in facts}
        if len(sources) < 2 and g["status"] != "update":
            continue
        shown.append((priority.get(g["status"], 4), -len(sources), g["what"], g, facts))
    shown.sort(key=lambda x: x[:3])
    return [(g, facts) for *_, g, facts in shown[:MAX_GROUPS]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    shared = Path(os.environ.get("STORYDESK_SHARED", ROOT.parent / "shared"))
    out = args.out or Path(tempfile.mkdtemp(prefix="fact-groups-"))
    total = 0
    for name, source in _samples(shared, out).items():
        run([str(source)], out / name)
        for path in sorted((out / name).glob("*/briefing.json")):
            b = json.loads(path.read_text())
            texts = {a["id"]: a["text"] for a in b["articles"]}
            groups = _shown(b)
            if not groups:
                continue
            print(f"##### {name} / {b['story']['title'][:70]}")
            for n, (g, facts) in enumerate(groups):
                total += 1
                what = g["what"] + (" (running total)" if g["total"] else "")
                print(f"[{n}] {what!r}: {g['status']}  basis: {g.get('basis', '')}")
                for f in facts:
                    text = texts[f["article_id"]]
                    around = text[max(0, f["start"] - 60) : f["end"] + 60].replace("\n", " ")
                    print(f"    {f['as_of'] or 'undated':10} {f['article_id'][:16]:16} | {around}")
    print(f"{total} groups shown; outputs in {out}")


if __name__ == "__main__":
    main()
