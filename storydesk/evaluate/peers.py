"""The peers ``storydesk eval summarize`` scores beside ours, all fed the same sentences.

* :func:`lead`: the first sentences of the most recent article (the DUC baseline).
* :class:`SumyPeer`: sumy's LexRank or TextRank ranking our sentences. sumy's own
  tokenizer needs nltk data that cannot be downloaded here, so the document model is built
  from our sentences with a small regex tokenizer; sumy's Snowball stemmer and English stop
  words need no download.
* :func:`greedy_oracle`: the sentences that greedily maximise ROUGE-2 against the
  references, a ceiling for any extractive summary of those sentences.

A peer fills its budget the way the published baselines do: sentences are added in rank
order until the summary reaches the budget, and the scorer cuts the last one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from ..errors import ArgumentError
from ..model import AnalyzedArticle
from .rouge import Rouge, bigrams

Sentences = list[str]
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*")


def latest(articles: Sequence[AnalyzedArticle]) -> int:
    """Index of the most recent article: the latest date; among equal or missing dates the
    last one given (DUC 2004's D1..D10 are in chronological order and undated here)."""
    far = dt.date.min
    return max(range(len(articles)), key=lambda i: (articles[i].article.published or far, i))


def lead(articles: Sequence[AnalyzedArticle], words: int) -> Sentences:
    """The leading sentences of the most recent article, up to ``words`` words."""
    if not articles:
        return []
    a = articles[latest(articles)]
    return fill((a.text_of(s) for s in a.sentences), words)


def lead_first(articles: Sequence[AnalyzedArticle], words: int) -> Sentences:
    """The leading sentences of the first article given, up to ``words`` words (Multi-News'
    lead baseline: its first source is usually the one the summary was written from)."""
    if not articles:
        return []
    a = articles[0]
    return fill((a.text_of(s) for s in a.sentences), words)


def fill(ranked: Iterable[str], words: int) -> Sentences:
    """Take sentences in the given order until they reach ``words`` words, skipping exact
    repeats (syndicated copies give the same sentence twice).

    >>> fill(["a b c", "a b c", "d e", "f g h"], 4)
    ['a b c', 'd e']
    """
    out: Sentences = []
    seen: set[str] = set()
    used = 0
    for text in ranked:
        if used >= words:
            break
        key = " ".join(text.split())
        if key in seen:
            continue
        seen.add(key)
        out.append(text)
        used += len(text.split())
    return out


class _Tokenizer:
    """What sumy needs of a tokenizer for sentences already split: their words."""

    language = "english"

    @staticmethod
    def to_words(text: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(text))

    @staticmethod
    def to_sentences(text: str) -> tuple[str, ...]:  # pragma: no cover - sentences are given
        return (text,)


def sumy_document(articles: Sequence[AnalyzedArticle]) -> Any:
    """A sumy ``ObjectDocumentModel``: one paragraph per article, our sentences in it."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    tok = _Tokenizer()
    return ObjectDocumentModel(
        [
            Paragraph([Sentence(a.text_of(s), tok) for s in a.sentences])
            for a in articles
            if a.sentences
        ]
    )


class SumyPeer:
    """sumy's ``lexrank`` or ``textrank`` with a word budget.

    >>> SumyPeer("lexrank").name
    'lexrank'
    """

    ALGORITHMS = ("lexrank", "textrank")

    def __init__(self, algorithm: str) -> None:
        from sumy.nlp.stemmers import Stemmer
        from sumy.summarizers.lex_rank import LexRankSummarizer
        from sumy.summarizers.text_rank import TextRankSummarizer
        from sumy.utils import get_stop_words

        classes = {"lexrank": LexRankSummarizer, "textrank": TextRankSummarizer}
        if algorithm not in classes:
            raise ArgumentError(
                f"unknown sumy algorithm {algorithm!r} (choose from {self.ALGORITHMS})"
            )
        self.name = algorithm
        self._summarizer = classes[algorithm](Stemmer("english"))
        self._summarizer.stop_words = get_stop_words("english")

    def __call__(self, articles: Sequence[AnalyzedArticle], words: int) -> Sentences:
        document = sumy_document(articles)
        if not document.sentences:
            return []
        picked: list[Any] = []

        # sumy hands a callable "count" the sentences best first and keeps what it returns.
        def budget(infos: Sequence[Any]) -> list[Any]:
            texts = fill((str(i.sentence) for i in infos), words)
            wanted = Counter(texts)
            for info in infos:
                if wanted[str(info.sentence)] > 0:
                    wanted[str(info.sentence)] -= 1
                    picked.append(info)
            return picked

        return [str(s) for s in self._summarizer(document, budget)]


def greedy_oracle(
    articles: Sequence[AnalyzedArticle], references: Sequence[str], rouge: Rouge
) -> Sentences:
    """Sentences chosen one at a time for the largest gain in ROUGE-2 (the set's measure,
    recall or F1, averaged over references, after the budget cut), until nothing gains or
    the budget is full. The chosen order is kept, so the cut falls on the last pick."""
    words = rouge.convention.words
    pool = list(dict.fromkeys(a.text_of(s) for a in articles for s in a.sentences))
    if not pool or not references:
        return []
    refs = rouge.reference_bigrams(references)
    totals = [sum(r.values()) for r in refs]
    # Each sentence as its words, each word as its tokens, so a cut needs no re-tokenising.
    split = [[tuple(rouge.tokens(w)) for w in text.split()] for text in pool]
    fmeasure = rouge.convention.measure == "fmeasure"
    summary: Counter[tuple[str, str]] = Counter()
    hits = [0] * len(refs)
    size = 0
    used = 0
    last: tuple[str, ...] = ()  # the summary's last token, for the bigram across sentences
    chosen: list[int] = []
    current = 0.0
    while used < words:
        best, best_value, best_state = -1, current, None
        for i, sent in enumerate(split):
            if i in chosen:
                continue
            tokens = [*last, *(t for w in sent[: words - used] for t in w)]
            added = bigrams(tokens)
            new_hits = [
                h
                + sum(
                    min(summary[g] + n, ref[g]) - min(summary[g], ref[g])
                    for g, n in added.items()
                    if g in ref
                )
                for h, ref in zip(hits, refs, strict=True)
            ]
            new_size = size + sum(added.values())
            value = _mean_score(new_hits, totals, new_size, fmeasure)
            if value > best_value + 1e-12:
                best, best_value, best_state = i, value, (added, new_hits, new_size, tokens)
        if best < 0 or best_state is None:
            break
        added, hits, size, tokens = best_state
        summary.update(added)
        used += min(len(split[best]), words - used)
        last = tuple(tokens[-1:])
        chosen.append(best)
        current = best_value
    return [pool[i] for i in chosen]


def _mean_score(hits: Sequence[int], totals: Sequence[int], size: int, fmeasure: bool) -> float:
    values = []
    for h, total in zip(hits, totals, strict=True):
        recall = h / total if total else 0.0
        if not fmeasure:
            values.append(recall)
            continue
        precision = h / size if size else 0.0
        values.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(values) / len(values)


__all__ = ["SumyPeer", "fill", "greedy_oracle", "latest", "lead", "sumy_document"]
