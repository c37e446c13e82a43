"""The corpus stage (dedup -> cluster -> store): new articles into the store, near-duplicates
recognised, each in its story.

Articles already stored (same cleaned text) are skipped, so
re-ingesting changes nothing. New articles are processed in canonical order (publication
date, then content hash) and in chunks; each chunk is parsed, checked for near-duplicates
against everything stored and seen, clustered with the stored articles
(:class:`~storydesk.cluster.ArticleIndex`: the components of strong pairs a chunk touches are
clustered again whole, so the stories do not depend on how the articles were split into
ingests), and written in one transaction. Stored articles that the new ones show to belong
elsewhere move there (their near-copies with them); a story keeps its id while it keeps the
largest share of its articles.

Several processes may ingest into one store at once. Parsing runs in parallel; the rest of a
chunk's work (near-duplicates, clustering, writing) holds the store's write lock, after
reading what the others stored meanwhile, so each chunk sees every article stored before it,
whichever process stored it. An article stored meanwhile by another process is reported as
already stored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from .cluster import ArticleIndex, ClusterItem, Profiles, pair_scores
from .corrections import Constraints, resolve
from .corrections import apply as apply_corrections
from .dating import infer_published
from .dedup import DuplicateIndex
from .ids import digest, slug, unique_ids
from .model import AnalyzedArticle, Article, Rejected
from .settings import ClusterSettings, Settings
from .store.base import Store, StoredArticle
from .stored import Lazy, refresh
from .stored import docfreq as stored_docfreq
from .threads import link as link_threads

Progress = Callable[[int], None]
Analyzer = Callable[[Sequence[Article]], list[AnalyzedArticle]]


def content_hash(article: Article) -> str:
    """Identity of an article in the store: a hash of its cleaned text."""
    return hashlib.sha1(article.text.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class IngestReport:
    """What one ingest did."""

    added: list[str] = field(default_factory=list)
    already_stored: list[tuple[str, str]] = field(default_factory=list)  # (source, article id)
    rejected: list[Rejected] = field(default_factory=list)
    stories: set[str] = field(default_factory=set)  # stories the inputs belong to
    # Stories whose articles changed: new articles, or stored ones moved in or out.
    changed: set[str] = field(default_factory=set)
    load_seconds: float = 0.0  # reading the store's stories and signatures


@dataclass(slots=True)
class _State:
    """The store as this ingest knows it: which story each article is in and which are
    near-copies of which, read whole (ids only); the stored articles' features, searched
    and loaded as the new articles need them (:mod:`storydesk.stored`), and this run's new
    articles. Brought up to date with what other processes stored meanwhile
    (:func:`_catch_up`)."""

    index: ArticleIndex
    lazy: Lazy
    copies: DuplicateIndex = field(default_factory=DuplicateIndex)
    story_of: dict[str, str] = field(default_factory=dict)  # article id -> story id
    id_of: dict[str, str] = field(default_factory=dict)  # content hash -> article id
    copies_of: dict[str, list[str]] = field(default_factory=dict)  # original -> near-copies


def _state(store: Store, settings: Settings) -> _State:
    id_of: dict[str, str] = {}
    lazy = Lazy(store, settings.dedup, id_of)
    index = ArticleIndex(
        search=lazy.neighbours, load=lazy.items, probes=lazy.probes, pairs=store.pairs_of
    )
    copies = DuplicateIndex(settings.dedup, stored=lazy.copies)
    state = _State(index, lazy, copies, id_of=id_of)
    index.stories = lambda keys: _stored_stories(state, keys)
    index.everything = lambda: state.lazy.items_of(sorted(state.story_of))
    return state


def _stored_stories(state: _State, keys: Sequence[str]) -> list[list[ClusterItem]]:
    """The stored stories holding the stored articles of these content hashes, each with
    its clustered members, loaded (what :class:`~storydesk.cluster.ArticleIndex` clusters
    again when a new article reaches one of them)."""
    wanted = {state.story_of.get(state.id_of.get(k, "")) for k in keys} - {None}
    members: dict[str, list[str]] = {}
    for aid, sid in state.story_of.items():
        if sid in wanted:
            members.setdefault(sid, []).append(aid)
    return [state.lazy.items_of(members[sid]) for sid in sorted(members)]


def _catch_up(store: Store, state: _State, settings: Settings, locked: bool = True) -> None:
    """Bring ``state`` up to date with the store: its search index (when ``locked``, i.e.
    holding the write lock: articles stored by an older version, or an ingest cut short),
    its document frequencies, and its stories and near-copy groups, which another
    process's clustering may have changed."""
    if locked:
        refresh(store, settings.dedup)
    state.index.docfreq = stored_docfreq(store)
    state.story_of.clear()
    state.story_of.update(store.story_map())
    state.copies_of.clear()
    for copy, original in sorted(store.representatives().items()):
        state.copies_of.setdefault(original, []).append(copy)


