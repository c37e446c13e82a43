"""`storydesk eval timeline`: date resolution on Timeline17, next to simple baselines.

Timeline17 (``../shared/datasets/timeline17``, see its PROVENANCE.md) pairs news articles,
each with its publication date, with the dated timelines journalists wrote for the same
stories. No annotation says which date an article sentence refers to, so the gold is built
from the timelines, and the measured set is fixed before any system runs:

1. **Sentences that state a day.** Each article is detokenized (the release is
   PTB-tokenized) and split into sentences with a plain rule. A sentence *states a day*
   when it contains, by the fixed word list :data:`STATES_A_DAY` written here (not the
   resolver's patterns), a weekday name, a month name next to a day number, an ISO date,
   "yesterday" / "today" / "tonight" / "tomorrow" / "last night", "N days ago", or "the Nth
   day of". A month or a year alone does not state a day and is left out.
2. **Its gold date.** Such a sentence is *matched* when a timeline entry sentence of the same
   topic has a TF-IDF cosine of at least :data:`MATCH_COSINE` (0.5, fixed a priori, scikit-
   learn's English stop words) with it, and no entry sentence of a *different* date matches
   as well (a tie is dropped as ambiguous). The gold date of the sentence is that entry's
   date: the journalist's date for the event the sentence reports. Repeats of one
   sentence in articles of the same publication date count once.
3. **Scoring.** A prediction is correct when it is that day. Measured in the same run:
   storydesk's resolver (:func:`storydesk.timeline.find_time_expressions` on the whole
   article for anchors, the sentence parsed by spaCy for attachment and tense,
   :func:`storydesk.timeline.event_expression` to pick the event date), the same without a
   parse, the baseline "the sentence's date is the article's publication date",
   dateutil's fuzzy parser with the publication date as default, and dateparser's
   ``search_dates`` (``RELATIVE_BASE`` = the publication date; its first date of a day's
   precision). dateparser is run with ``PREFER_DATES_FROM`` = ``current_period`` (the
   best of its settings on dev) and, as ``dateparser_tense``, with it chosen by the tense of
   the sentence's main verb (past, future, else current period).
4. **Per rule.** ``by_rule`` compares, for each of storydesk's rules (the pattern that
   found the event date: ``mdy``, ``weekday``, ``word`` ...; ``+year`` when the date
   states its year), storydesk's date with dateparser's for the same words (its
   ``DateDataParser``, ``PREFER_DATES_FROM`` by the tense storydesk reads, or
   ``current_period``): a rule is worth its code only where it beats the library on dev.

The topics are split in two by story, fixed here: the resolver was developed by looking at
the errors of the **dev** topics (BP oil spill, H1N1, Haiti, Michael Jackson) only; the
**test** topics (Egypt, Iraq, Libya, Syria) are reported and were not looked into.

The gold is noisy by construction: a timeline entry may date a sentence by an event it
mentions rather than the one it reports, and Timeline17's publication dates are sometimes a
day off. Both affect the system and the baselines alike.

Parses are cached in ``.cache/`` keyed by :data:`VERSION` and the spaCy model.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ArgumentError, ConfigError
from ..model import TimeExpression
from ..timeline import VERSION as RESOLVER_VERSION
from ..timeline import event_expression, find_anchors, find_time_expressions
from ..timeline.dates import _tense
from .data import dataset_path

log = logging.getLogger(__name__)

VERSION = f"timeline17-2/{RESOLVER_VERSION}"
MATCH_COSINE = 0.5
DEV_TOPICS = ("bpoil_", "H1N1_", "haiti_", "MJ_")
CACHE_DIR = Path(".cache")

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
# What "states a day" means, by category (the first that matches names the sentence's kind).
STATES_A_DAY: dict[str, re.Pattern[str]] = {
    "date_with_year": re.compile(
        rf"\b(?:{_MONTH}\s+\d{{1,2}},?\s+(?:19|20)\d\d|\d{{1,2}}\s+{_MONTH}\s+(?:19|20)\d\d|"
        r"(?:19|20)\d\d-\d\d-\d\d)\b"
    ),
    "date_without_year": re.compile(rf"\b(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})\b"),
    "weekday": re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
    "relative": re.compile(
        r"(?i:\b(?:yesterday|today|tonight|tomorrow|last\s+night|\w+\s+days?\s+ago|"
        r"(?:\d+(?:st|nd|rd|th)|\w+th|first|second|third)\s+day\s+of)\b)"
    ),
}

_DETOK = [
    (re.compile(r"-LRB-"), "("),
    (re.compile(r"-RRB-"), ")"),
    (re.compile(r"-LSB-"), "["),
    (re.compile(r"-RSB-"), "]"),
    (re.compile(r"-LCB-"), "{"),
    (re.compile(r"-RCB-"), "}"),
    (re.compile(r"\\/"), "/"),
    (re.compile(r"``\s*"), '"'),
    (re.compile(r"\s*''"), '"'),
    (re.compile(r"\s+(n't|'s|'re|'ve|'ll|'d|'m)\b", re.IGNORECASE), r"\1"),
    (re.compile(r"\s+([.,;:?!%)\]])"), r"\1"),
    (re.compile(r"([(\[$])\s+"), r"\1"),
]
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Maj|Prof|Jr|Sr|No|Jan|Feb|Mar|"
    r"Apr|Aug|Sept|Sep|Oct|Nov|Dec|[A-Z])|\b(?:[A-Z]\.){1,3}[A-Z])\.$"
)
_SENT_END = re.compile(r"[.!?][\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")


def detokenize(text: str) -> str:
    """Undo the PTB tokenization of the release ("Mexico , with" -> "Mexico, with").

    >>> detokenize("Obama 's plan -LRB- draft -RRB- was n't `` new '' .")
    'Obama\\'s plan (draft) wasn\\'t "new".'
    """
    for pattern, repl in _DETOK:
        text = pattern.sub(repl, text)
    return text


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans by a plain rule: a stop, then space and a capital (not after "Mr.")."""
    spans, start = [], 0
    for m in _SENT_END.finditer(text):
        end = m.start() + 1
        if _ABBREV.search(text[max(start, end - 8) : end]):
            continue
        close = m.group().rstrip()
        spans.append((start, m.start() + len(close)))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return [(s, e) for s, e in spans if e > s]


