"""`storydesk eval clean`: article text from real pages, scored against their true bodies.

The Article Extraction Benchmark (``../shared/datasets/scrapinghub-aeb``, 181 real pages with
a human-made ``articleBody`` each; see its PROVENANCE.md) is scored with the benchmark's own
method, rebuilt here (:func:`shingle_counts`, :func:`scores`): token 4-gram shingles of the
output against those of the true body, true/false positives and negatives normalised per
page, precision and recall averaged over pages, F1 from the two averages.

Two paths, each measured in the same run next to a peer:

* **HTML**: storydesk's HTML reader and cleaning (what ``storydesk run page.html`` keeps),
  next to trafilatura alone (``trafilatura.extract(html, include_comments=False)``, as the
  benchmark runs it).
* **text**: the page's whole visible text, made from the HTML by ``html-text`` (as the
  benchmark's "all the page's text" system makes it), read by storydesk's text reader and
  cleaned as a ``.txt`` from a page store would be; next to that text as it is.

Two proxies of the issue's hidden-set measures, pooled over pages, in shingles (about words):
``furniture_kept``, the share of the page's furniture (shingles of its whole text that are
not in the true body) that the output keeps; ``body_lost``, the share of the true body's
shingles the output lacks.

This set is the development set of storydesk's text cleaning: the rules were tuned on it.
:data:`GATE_PAGES` is a fixed subset (every ninth page in id order) that a test re-measures
from the code.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import logging
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from importlib.metadata import version
from pathlib import Path
from typing import Any

from ..corpus import dated
from ..errors import ConfigError
from ..ingest import read_bytes
from ..model import Article, RawDocument
from .data import dataset_path

log = logging.getLogger(__name__)

DATASET = "scrapinghub-aeb"
CACHE_DIR = Path(".cache")
SYSTEMS = ("storydesk_html", "trafilatura", "storydesk_text", "all_text")
_TOKEN = re.compile(r"\w+")


def shingle_counts(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """The benchmark's shingles: ``\\w+`` tokens, n-grams of them (one shorter gram for a
    text of fewer than n tokens), with their counts.

    >>> sorted(shingle_counts("a b c d e", 4))
    [('a', 'b', 'c', 'd'), ('b', 'c', 'd', 'e')]
    """
    tokens = _TOKEN.findall(text or "")
    grams = (tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))
    return Counter(g for g in grams if g)


def _raw_matching(true: Counter, pred: Counter) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for key in true.keys() | pred.keys():
        t, p = true.get(key, 0), pred.get(key, 0)
        tp += min(t, p)
        fp += max(0, p - t)
        fn += max(0, t - p)
    return tp, fp, fn


def matching(true: str, pred: str) -> tuple[float, float, float]:
    """The benchmark's per-page (tp, fp, fn), normalised to sum to 1."""
    tp, fp, fn = _raw_matching(shingle_counts(true), shingle_counts(pred))
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def scores(rows: Sequence[tuple[float, float, float]]) -> dict[str, float]:
    """The benchmark's precision, recall (each averaged over pages) and F1 of the two."""

    def precision(tp: float, fp: float, fn: float) -> float:
        if fp == fn == 0:
            return 1.0
        return 0.0 if tp == fp == 0 else tp / (tp + fp)

    def recall(tp: float, fp: float, fn: float) -> float:
        if fp == fn == 0:
            return 1.0
        return 0.0 if tp == fn == 0 else tp / (tp + fn)

    ps = [precision(*r) for r in rows if r[0] + r[1] > 0]
    rs = [recall(*r) for r in rows if r[0] + r[2] > 0]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4)}


def page_ids() -> list[str]:
    """Every page of the set, in id order."""
    gold = json.loads((dataset_path(DATASET) / "ground-truth.json").read_text())
    return sorted(gold)


# The fixed subset a fast test re-measures: every ninth page in id order (21 pages).
GATE_STEP = 9


def gate_pages(ids: Sequence[str]) -> list[str]:
    return list(ids[::GATE_STEP])


def _peer_outputs(ids: Iterable[str], cache: Path | None) -> dict[str, dict[str, str]]:
    """trafilatura alone and html-text on every page (cached: they do not change with
    storydesk's code)."""
    import html_text
    import trafilatura

    ids = list(ids)
    key = hashlib.sha256(
        json.dumps([ids, version("trafilatura"), version("html-text"), version("lxml")]).encode()
    ).hexdigest()[:16]
    path = cache / f"clean-aeb-{key}.json" if cache is not None else None
    if path is not None and path.exists():
        return dict(json.loads(path.read_text()))
    out: dict[str, dict[str, str]] = {}
    for pid in ids:
        html = _html(pid).decode("utf-8", errors="replace")
        out[pid] = {
            "trafilatura": trafilatura.extract(html, include_comments=False) or "",
            "all_text": html_text.extract_text(html),
        }
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(out))
    return out


