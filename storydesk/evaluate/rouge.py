"""ROUGE as the published tables compute it, on top of Google's ``rouge-score``.

ROUGE-1.5.5 with ``-l N`` keeps the first N whitespace-separated words of each summary,
peer and model alike, and only then lower-cases and drops everything but letters and
digits. :func:`prepare` does the same cut, so that ``rouge-score``'s tokenizer (which
lower-cases and replaces non-alphanumerics, stemming words longer than three letters with
Porter's stemmer, as ROUGE-1.5.5 ``-m`` does) sees what ROUGE-1.5.5 saw. Each cluster's
score is the mean over its references of the per-reference score, and a set's score the
mean over its clusters, x100. Scored this way, the 13 SumRepo systems of DUC 2004 come
within 0.1 ROUGE-2 of the figures published with ROUGE-1.5.5 (``tests/test_rouge.py``).

Two known differences with ROUGE-1.5.5 remain: it keeps ``-`` as a token ("well-known" is
three tokens there, two here), which puts its ROUGE-1 about 0.4 above ours on DUC 2004;
and its ROUGE-L is the summary-level union LCS over sentences, while ours is the plain LCS
of the two texts (``rougeL``; ``split_summaries`` stays off: it needs nltk data).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from statistics import fmean
from typing import Literal

import numpy as np
from rouge_score import rouge_scorer, tokenizers

from ..errors import ConfigError

TYPES = ("rouge1", "rouge2", "rougeL")
Measure = Literal["recall", "fmeasure"]


@dataclass(frozen=True, slots=True)
class Convention:
    """How one evaluation set is scored.

    ``words``: the budget; the system summary is cut to its first ``words`` words, and so
    is each reference when ``cut_references`` (the DUC convention, ``-l`` applies to the
    models too). ``measure``: which ROUGE figure is reported.
    """

    words: int
    measure: Measure = "recall"
    cut_references: bool = True

    def __post_init__(self) -> None:
        if self.words < 1:
            raise ConfigError(f"a ROUGE word budget must be positive, got {self.words}")
        if self.measure not in ("recall", "fmeasure"):
            raise ConfigError(f"measure must be recall or fmeasure, got {self.measure!r}")


# The conventions of the published tables for each set.
CONVENTIONS: dict[str, Convention] = {
    "duc2004": Convention(100, "recall"),
    "multinews": Convention(260, "fmeasure", cut_references=False),
    "duc2006": Convention(250, "recall"),
    "duc2007-main": Convention(250, "recall"),
    "duc2007-update": Convention(100, "recall"),
}

# DUC's TeX-style quotes and curly quotes are one character class to the tokenizer (they
# are dropped), but they must also count the same when words are counted for the cut:
# ``Hello'' and “Hello” are one word each, `` Hello '' is three either way.
_QUOTES = re.compile(r"``|''|[“”„‟]")
_SINGLE = re.compile(r"[`‘’‛]")


def normalize(text: str) -> str:
    """DUC-style and curly quotes as plain ASCII quotes; the words stay as they are.

    >>> normalize("``Hello,'' he said. It’s `fine'")
    '"Hello," he said. It\\'s \\'fine\\''
    """
    return _SINGLE.sub("'", _QUOTES.sub('"', text))


def truncate(text: str, words: int) -> str:
    """The first ``words`` whitespace-separated words of ``text``, as ROUGE-1.5.5 ``-l``.

    >>> truncate("One two  three\\nfour", 3)
    'One two three'
    """
    return " ".join(text.split()[:words])


def prepare(text: str, words: int | None) -> str:
    """A summary as it is scored: quotes normalised, cut to ``words`` words (None: whole)."""
    text = normalize(text)
    return truncate(text, words) if words is not None else " ".join(text.split())


class Rouge:
    """ROUGE-1, ROUGE-2 and ROUGE-L with stemming, scored under one :class:`Convention`.

    >>> r = Rouge(Convention(words=4))
    >>> s = r.score_cluster("the cat sat on the mat", ["the cat sat down", "a cat sat"])
    >>> round(s["rouge1"], 1), round(s["rouge2"], 1)  # mean of 3/4 and 2/3; of 2/3 and 1/2
    (70.8, 58.3)
    """

    def __init__(self, convention: Convention, types: Sequence[str] = TYPES) -> None:
        unknown = set(types) - set(TYPES)
        if unknown or not types:
            raise ConfigError(f"ROUGE types must be among {', '.join(TYPES)}, got {list(types)}")
        self.convention = convention
        self.types = tuple(types)
        self._tokenizer = CachedTokenizer()
        # split_summaries stays False: it would need nltk's sentence splitter data.
        self._scorer = rouge_scorer.RougeScorer(
            list(self.types), use_stemmer=True, tokenizer=self._tokenizer
        )

    def _reference(self, text: str) -> str:
        c = self.convention
        return prepare(text, c.words if c.cut_references else None)

    def score_pair(self, summary: str, reference: str) -> dict[str, float]:
        """Each ROUGE type's figure (x100) of one summary against one reference."""
        scores = self._scorer.score(
            self._reference(reference), prepare(summary, self.convention.words)
        )
        return {t: 100.0 * getattr(scores[t], self.convention.measure) for t in self.types}

    def score_cluster(self, summary: str, references: Sequence[str]) -> dict[str, float]:
        """The mean over ``references`` of each per-reference figure (x100)."""
        if not references:
            raise ConfigError("a cluster needs at least one reference to be scored")
        pairs = [self.score_pair(summary, ref) for ref in references]
        return {t: fmean(p[t] for p in pairs) for t in self.types}

    def tokens(self, text: str) -> list[str]:
        """The scorer's tokens of ``text`` as it is (no cut): lower-cased, stemmed."""
        return self._tokenizer.tokenize(normalize(text))

    def reference_bigrams(self, references: Sequence[str]) -> list[Counter[tuple[str, str]]]:
        """Bigram counts of each reference as scored, for the greedy oracle."""
        return [bigrams(self.tokens(self._reference(r))) for r in references]