def dated(a: Article) -> Article:
    """The article with its date's source; without a date in its metadata, the date its
    URL (``/2019/03/14/``) or dateline gives, if any (:mod:`storydesk.dating`)."""
    if a.published is not None:
        return a if a.date_source else replace(a, date_source="metadata")
    found, source = infer_published(a.url, a.text)
    return replace(a, published=found, date_source=source) if found else a


def _backfill(store: Store, analyzer: Analyzer) -> None:
    """Compute features for articles stored without them (older schema)."""
    missing = store.missing_features()
    if missing:
        done = {a.article.id: a.features for a in analyzer(missing)}
        store.set_features({k: v for k, v in done.items() if v is not None})


def ingest_articles(
    store: Store,
    articles: Sequence[Article],
    settings: Settings,
    params: ClusterSettings | None = None,
    progress: Progress | None = None,
    *,
    analyzer: Analyzer,
) -> IngestReport:
    """Add cleaned articles to the store; see the module docstring.

    ``analyzer`` parses a chunk of articles (:func:`storydesk.pipeline.analyzer`); a
    benchmark can pass one that returns analyses computed earlier.
    """
    params = params or settings.cluster
    report = IngestReport()
    articles = [dated(a) for a in articles]
    _backfill(store, analyzer)
    hashes = [content_hash(a) for a in articles]
    known = store.known_hashes(hashes)
    fresh: dict[str, Article] = {}
    for a, h in zip(articles, hashes, strict=True):
        if h in known:
            report.already_stored.append((a.source, known[h]))
        elif h in fresh:
            report.already_stored.append((a.source, fresh[h].id))
        else:
            fresh[h] = a
    if progress and report.already_stored:
        progress(len(report.already_stored))
    far = dt.date.max
    ordered = sorted(fresh.items(), key=lambda kv: (kv[1].published or far, kv[0]))
    taken = store.taken_ids()
    ids = unique_ids([(a.id, a.source) for _, a in ordered], taken=taken)
    renamed = [
        (h, a if a.id == new else replace(a, id=new))
        for (h, a), new in zip(ordered, ids, strict=True)
    ]
    hash_of = {a.id: h for h, a in renamed}
    started = time.perf_counter()
    state = _state(store, settings)
    _catch_up(store, state, settings, locked=False)
    report.load_seconds = time.perf_counter() - started
    chunk = settings.chunk
    for start in range(0, len(renamed), chunk):
        given = [a for _, a in renamed[start : start + chunk]]
        # parsing, the costly part, is done outside the write lock
        part = _unclaimed(store, given, hash_of, report)
        if part:
            analyzed = analyzer(part)
            with store.writing():  # another ingest's corpus stage waits for this one's
                _catch_up(store, state, settings)
                analyzed = _claim(store, analyzed, hash_of, report, analyzer)
                placed = _place(analyzed, hash_of, state, params, _constraints(store))
                titles = {sid: _provisional_title(a) for sid, a in placed.founders.items()}
                store.add(placed.batch, titles)
                store.add_pairs(state.index.placed_pairs())
                store.reassign(placed.moves, titles)
                refresh(store, settings.dedup)
            report.added.extend(b.analyzed.article.id for b in placed.batch)
            report.changed |= {b.story_id for b in placed.batch} | placed.touched
        if progress:
            progress(len(given))
    report.stories = store.story_of(report.added + [aid for _, aid in report.already_stored])
    if report.added or not store.thread_links():  # threads: the events of a running story
        link_threads(store)
    return report


