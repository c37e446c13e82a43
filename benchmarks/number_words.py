"""Number words: storydesk's hand-written readers against text2num, on two sets.

    STORYDESK_SHARED=../shared python benchmarks/number_words.py

1. **Written phrases** (:data:`PHRASES`, written here for this comparison, with the value
   each means; ``None`` for words that are no number): cardinals as news copy writes them,
   ordinals (for "the 17th day of ..."), and words that look like counts but are not.
2. **Timeline17 dev sentences** (BP oil spill, H1N1, Haiti, Michael Jackson; the test
   topics are not read): every run of number words (units, tens, "hundred", "thousand",
   "million", "billion", hyphens and an inner "and"). There is no gold for these, so the
   figure is how many each reader turns into a value, and where two readers give
   different values the phrases are listed for a reader of this report to judge.

Readers: ``storydesk.timeline.number_word`` (counts in "N days ago", "a 14-day
conflict"; text2num since this comparison, its hand-written predecessor kept here as
``storydesk_timeline_hand_written``), ``storydesk.facts.amounts._word_number`` (counted
figures), text2num's
``text2num(phrase, "en")``; for ordinals ``storydesk.timeline.ordinal_word`` and
text2num's ``alpha2digit``. Written to ``benchmarks/results/number_words.json``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from text_to_num import alpha2digit, text2num

from storydesk.evaluate.timeline import _load, _topic_split
from storydesk.facts.amounts import _word_number
from storydesk.timeline import TENS, UNITS, number_word, ordinal_word

ROOT = Path(__file__).resolve().parent.parent

PHRASES: list[tuple[str, float | None]] = [
    ("one", 1), ("seven", 7), ("eleven", 11), ("nineteen", 19), ("twenty", 20),
    ("twenty-one", 21), ("twenty one", 21), ("forty-five", 45), ("ninety-nine", 99),
    ("a hundred", 100), ("one hundred", 100), ("one hundred and twenty", 120),
    ("two hundred", 200), ("three hundred and five", 305), ("a thousand", 1000),
    ("two thousand", 2000), ("twelve thousand", 12000), ("forty thousand", 40000),
    ("two hundred thousand", 200000), ("one million", 1_000_000), ("three million", 3_000_000),
    ("a dozen", 12), ("two dozen", 24), ("zero", 0), ("a", 1), ("an", 1),
    ("1,200", 1200), ("17", 17), ("one thousand two hundred", 1200),
    ("several", None), ("many", None), ("dozens", None), ("hundreds", None),
    ("a few", None), ("some", None), ("none", None), ("couple", None),
]  # fmt: skip
ORDINALS: list[tuple[str, int | None]] = [
    ("first", 1), ("third", 3), ("seventeenth", 17), ("twentieth", 20), ("twenty-first", 21),
    ("thirty-first", 31), ("hundredth", 100), ("17th", 17), ("2nd", 2), ("last", None),
    ("next", None),
]  # fmt: skip

_NUMBER_WORDS = set(UNITS) | set(TENS) | {"hundred", "thousand", "million", "billion"}
_RUN = re.compile(
    r"(?i:\b(?:" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
    r"(?:(?:[\s-]+|\s+and\s+)(?:"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    + r"))*\b)"
)


def _t2n(phrase: str) -> float | None:
    try:
        return float(text2num(phrase.lower(), "en"))
    except ValueError:
        return None


def _timeline(phrase: str) -> float | None:
    n = number_word(phrase)
    return None if n is None else float(n)


def _timeline_hand(phrase: str) -> float | None:
    """The hand-written reader ``number_word`` was before it used text2num (kept here so
    the comparison can be run again)."""
    w = phrase.lower().strip()
    if w.isdigit():
        return float(w)
    if w in ("a", "an"):
        return 1.0
    if w in UNITS or w in TENS:
        return float(UNITS.get(w, TENS.get(w, 0)))
    parts = re.split(r"[-\s]+", w)
    if len(parts) == 2 and parts[0] in TENS and parts[1] in UNITS and 0 < UNITS[parts[1]] < 10:
        return float(TENS[parts[0]] + UNITS[parts[1]])
    return None


def _facts(phrase: str) -> float | None:
    value = _word_number(phrase.split())
    if value is None and phrase.replace(",", "").isdigit():
        return float(phrase.replace(",", ""))  # digits are read by its own pattern
    return value


def _t2n_ordinal(phrase: str) -> int | None:
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", alpha2digit(phrase, "en").strip())
    return int(m.group(1)) if m else None


READERS: dict[str, Callable[[str], float | None]] = {
    "storydesk_timeline_hand_written": _timeline_hand,
    "storydesk_timeline": _timeline,
    "storydesk_facts": _facts,
    "text2num": _t2n,
}


def written() -> dict[str, object]:
    out: dict[str, object] = {"phrases": len(PHRASES)}
    for name, read in READERS.items():
        wrong = [p for p, v in PHRASES if read(p) != (None if v is None else float(v))]
        out[name] = {"correct": len(PHRASES) - len(wrong), "wrong": wrong}
    ords = {"ordinals": len(ORDINALS)}
    for name, read_ord in (("storydesk", ordinal_word), ("text2num", _t2n_ordinal)):
        wrong = [p for p, v in ORDINALS if read_ord(p) != v]
        ords[name] = {"correct": len(ORDINALS) - len(wrong), "wrong": wrong}  # type: ignore[assignment]
    out["ordinal_phrases"] = ords
    return out


def dev_runs() -> dict[str, object]:
    articles, _ = _load(None)
    runs: Counter[str] = Counter()
    for a in articles.values():
        if _topic_split(a["topic"]) == "dev":
            runs.update(" ".join(m.group().lower().split()) for m in _RUN.finditer(a["text"]))
    out: dict[str, object] = {"runs": sum(runs.values()), "distinct": len(runs)}
    values = {name: {p: read(p) for p in runs} for name, read in READERS.items()}
    for name, vals in values.items():
        out[name] = {"read": sum(n for p, n in runs.items() if vals[p] is not None)}
    disagree = sorted(
        (p for p in runs if len({values[n][p] for n in READERS}) > 1),
        key=lambda p: (-runs[p], p),
    )
    out["disagreements"] = [
        {"phrase": p, "count": runs[p], **{n: values[n][p] for n in READERS}} for p in disagree
    ]
    return out


def main() -> None:
    result = {
        "command": "python benchmarks/number_words.py",
        "written": written(),
        "timeline17_dev": dev_runs(),
    }
    path = ROOT / "benchmarks" / "results" / "number_words.json"
    path.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n")
    w, d = result["written"], result["timeline17_dev"]
    for name in READERS:
        print(
            f"{name}: written {w[name]['correct']}/{w['phrases']}, "  # type: ignore[index]
            f"dev runs read {d[name]['read']}/{d['runs']}"
        )  # type: ignore[index]


if __name__ == "__main__":
    main()
