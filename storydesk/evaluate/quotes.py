"""`storydesk eval quotes`: quote extraction and speaker attribution on PolNeAR.

PolNeAR (``datasets/polnear``, see its PROVENANCE.md) annotates every attribution in
political news: source (speaker), cue and content. Some articles carry more than one
annotation; we score **one per article, the one of the first annotator id** in sorted order.
`dev` (and `train`) are for building rules, `test` only for reporting.

A gold attribution is a **direct quote** when its content contains a double quote mark
(``"``, ``“`` or ``”``) or stands right inside such marks (annotators sometimes left the
marks out: 30 of 2,192 dev contents), **reported speech** when neither holds and it has a
cue. Texts are
scored as PolNeAR gives them (gold offsets refer to them), parsed by the pipeline of
:func:`storydesk.nlp.load_pipeline`; parses are cached under ``.cache/``.

Criteria (words are ``\\w+`` runs of the article text):

* **found** (recall): the predicted quotes overlapping a gold content cover at least half of
  its words. Every predicted quote counts, direct or reported: PolNeAR marks
  ``said the media is "rigged"`` as one content with quote marks, which our reported clause
  covers. ``recall_direct_only`` counts predicted direct quotes alone.
* **speaker accuracy**: among found gold contents with a source, the predicted quote that
  covers most of the content has a speaker and either (a) its mention overlaps the gold
  source span, or (b) the last word of its resolved name occurs among the gold source's
  words ("John Kerry" for gold "Secretary of State Kerry"). PolNeAR has no coreference, so
  a gold source "he" is only matched by overlap: our "he" counts as correct whoever we
  resolved it to. ``speaker_accuracy_named`` is the same over gold sources that are not
  pronouns, where (b) does check the resolution.
* **precision**: a predicted quote is correct when at least half of its words lie inside
  some gold content; ``attributed_precision`` also asks that its speaker match the source
  of the gold content it overlaps most, as above.

The peer is textacy's ``textacy.extract.triples.direct_quotations`` on the same parses; it
gives up on a document with an odd number of quote marks (counted as ``peer_failed_docs``,
no quotes for that document). Its speaker has no resolution: the mention's own last word
stands in for the name.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import spacy
from spacy.tokens import Doc, DocBin

from ..errors import ArgumentError
from ..nlp import model_name
from ..pipeline import parser
from ..quotes import VERSION, extract_quotes
from ..settings import Settings
from .data import dataset_path

# Bump when the parse itself changes (the pipeline's components), not the extractor.
PARSE_VERSION = "parse-1"
SPLITS = ("train", "dev", "test", "annotator-training")
_QUOTE_MARKS = re.compile('["“”]')
_WORD = re.compile(r"\w+")
PRONOUNS = frozenset(
    [
        "he",
        "she",
        "they",
        "it",
        "i",
        "we",
        "you",
        "him",
        "her",
        "them",
        "his",
        "hers",
        "their",
        "its",
        "who",
        "which",
        "that",
    ]
)


@dataclass(frozen=True, slots=True)
class Gold:
    """One gold attribution: content pieces, source pieces (maybe none), its kind."""

    content: tuple[tuple[int, int], ...]
    source: tuple[tuple[int, int], ...]
    source_text: str
    direct: bool
    has_cue: bool


@dataclass(frozen=True, slots=True)
class Predicted:
    """One predicted quote, reduced to what is scored."""

    start: int
    end: int
    direct: bool
    speaker: tuple[int, int] | None
    name: str | None


def load_split(split: str, limit: int | None = None) -> list[dict[str, Any]]:
    """One annotation per article (the first annotator id), in article-id order."""
    if split not in SPLITS:
        raise ArgumentError(f"unknown PolNeAR split {split!r}; expected one of {SPLITS}")
    chosen: dict[str, dict[str, Any]] = {}
    with (dataset_path("polnear") / f"{split}.jsonl").open() as fh:
        for line in fh:
            row = json.loads(line)
            best = chosen.get(row["article_id"])
            if best is None or row["annotator"] < best["annotator"]:
                chosen[row["article_id"]] = row
    rows = [chosen[k] for k in sorted(chosen)]
    return rows[:limit] if limit is not None else rows


def gold_of(row: dict[str, Any]) -> list[Gold]:
    out = []
    for a in row["attributions"]:
        content = tuple((p["start"], p["end"]) for p in a.get("content") or [])
        if not content:
            continue
        source = tuple((p["start"], p["end"]) for p in a.get("source") or [])
        text = " ".join(p["text"] for p in a.get("source") or [])
        direct = any(_QUOTE_MARKS.search(p["text"]) for p in a["content"]) or _enclosed(
            row["text"], content
        )
        out.append(Gold(content, source, text, direct, bool(a.get("cue"))))
    return out


def _enclosed(text: str, content: Sequence[tuple[int, int]]) -> bool:
    """True when quote marks stand right outside the content ('“This is ...,” said C.')."""
    start, end = min(s for s, _ in content), max(e for _, e in content)
    before = text[:start].rstrip()[-1:]
    after = text[end:].lstrip(" \t,.;:!?")[:1]
    return bool((before and _QUOTE_MARKS.match(before)) or (after and _QUOTE_MARKS.match(after)))


def parse(texts: Sequence[str], cache: Path | None, label: str) -> list[Doc]:
    """Parse with the storydesk pipeline, cached as a DocBin keyed by model and texts."""
    nlp = parser(Settings())
    name = model_name()
    meta = f"{PARSE_VERSION}\x00{name}\x00{nlp.meta.get('version')}\x00{spacy.__version__}"
    key = hashlib.sha1("\x00".join([meta, *texts]).encode()).hexdigest()[:16]
    path = cache / f"quotes-{label}-{key}.spacy" if cache else None
    if path is not None and path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts, batch_size=8))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        bin_ = DocBin(store_user_data=False)
        for doc in docs:
            bin_.add(doc)
        bin_.to_disk(path)
    return docs


def ours(text: str, doc: Doc) -> list[Predicted]:
    return [
        Predicted(
            q.start,
            q.end,
            q.direct,
            (q.speaker.start, q.speaker.end) if q.speaker else None,
            q.speaker_name,
        )
        for q in extract_quotes(text, doc)
    ]


def peer(doc: Doc) -> list[Predicted] | None:
    """textacy's direct quotations; ``None`` when it refuses the document."""
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    except ValueError:
        return None
    out = []
    for t in triples:
        s, e = t.speaker[0].idx, t.speaker[-1].idx + len(t.speaker[-1].text)
        out.append(Predicted(t.content.start_char, t.content.end_char, True, (s, e), doc.text[s:e]))
    return out


