"""The store interface: what the pipeline needs of a database, so another can follow SQLite."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Protocol

from ..corrections import Correction
from ..model import AnalyzedArticle, Article, Features


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article with everything ingest computed for it."""

    analyzed: AnalyzedArticle
    content_hash: str
    story_id: str
    duplicate_of: str | None = None


@dataclass(frozen=True, slots=True)
class StoryRow:
    id: str
    title: str
    articles: int
    first_published: str | None
    last_published: str | None


@dataclass(frozen=True, slots=True)
class ThreadRow:
    id: str
    title: str
    events: int
    articles: int
    first_published: str | None
    last_published: str | None


@dataclass(frozen=True, slots=True)
class StoredRow:
    """What clustering and near-duplicate detection need of a stored article."""

    seq: int  # order of storing: a later article has a larger one
    id: str
    story_id: str
    published: str | None
    features: Features | None
    representative: str | None  # the original it copies, if it is a near-copy
    content_hash: str = ""  # the article's identity for clustering (its canonical order)


class Store(Protocol):
    """A persistent home for articles, their analysis, stories and near-duplicate groups."""

    def story_map(self) -> dict[str, str]:
        """Article id -> story id, for every stored article."""
        ...

    def reassign(self, moves: dict[str, str], titles: dict[str, str]) -> None:
        """Move stored articles (and their near-copies) to other stories, new ones named in
        ``titles``; stories left empty are dropped. Called holding the write lock."""
        ...

    def known_hashes(self, hashes: Iterable[str]) -> dict[str, str]:
        """Content hash -> article id, for those hashes already stored."""
        ...

    def taken_ids(self, among: Iterable[str] | None = None) -> set[str]:
        """Article ids in use (of ``among`` when given)."""
        ...

    def writing(self) -> AbstractContextManager[None]:
        """Hold the store's write lock: reads and writes inside are one transaction, and
        other processes wait to write until it ends."""
        ...

    def stored_after(self, seq: int) -> list[StoredRow]:
        """Every article stored after ``seq`` (0: all), in the order they were stored."""
        ...

    def add(self, batch: Sequence[StoredArticle], titles: dict[str, str]) -> None:
        """Store a batch of articles with their stories, atomically (all or nothing).

        ``titles`` names the stories the batch creates.
        """
        ...

    def set_titles(self, titles: dict[str, str]) -> None:
        """Store the stories' titles, each with its articles as they are now (its basis)."""
        ...

    def stale_titles(self, among: Iterable[str] | None = None) -> list[str]:
        """The stories (of ``among``, else all) whose articles changed since they were
        titled, sorted."""
        ...

    def title_of(self, story_id: str) -> str | None:
        """The stored title of a story (None: no such story)."""
        ...

    def corrections(self) -> list[Correction]:
        """A person's corrections, oldest first (:mod:`storydesk.corrections`)."""
        ...

    def add_correction(
        self, kind: str, stories: Sequence[str], together: Sequence[str], apart: Sequence[str]
    ) -> Correction:
        """Record a correction (call it holding the write lock, with its moves)."""
        ...

    def all_features(self) -> list[tuple[str, str, str | None, Features | None]]:
        """(article id, story id, published, features) for every stored article, in order."""
        ...

    def representatives(self) -> dict[str, str]:
        """Article id -> the representative of its near-duplicate group (members only)."""
        ...

    def stories(self) -> list[StoryRow]: ...

    def story_articles(self, story_id: str) -> list[AnalyzedArticle]: ...

    def story_of(self, article_ids: Iterable[str]) -> set[str]: ...

    def missing_features(self) -> list[Article]:
        """Articles stored without clustering features (e.g. by an older schema), or with
        features of another :data:`storydesk.model.FEATURES_VERSION` (to compute again from
        their text: new features are never compared with stale ones)."""
        ...

    def set_features(self, features: dict[str, Features]) -> None: ...

    def thread_links(self) -> dict[str, str]:
        """Story id -> thread id, as stored."""
        ...

    def set_threads(self, links: dict[str, str], only: Iterable[str] | None = None) -> None:
        """Replace the story -> thread links (atomically; of the stories in ``only`` when
        given, the others kept); a thread is titled after its largest story, and a thread
        left without stories is removed. The relink marks are cleared."""
        ...

    def relink_marks(self) -> tuple[set[str], set[str]]:
        """(stories, threads) changed since the threads were last set: stories given or
        losing articles (or features), threads that lost a story."""
        ...

    def story_order(self) -> list[tuple[str, int]]:
        """(story id, articles) of every story, in store order (by its first article)."""
        ...

    def story_features(self, story_ids: Iterable[str]) -> dict[str, list[Features]]:
        """Story id -> its articles' features (those that have some), in store order."""
        ...

    def centroids(self) -> dict[str, tuple[int, float, bytes, bytes]]:
        """Story id -> (articles, entity weight, column bytes, data bytes) of the stored
        centroids (:mod:`storydesk.threads`)."""
        ...

    def set_centroids(self, rows: dict[str, tuple[int, float, bytes, bytes]]) -> None:
        """Store centroids (as :meth:`centroids` gives them back) of stories that exist."""
        ...

    def threads(self) -> list[ThreadRow]: ...

    def thread_stories(self, thread_id: str) -> list[StoryRow]:
        """The thread's stories, oldest first (by first publication date)."""
        ...

    def thread_of(self, story_id: str) -> tuple[str, str] | None:
        """(thread id, title) of the story's thread, if it has one."""
        ...

    def search_state(self) -> tuple[int, int, bytes | None]:
        """(last article seq indexed, articles counted, their document frequencies) of
        ingest's search index (:mod:`storydesk.stored`); (0, 0, None) before any."""
        ...

    def set_search(
        self,
        state: tuple[int, int, bytes],
        keys: Sequence[tuple[int, float | None, str]],
        bands: Sequence[tuple[bytes, str]],
        probes: Sequence[tuple[int, float | None, str]] = (),
    ) -> None:
        """Add to the search index: (key, day or None, content hash) rows, (band key,
        article id) rows, (searched key, day or None, content hash) rows, and its new
        state (as :meth:`search_state` gives it back)."""
        ...

    def keyed(
        self, keys: Sequence[int], lo: float | None, hi: float | None, probes: bool = False
    ) -> set[str]:
        """Content hashes of the indexed articles under one of ``keys`` (``probes``: that
        search one of ``keys``), undated or dated (day ordinal) within ``lo`` .. ``hi``
        when those are given."""
        ...

    def probes_of(self, hashes: Sequence[str]) -> dict[str, list[int]]:
        """The keys each of these indexed articles (by content hash) searches."""
        ...

    def add_pairs(self, pairs: Sequence[tuple[str, str]]) -> None:
        """Keep (content hash, content hash) pairs that scored at least the cut when the
        later of the two was placed, one row each way (a pair of an article with itself
        marks it placed)."""
        ...

    def pairs_of(self, hashes: Sequence[str]) -> dict[str, set[str]]:
        """The content hashes each of these articles paired with strongly when placed (itself
        included: placed since the store keeps pairs); absent, never placed so."""
        ...

    def banded(self, bands: Sequence[bytes]) -> set[str]:
        """Ids of the articles with one of these LSH band keys."""
        ...

    def stored_rows(
        self, *, hashes: Iterable[str] = (), ids: Iterable[str] = ()
    ) -> list[StoredRow]:
        """The stored articles of these content hashes and ids, as :meth:`stored_after`."""
        ...

    def close(self) -> None: ...