def _unclaimed(
    store: Store, articles: Sequence[Article], hash_of: dict[str, str], report: IngestReport
) -> list[Article]:
    """Those of ``articles`` no other process has stored since this ingest began; the
    others are reported as already stored."""
    known = store.known_hashes(hash_of[a.id] for a in articles)
    for a in articles:
        if hash_of[a.id] in known:
            report.already_stored.append((a.source, known[hash_of[a.id]]))
    return [a for a in articles if hash_of[a.id] not in known]


def _claim(
    store: Store,
    analyzed: list[AnalyzedArticle],
    hash_of: dict[str, str],
    report: IngestReport,
    analyzer: Analyzer,
) -> list[AnalyzedArticle]:
    """A parsed chunk, less what another process stored while it was parsed, under ids
    still free (called holding the write lock).

    An article whose id another process gave to another article meanwhile gets a new id
    and is parsed again (its spans carry the id): rare, and cheaper than a lock held over
    the parse.
    """
    known = store.known_hashes(hash_of[a.article.id] for a in analyzed)
    kept = []
    for a in analyzed:
        h = hash_of[a.article.id]
        if h in known:
            report.already_stored.append((a.article.source, known[h]))
        else:
            kept.append(a)
    taken = store.taken_ids(a.article.id for a in kept)
    if not taken:
        return kept
    clash = [a.article for a in kept if a.article.id in taken]
    new_ids = unique_ids([(a.id, a.source) for a in clash], taken=store.taken_ids() | set(hash_of))
    moved: dict[str, Article] = {}
    for article, new in zip(clash, new_ids, strict=True):
        hash_of[new] = hash_of[article.id]
        moved[article.id] = replace(article, id=new)
    again = {x.article.id: x for x in analyzer(list(moved.values()))}
    return [again[moved[a.article.id].id] if a.article.id in moved else a for a in kept]


# A story none of whose articles has a title is called by its first words.
TITLE_WORDS = 12


def title_from_text(text: str) -> str:
    """The first :data:`TITLE_WORDS` words of ``text``, with " ..." when there are more.

    >>> title_from_text("Rain closed the pass.")
    'Rain closed the pass.'
    """
    words = text.split()
    return " ".join(words[:TITLE_WORDS]) + (" ..." if len(words) > TITLE_WORDS else "")


def _provisional_title(a: Article) -> str:
    return a.title or title_from_text(a.text)


def _story_id(founder: Article, founder_hash: str) -> str:
    """A new story's id: its founding article's headline and content hash (stable for good)."""
    return f"{slug(_provisional_title(founder), limit=40)}-{digest(founder_hash, length=6)}"


@dataclass(slots=True)
class _Placed:
    batch: list[StoredArticle]  # the new articles with their stories
    moves: dict[str, str]  # stored article id -> the story it moves to
    founders: dict[str, Article]  # new story id -> the article it is named after
    touched: set[str]  # stories stored articles moved into or out of