def _words(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _WORD.finditer(text)]


def _inside(words: Sequence[tuple[int, int]], spans: Sequence[tuple[int, int]]) -> set[int]:
    return {n for n, (s, e) in enumerate(words) if any(a <= s and e <= b for a, b in spans)}


def speaker_matches(p: Predicted, g: Gold) -> bool:
    """Predicted speaker overlaps the gold source, or its name's last word is in it."""
    if p.speaker is None:
        return False
    if any(p.speaker[0] < e and s < p.speaker[1] for s, e in g.source):
        return True
    if p.name:
        last = _WORD.findall(re.sub(r"['’]s?$", "", p.name.strip()).lower())
        return bool(last) and last[-1] in {w.lower() for w in _WORD.findall(g.source_text)}
    return False


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


@dataclass(frozen=True, slots=True)
class Outcome:
    """How one gold attribution fared: found, and if it has a source, whether the
    speaker of the predicted quote that covers most of it matches."""

    kind: str  # "direct" | "reported"
    found: bool
    found_direct_only: bool
    has_source: bool
    speaker_ok: bool
    named: bool  # the gold source is not a pronoun


def outcomes(
    texts: Sequence[str], golds: Sequence[Sequence[Gold]], preds: Sequence[Sequence[Predicted]]
) -> list[Outcome]:
    """One :class:`Outcome` per scored gold attribution, in gold order."""
    out = []
    for text, gold, pred in zip(texts, golds, preds, strict=True):
        words = _words(text)
        pred_words = [_inside(words, [(p.start, p.end)]) for p in pred]
        for g in gold:
            gw = _inside(words, g.content)
            if not gw or not (g.direct or g.has_cue):
                continue
            covered = set().union(*(pw & gw for pw in pred_words))
            direct_cov = set().union(
                *(pw & gw for p, pw in zip(pred, pred_words, strict=True) if p.direct)
            )
            found = 2 * len(covered) >= len(gw)
            has_source = bool(g.source and g.source_text.strip())
            ok = False
            if found and has_source:
                best = max(range(len(pred)), key=lambda n: len(pred_words[n] & gw))
                ok = speaker_matches(pred[best], g)
            out.append(
                Outcome(
                    "direct" if g.direct else "reported",
                    found,
                    2 * len(direct_cov) >= len(gw),
                    has_source,
                    ok,
                    g.source_text.strip().lower() not in PRONOUNS,
                )
            )
    return out


def _precision(
    texts: Sequence[str], golds: Sequence[Sequence[Gold]], preds: Sequence[Sequence[Predicted]]
) -> dict[str, dict[str, int]]:
    counts = {k: {"predicted": 0, "correct": 0, "attributed": 0} for k in ("direct", "reported")}
    for text, gold, pred in zip(texts, golds, preds, strict=True):
        words = _words(text)
        gold_words = [_inside(words, g.content) for g in gold]
        all_gold = set().union(*gold_words)
        for p in pred:
            c = counts["direct" if p.direct else "reported"]
            c["predicted"] += 1
            pw = _inside(words, [(p.start, p.end)])
            if not pw or 2 * len(pw & all_gold) < len(pw):
                continue
            c["correct"] += 1
            best = max(range(len(gold)), key=lambda n: len(pw & gold_words[n]))
            c["attributed"] += speaker_matches(p, gold[best])
    return counts