def _html(pid: str) -> bytes:
    return gzip.decompress((dataset_path(DATASET) / "html" / f"{pid}.html.gz").read_bytes())


def storydesk_article(data: bytes, source: str, kind: str) -> Article | None:
    """What storydesk makes of one input: its reader, then its cleaning, then the date its
    URL or text gives when its metadata has none (``None`` if rejected)."""
    from ..pipeline import prepare

    docs = read_bytes(data, source, kind)
    if not docs or not isinstance(docs[0], RawDocument):
        return None
    article = prepare(docs[0], "page")
    if not isinstance(article, Article):
        return None
    return dated(article)


def storydesk_text(data: bytes, source: str, kind: str) -> str:
    """What storydesk keeps of one input: its reader, then its cleaning ("" if rejected)."""
    article = storydesk_article(data, source, kind)
    return article.text if article is not None else ""


def text_path_dates(dates: Sequence[tuple[dt.date | None, dt.date | None]]) -> dict[str, int]:
    """How many pages the text path dates (the HTML path reads the page's metadata; the
    text path has no metadata and finds the date in the page's text), and how many of
    those match the HTML metadata's date: the same day, or within a day (a page shows its
    local date, its metadata often UTC's).

    >>> d = dt.date(2026, 3, 9)
    >>> r = text_path_dates([(d, d), (d, d + dt.timedelta(1)), (d, None), (None, d)])
    >>> r["text_dated"], r["text_same_day_as_html"], r["text_within_a_day_of_html"]
    (3, 1, 2)
    """
    return {
        "pages": len(dates),
        "html_metadata_dated": sum(1 for h, _ in dates if h),
        "text_dated": sum(1 for _, t in dates if t),
        "text_same_day_as_html": sum(1 for h, t in dates if h and t and h == t),
        "text_within_a_day_of_html": sum(1 for h, t in dates if h and t and abs(h - t).days <= 1),
        "text_dated_html_undated": sum(1 for h, t in dates if t and not h),
    }


def run_clean_eval(
    limit: int | None = None, subset: str = "all", cache: Path | None = CACHE_DIR
) -> dict[str, Any]:
    """Score both paths and their peers on the pages (``subset``: ``all`` or ``gate``)."""
    if subset not in ("all", "gate"):
        raise ConfigError(f"--subset must be all or gate, got {subset!r}")
    gold = json.loads((dataset_path(DATASET) / "ground-truth.json").read_text())
    ids = sorted(gold)
    if subset == "gate":
        ids = gate_pages(ids)
    if limit is not None:
        ids = ids[:limit]
    peers = _peer_outputs(ids, cache)
    rows: dict[str, list[tuple[float, float, float]]] = {s: [] for s in SYSTEMS}
    pooled = {s: [0, 0, 0, 0] for s in SYSTEMS}  # furniture kept, furniture, body lost, body
    dates: list[tuple[dt.date | None, dt.date | None]] = []  # (HTML metadata, text path)
    for pid in ids:
        true = gold[pid].get("articleBody", "")
        page_text = peers[pid]["all_text"]
        html_article = storydesk_article(_html(pid), pid, ".html")
        text_article = storydesk_article(page_text.encode("utf-8"), pid, ".txt")
        outputs = {
            "storydesk_html": html_article.text if html_article else "",
            "trafilatura": peers[pid]["trafilatura"],
            "storydesk_text": text_article.text if text_article else "",
            "all_text": page_text,
        }
        dates.append(
            (
                html_article.published
                if html_article and html_article.date_source == "metadata"
                else None,
                text_article.published if text_article else None,
            )
        )
        true_sh = shingle_counts(true)
        _, furniture, _ = _raw_matching(true_sh, shingle_counts(page_text))
        for system, text in outputs.items():
            rows[system].append(matching(true, text))
            tp, fp, fn = _raw_matching(true_sh, shingle_counts(text))
            p = pooled[system]
            p[0] += min(fp, furniture)
            p[1] += furniture
            p[2] += fn
            p[3] += tp + fn
    result: dict[str, Any] = {
        "dataset": DATASET,
        "pages": len(ids),
        "subset": subset,
        "method": "benchmark shingle P/R/F1 (token 4-grams, per-page normalised, averaged)",
    }
    result["text_path_dates"] = text_path_dates(dates)
    for system in SYSTEMS:
        kept, furniture, lost, body = pooled[system]
        result[system] = {
            **scores(rows[system]),
            "furniture_kept": round(kept / furniture, 4) if furniture else 0.0,
            "body_lost": round(lost / body, 4) if body else 0.0,
        }
    return result