def states_a_day(sentence: str) -> str | None:
    """The kind of day statement in a sentence (see :data:`STATES_A_DAY`), or ``None``."""
    for kind, pattern in STATES_A_DAY.items():
        if pattern.search(sentence):
            return kind
    return None


@dataclass(frozen=True, slots=True)
class Item:
    """One measured sentence: where it is, what kind of day it states, and its gold date."""

    article_id: str
    topic: str
    published: dt.date
    start: int
    end: int
    kind: str
    gold: dt.date
    cosine: float


def _topic_split(topic: str) -> str:
    return "dev" if topic.startswith(DEV_TOPICS) else "test"


def _load(limit: int | None) -> tuple[dict[str, dict[str, Any]], dict[str, list[tuple]]]:
    """Articles (detokenized, by id) and timeline entry sentences by topic."""
    root = dataset_path("timeline17")
    by_topic: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with (root / "articles.jsonl").open() as fh:
        for line in fh:
            row = json.loads(line)
            by_topic[row["topic"]].append(row)
    articles: dict[str, dict[str, Any]] = {}
    for topic, rows in sorted(by_topic.items()):
        rows.sort(key=lambda r: (r["date"], r["id"]))
        if limit is not None:
            # A deterministic sample spread over the topic's dates.
            step = max(1, len(rows) // limit)
            rows = rows[::step][:limit]
        for r in rows:
            articles[r["id"]] = {
                "topic": topic,
                "published": dt.date.fromisoformat(r["date"]),
                "text": detokenize(r["text"]),
            }
    entries: dict[str, list[tuple]] = defaultdict(list)
    with (root / "timelines.jsonl").open() as fh:
        for line in fh:
            tl = json.loads(line)
            for e in tl["entries"]:
                text = detokenize(e["text"])
                for s, t in split_sentences(text):
                    entries[tl["topic"]].append((dt.date.fromisoformat(e["date"]), text[s:t]))
    return articles, entries


def gold_items(articles: dict[str, dict[str, Any]], entries: dict[str, list[tuple]]) -> list[Item]:
    """The measured sentences with their gold dates (steps 1 and 2 of the module doc)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    items: list[Item] = []
    cands: dict[str, list[tuple]] = defaultdict(list)
    for aid, a in articles.items():
        text = a["text"]
        for s, e in split_sentences(text):
            kind = states_a_day(text[s:e])
            if kind and 4 <= len(text[s:e].split()) <= 80:
                cands[a["topic"]].append((aid, s, e, kind))
    for topic in sorted(cands):
        ents = entries.get(topic)
        if not ents:
            continue
        sents = [articles[aid]["text"][s:e] for aid, s, e, _ in cands[topic]]
        vec = TfidfVectorizer(stop_words="english", sublinear_tf=True)
        vec.fit(sents + [t for _, t in ents])
        sim = (vec.transform(sents) @ vec.transform([t for _, t in ents]).T).toarray()
        seen: set[tuple] = set()
        for (aid, s, e, kind), row in zip(cands[topic], sim, strict=True):
            best = float(row.max())
            if best < MATCH_COSINE:
                continue
            dates = {ents[j][0] for j in range(len(ents)) if row[j] >= best - 1e-9}
            if len(dates) != 1:
                continue
            a = articles[aid]
            key = (topic, " ".join(a["text"][s:e].split()).lower(), a["published"])
            if key in seen:
                continue
            seen.add(key)
            items.append(Item(aid, topic, a["published"], s, e, kind, dates.pop(), round(best, 4)))
    return items


def _parses(texts: list[str], cache: Path | None) -> list[Any]:
    """spaCy parses of the sentences, cached by version, model and content."""
    from spacy.tokens import DocBin

    from ..pipeline import parser
    from ..settings import Settings

    nlp = parser(Settings())
    key = hashlib.sha256(
        "\x00".join([VERSION, nlp.meta["name"], nlp.meta["version"], *texts]).encode()
    ).hexdigest()[:16]
    path = cache / f"timeline17-{key}.spacy" if cache is not None else None
    if path is not None and path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts, batch_size=64))
    if path is None:
        return docs
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs).to_disk(path)
    except OSError as exc:  # a read-only checkout still evaluates
        log.warning("could not cache parses at %s: %s", path, exc)
    return docs


def _dateutil_guess(sentence: str, published: dt.date) -> dt.date | None:
    from dateutil import parser as dateparser

    default = dt.datetime(published.year, published.month, published.day)
    try:
        return dateparser.parse(sentence, fuzzy=True, default=default).date()
    except (ValueError, OverflowError, TypeError):
        return None


SYSTEMS = (
    "storydesk",
    "storydesk_no_parse",
    "published_date",
    "dateutil_fuzzy",
    "dateparser",
    "dateparser_tense",
)
_DP_SETTINGS = {"RETURN_AS_TIMEZONE_AWARE": False}


def _prefer(tense: str | None) -> str:
    """dateparser's ``PREFER_DATES_FROM`` for a tense storydesk reads (a present tense
    is left to the library's default)."""
    return {"past": "past", "future": "future"}.get(tense or "", "current_period")


def _dateparser_search(sentence: str, published: dt.date, prefer: str) -> dt.date | None:
    """dateparser's ``search_dates``: its first date found at a day's precision."""
    from dateparser.search import search_dates

    settings = {
        **_DP_SETTINGS,
        "RELATIVE_BASE": dt.datetime(published.year, published.month, published.day),
        "PREFER_DATES_FROM": prefer,
    }
    try:
        found = search_dates(sentence, languages=["en"], settings=settings, add_period=True)
    except Exception:  # the library's own failure on odd text is a miss, not a crash
        log.debug("dateparser failed on %r", sentence[:60], exc_info=True)
        return None
    for _text, when, period in found or ():
        if period in ("day", "time"):
            return when.date()
    return None


@functools.lru_cache(maxsize=4096)
def _date_data_parser(published: dt.date, prefer: str) -> Any:
    from dateparser.date import DateDataParser

    settings = {
        **_DP_SETTINGS,
        "RELATIVE_BASE": dt.datetime(published.year, published.month, published.day),
        "PREFER_DATES_FROM": prefer,
        "PREFER_DAY_OF_MONTH": "first",
    }
    return DateDataParser(languages=["en"], settings=settings)


def dateparser_resolve(words: str, published: dt.date, prefer: str) -> dt.date | None:
    """dateparser's date for the words of one expression, when it gives a day."""
    try:
        data = _date_data_parser(published, prefer).get_date_data(words)
    except Exception:  # as above: a miss
        return None
    if data is None or data.date_obj is None or data.period not in ("day", "time"):
        return None
    return data.date_obj.date()


def _root_tense(doc: Any) -> str | None:
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    return None if root is None else _tense(doc, root.idx, root.idx + len(root))


def _rule(e: TimeExpression) -> str:
    stated = e.rule in ("mdy", "dmy") and re.search(r"\b(?:1[89]|20)\d\d\b", e.text)
    return f"{e.rule}+year" if stated else str(e.rule)


def _score(rows: Iterable[tuple[Item, dict[str, Any]]]) -> dict[str, Any]:
    rows = list(rows)
    systems = SYSTEMS
    out: dict[str, Any] = {"sentences": len(rows)}
    for name in systems:
        correct = sum(pred[name] == item.gold for item, pred in rows)
        out[name] = {
            "correct": correct,
            "accuracy": round(correct / len(rows), 4) if rows else None,
        }
    for name in ("storydesk", "storydesk_no_parse"):
        out[name]["undated"] = sum(pred[name] is None for _, pred in rows)
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    for item, pred in rows:
        kinds[item.kind]["sentences"] += 1
        for name in systems:
            kinds[item.kind][name] += pred[name] == item.gold
    out["by_kind"] = {k: dict(v) for k, v in sorted(kinds.items())}
    rules: dict[str, Counter[str]] = defaultdict(Counter)
    for item, pred in rows:
        rule = str(pred.get("rule") or "(none)")
        rules[rule]["sentences"] += 1
        for name in ("storydesk", "dateparser_same_words", "dateparser_same_words_current"):
            rules[rule][name] += pred[name] == item.gold
    out["by_rule"] = {k: dict(v) for k, v in sorted(rules.items())}
    return out


def run_timeline_eval(
    limit: int | None = None, details: bool = False, cache: Path | None = CACHE_DIR
) -> dict[str, Any]:
    """Date-resolution accuracy on Timeline17 sentences that state a day (module doc).

    ``limit`` reads at most that many articles per topic (an even, deterministic sample over
    each topic's dates); the default reads all 4,352 (about 30 seconds). ``details`` adds
    every measured sentence (article id, offsets, gold and predicted dates; no text) for
    error analysis. ``cache`` is the folder for parses (``None``: do not cache).
    """
    if limit is not None and limit < 1:
        raise ArgumentError(f"limit must be at least 1, got {limit}")
    articles, entries = _load(limit)
    items = gold_items(articles, entries)
    docs = _parses([articles[i.article_id]["text"][i.start : i.end] for i in items], cache)
    anchors_of: dict[str, tuple] = {}
    rows = []
    for item, doc in zip(items, docs, strict=True):
        a = articles[item.article_id]
        if item.article_id not in anchors_of:
            anchors_of[item.article_id] = find_anchors(a["text"], a["published"])
        sentence = a["text"][item.start : item.end]
        pred: dict[str, Any] = {}
        picked = None
        for name, parse in (("storydesk", doc), ("storydesk_no_parse", None)):
            exprs = find_time_expressions(
                sentence, a["published"], parse, anchors_of[item.article_id]
            )
            chosen = event_expression(exprs)
            pred[name] = chosen.date if chosen and chosen.granularity == "day" else None
            picked = chosen if parse is not None else picked
        pred["published_date"] = a["published"]
        pred["dateutil_fuzzy"] = _dateutil_guess(sentence, a["published"])
        pred["dateparser"] = _dateparser_search(sentence, a["published"], "current_period")
        tense = _prefer(_root_tense(doc))
        pred["dateparser_tense"] = _dateparser_search(sentence, a["published"], tense)
        # The same words storydesk dated, dated by the library.
        same = same_current = None
        if picked is not None:
            prefer = _prefer(_tense(doc, picked.start, picked.end))
            same = dateparser_resolve(picked.text, a["published"], prefer)
            same_current = dateparser_resolve(picked.text, a["published"], "current_period")
        pred["dateparser_same_words"] = same
        pred["dateparser_same_words_current"] = same_current
        rows.append((item, {**pred, "rule": _rule(picked) if picked else None}))
    result: dict[str, Any] = {
        "version": VERSION,
        "dataset": "timeline17",
        "articles_read": len(articles),
        "limit_per_topic": limit,
        "match_cosine": MATCH_COSINE,
        "dev_topics": [t + "*" for t in DEV_TOPICS],
        "splits": {
            split: _score(r for r in rows if _topic_split(r[0].topic) == split)
            for split in ("dev", "test")
        },
    }
    if details:
        result["items"] = [
            {
                "article_id": item.article_id,
                "start": item.start,
                "end": item.end,
                "kind": item.kind,
                "split": _topic_split(item.topic),
                "published": item.published.isoformat(),
                "gold": item.gold.isoformat(),
                "cosine": item.cosine,
                **{k: v.isoformat() if isinstance(v, dt.date) else v for k, v in pred.items()},
            }
            for item, pred in rows
        ]
    return result


def sentence_date(
    sentence: str, published: dt.date, parse: Any, anchors: tuple[Any, ...]
) -> dt.date | None:
    """storydesk's date for one measured sentence: the event expression's day, if it has one."""
    chosen = event_expression(find_time_expressions(sentence, published, parse, anchors))
    return chosen.date if chosen and chosen.granularity == "day" else None


def storydesk_accuracy(split: str = "dev", cache: Path | None = CACHE_DIR) -> dict[str, Any]:
    """storydesk's accuracy on one split alone, the quality gate's quick figure.

    The same sentences, gold dates and resolver as :func:`run_timeline_eval` (the gold is
    built topic by topic, so reading only the split's topics changes nothing), without the
    baselines or the parse-free variant.
    """
    if split not in ("dev", "test"):
        raise ConfigError(f"unknown Timeline17 split {split!r}: expected dev or test")
    everything, entries = _load(None)
    articles = {k: a for k, a in everything.items() if _topic_split(a["topic"]) == split}
    items = gold_items(articles, entries)
    docs = _parses([articles[i.article_id]["text"][i.start : i.end] for i in items], cache)
    anchors_of: dict[str, tuple[Any, ...]] = {}
    correct = 0
    for item, doc in zip(items, docs, strict=True):
        a = articles[item.article_id]
        if item.article_id not in anchors_of:
            anchors_of[item.article_id] = find_anchors(a["text"], a["published"])
        sentence = a["text"][item.start : item.end]
        correct += sentence_date(sentence, a["published"], doc, anchors_of[item.article_id]) == (
            item.gold
        )
    return {
        "version": VERSION,
        "split": split,
        "sentences": len(items),
        "correct": correct,
        "accuracy": round(correct / len(items), 4) if items else None,
    }