def score(
    texts: Sequence[str], golds: Sequence[Sequence[Gold]], preds: Sequence[Sequence[Predicted]]
) -> dict[str, Any]:
    """Recall, speaker accuracy and precision, for direct quotes and reported speech.

    ``attributed_recall`` is the share of gold attributions with a source that are both
    found and given the right speaker: recall and speaker accuracy in one figure.
    """
    results = outcomes(texts, golds, preds)
    precision = _precision(texts, golds, preds)
    out: dict[str, Any] = {}
    for kind in ("direct", "reported"):
        mine = [o for o in results if o.kind == kind]
        found = [o for o in mine if o.found]
        scored = [o for o in found if o.has_source]
        named = [o for o in scored if o.named]
        c = precision[kind]
        out[kind] = {
            "gold": len(mine),
            "recall": _ratio(len(found), len(mine)),
            "recall_direct_only": _ratio(sum(o.found_direct_only for o in mine), len(mine)),
            "speaker_accuracy": _ratio(sum(o.speaker_ok for o in scored), len(scored)),
            "speaker_scored": len(scored),
            "speaker_accuracy_named": _ratio(sum(o.speaker_ok for o in named), len(named)),
            "speaker_scored_named": len(named),
            "attributed_recall": _ratio(
                sum(o.speaker_ok for o in mine), sum(o.has_source for o in mine)
            ),
            "predicted": c["predicted"],
            "precision": _ratio(c["correct"], c["predicted"]),
            "attributed_precision": _ratio(c["attributed"], c["predicted"]),
        }
    return out


def head_to_head(ours: Sequence[Outcome], theirs: Sequence[Outcome]) -> dict[str, Any]:
    """Speaker accuracy of both systems on the direct quotes that both found (with a
    gold source): the same items, so the figures compare."""
    both = [
        (a, b)
        for a, b in zip(ours, theirs, strict=True)
        if a.kind == "direct" and a.found and b.found and a.has_source
    ]
    return {
        "items": len(both),
        "storydesk": _ratio(sum(a.speaker_ok for a, _ in both), len(both)),
        "textacy": _ratio(sum(b.speaker_ok for _, b in both), len(both)),
    }


def run_quotes_eval(
    split: str = "test", limit: int | None = None, cache: Path | None = Path(".cache")
) -> dict[str, Any]:
    """Score storydesk's quotes and textacy's ``direct_quotations`` on one PolNeAR split.

    ``limit`` keeps the first articles (by id) only, for quick checks.
    """
    import textacy

    rows = load_split(split, limit)
    texts = [r["text"] for r in rows]
    docs = parse(texts, cache, f"polnear-{split}")
    golds = [gold_of(r) for r in rows]
    predicted = [ours(t, d) for t, d in zip(texts, docs, strict=True)]
    peer_raw = [peer(d) for d in docs]
    peer_preds = [p or [] for p in peer_raw]
    return {
        "command": f"storydesk eval quotes --split {split}"
        + (f" --limit {limit}" if limit is not None else ""),
        "split": split,
        "articles": len(rows),
        "annotation": "one per article: the first annotator id in sorted order",
        "storydesk": score(texts, golds, predicted),
        "peer": f"textacy {textacy.__version__} textacy.extract.triples.direct_quotations",
        "textacy": score(texts, golds, peer_preds),
        "direct_both_found": head_to_head(
            outcomes(texts, golds, predicted), outcomes(texts, golds, peer_preds)
        ),
        "peer_failed_docs": sum(p is None for p in peer_raw),
        "quotes_version": VERSION,
        "measured_on": dt.date.today().isoformat(),
    }


def storydesk_scores(
    split: str = "dev", limit: int | None = None, cache: Path | None = Path(".cache")
) -> dict[str, Any]:
    """storydesk's figures alone on one split, the quality gate's quick figure: the same
    articles, parse (and parse cache), gold and :func:`score` as :func:`run_quotes_eval`,
    without the peer."""
    rows = load_split(split, limit)
    texts = [r["text"] for r in rows]
    docs = parse(texts, cache, f"polnear-{split}")
    predicted = [ours(t, d) for t, d in zip(texts, docs, strict=True)]
    return score(texts, [gold_of(r) for r in rows], predicted)


__all__ = [
    "gold_of",
    "head_to_head",
    "load_split",
    "outcomes",
    "run_quotes_eval",
    "score",
    "speaker_matches",
    "storydesk_scores",
]