def _place(
    analyzed: Sequence[AnalyzedArticle],
    hash_of: dict[str, str],
    state: _State,
    params: ClusterSettings,
    constraints: Constraints | None = None,
) -> _Placed:
    """Near-duplicates follow their original; the rest are clustered with the stored
    articles, a person's corrections applied (see :class:`_Placed` for what comes back)."""
    duplicate_of: dict[str, str] = {}
    for a in analyzed:
        f = a.features
        if f is None:
            continue
        original = state.copies.original_of(f)
        aid = a.article.id
        if original is not None:
            duplicate_of[aid] = original
            state.copies_of.setdefault(original, []).append(aid)
        state.copies.add(aid, f, original)
    originals = [a for a in analyzed if a.article.id not in duplicate_of and a.features is not None]
    new = {hash_of[a.article.id]: a.article for a in originals}
    state.id_of.update((h, a.id) for h, a in new.items())
    items = [ClusterItem(hash_of[a.article.id], a.features, a.article.published) for a in originals]  # type: ignore[arg-type]
    founders: dict[str, Article] = {}
    moves: dict[str, str] = {}
    touched: set[str] = set()
    groups = state.index.add(items, params)
    if constraints:
        groups = _constrained(groups, constraints, state, params)
    for group, sid, founder in _name_groups(groups, state, new):
        if founder is not None:
            founders[sid] = founder
        for it in group:
            aid = state.id_of[it.key]
            old = state.story_of.get(aid)
            if it.key not in new and old != sid:
                moves[aid] = sid
                touched |= {old or sid, sid}
            state.story_of[aid] = sid
    for aid, sid in list(moves.items()):  # near-copies follow their original
        for copy in state.copies_of.get(aid, ()):
            state.story_of[copy] = sid
    out = []
    for a in analyzed:
        aid = a.article.id
        if aid in duplicate_of:
            sid = state.story_of[duplicate_of[aid]]
        elif aid in state.story_of:
            sid = state.story_of[aid]
        else:  # an article with no features (no words at all): a story of its own
            sid = _story_id(a.article, hash_of[aid])
            founders[sid] = a.article
        state.story_of[aid] = sid
        out.append(StoredArticle(a, hash_of[aid], sid, duplicate_of.get(aid)))
    return _Placed(out, moves, founders, touched)


def _constraints(store: Store) -> Constraints:
    """The store's corrections as constraints (read under the write lock: a correction
    made meanwhile counts)."""
    corrections = store.corrections()
    if not corrections:
        return Constraints()
    original = store.representatives()
    return resolve(corrections, lambda aid: original.get(aid, aid))


def _constrained(
    groups: list[list[ClusterItem]],
    constraints: Constraints,
    state: _State,
    params: ClusterSettings,
) -> list[list[ClusterItem]]:
    """The clustering's groups with a person's corrections applied
    (:func:`storydesk.corrections.apply`); articles are known by id there."""
    hash_by_id = {aid: h for h, aid in state.id_of.items()}
    index = state.index

    def elsewhere(aid: str) -> ClusterItem | None:
        at = index.position.get(hash_by_id.get(aid, ""))
        return state.lazy.item_of(aid) if at is None else index.items[at]

    def similarity(a: Sequence[ClusterItem], b: Sequence[ClusterItem]) -> np.ndarray:
        pa = Profiles.of(a).weigh(index.docfreq)
        pb = Profiles.of(b).weigh(index.docfreq)
        return pair_scores(pa, pb, params)

    return apply_corrections(
        groups, constraints, lambda it: state.id_of[it.key], elsewhere, similarity
    )


def _name_groups(
    groups: list[list[ClusterItem]], state: _State, new: dict[str, Article]
) -> list[tuple[list[ClusterItem], str, Article | None]]:
    """A story id for each group: a stored story keeps its id in the group holding most of
    its articles (each id to one group, largest share first, then by id); every other group
    is a new story named after its founding article (earliest, then by content hash), which
    comes back with it when it is a new article (else None)."""
    shares: list[tuple[int, str, int]] = []
    for k, group in enumerate(groups):
        counts: dict[str, int] = {}
        for it in group:
            if it.key not in new:
                sid = state.story_of[state.id_of[it.key]]
                counts[sid] = counts.get(sid, 0) + 1
        shares.extend((-n, sid, k) for sid, n in counts.items())
    named: dict[int, str] = {}
    used: set[str] = set()
    for _, sid, k in sorted(shares):
        if k not in named and sid not in used:
            named[k] = sid
            used.add(sid)
    taken = set(state.story_of.values())
    out: list[tuple[list[ClusterItem], str, Article | None]] = []
    for k, group in enumerate(groups):
        if k in named:
            out.append((group, named[k], None))
            continue
        first = min(group, key=lambda it: (it.published or dt.date.max, it.key))
        founder = new.get(first.key)
        if founder is None:  # a stored founder: the new story is named after its old one
            stored = state.id_of[first.key]
            base = _story_id(Article(stored, first.key, "", state.story_of[stored]), first.key)
        else:
            base = _story_id(founder, first.key)
        sid, n = base, 1
        while sid in taken or sid in used:
            n += 1
            sid = f"{base}-{n}"
        used.add(sid)
        out.append((group, sid, founder))
    return out