class CachedTokenizer(tokenizers.Tokenizer):
    """rouge-score's default tokenizer (stemming on), remembering each word's tokens.

    The default tokenizer splits at anything that is not a letter or digit, so tokenizing
    word by word gives the same tokens; the cache saves the repeated Porter stemming.
    """

    def __init__(self) -> None:
        self._default = tokenizers.DefaultTokenizer(use_stemmer=True)
        self._word = lru_cache(maxsize=200_000)(self._tokenize_word)

    def _tokenize_word(self, word: str) -> tuple[str, ...]:
        return tuple(self._default.tokenize(word))

    def tokenize(self, text: str) -> list[str]:
        return [t for w in text.split() for t in self._word(w)]


def bigrams(tokens: Sequence[str]) -> Counter[tuple[str, str]]:
    """Counts of adjacent token pairs.

    >>> sorted(bigrams(["a", "b", "a", "b"]).items())
    [(('a', 'b'), 2), (('b', 'a'), 1)]
    """
    return Counter(itertools.pairwise(tokens))


@dataclass(frozen=True, slots=True)
class Interval:
    """A mean with its bootstrap confidence interval."""

    mean: float
    low: float
    high: float

    def as_dict(self) -> dict[str, float]:
        return {"mean": round(self.mean, 2), "low": round(self.low, 2), "high": round(self.high, 2)}


def bootstrap(
    values: Sequence[float], resamples: int = 1000, confidence: float = 0.95, seed: int = 0
) -> Interval:
    """Mean of per-cluster ``values`` with a percentile bootstrap interval over clusters.

    Deterministic: the same values and seed give the same interval.

    >>> bootstrap([1.0, 2.0, 3.0], resamples=200).mean
    2.0
    >>> bootstrap([5.0, 5.0]) == Interval(5.0, 5.0, 5.0)
    True
    """
    if not values:
        raise ConfigError("nothing to bootstrap: no clusters were scored")
    if resamples < 1 or not 0 < confidence < 1:
        raise ConfigError(
            f"need resamples >= 1 and 0 < confidence < 1, got {resamples}, {confidence}"
        )
    x = np.asarray(values, dtype=float)
    rng = np.random.default_rng(seed)
    means = x[rng.integers(0, len(x), size=(resamples, len(x)))].mean(axis=1)
    tail = (1 - confidence) / 2
    low, high = np.quantile(means, [tail, 1 - tail])
    return Interval(float(x.mean()), float(low), float(high))


def aggregate(per_cluster: Sequence[dict[str, float]], **kw: float | int) -> dict[str, Interval]:
    """Each ROUGE type's mean over clusters with its bootstrap interval."""
    types = list(per_cluster[0]) if per_cluster else list(TYPES)
    return {t: bootstrap([c[t] for c in per_cluster], **kw) for t in types}  # type: ignore[arg-type]


__all__ = [
    "CONVENTIONS",
    "TYPES",
    "Convention",
    "Interval",
    "Rouge",
    "aggregate",
    "bigrams",
    "bootstrap",
    "normalize",
    "prepare",
    "truncate",
]
