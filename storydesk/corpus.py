"""The corpus stage (dedup -> cluster -> store): new articles into the store, near-duplicates
recognised, each in its story.

Articles already stored (same cleaned text) are skipped, so
re-ingesting changes nothing. New articles are processed in canonical order (publication
date, then content hash) and in chunks; each chunk is parsed, checked for near-duplicates
against everything stored and seen, clustered against the stored stories, and written in one
transaction.

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

from .cluster import ClusterItem, DocFreq, StoryIndex, assign, people_matrix, vectorize
from .dedup import DuplicateIndex
from .ids import digest, slug, unique_ids
from .model import AnalyzedArticle, Article, Rejected
from .settings import ClusterSettings, Settings
from .store.base import Store, StoredArticle
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
    load_seconds: float = 0.0  # reading the store's stories and signatures


@dataclass(slots=True)
class _State:
    """The store's stories and signatures as this ingest knows them: loaded once, then
    brought up to date with what other processes stored meanwhile (:func:`_catch_up`)."""

    index: StoryIndex
    copies: DuplicateIndex = field(default_factory=DuplicateIndex)
    story_of: dict[str, str] = field(default_factory=dict)
    seq: int = 0  # the last stored article seen


def _catch_up(store: Store, state: _State, params: ClusterSettings) -> None:
    """Add to ``state`` the articles stored since it last looked (all, the first time).

    This ingest's own articles are in it already. A copy is not clustered (one report
    counts once), so stories are rebuilt from the reports alone, as the ingest that stored
    them had them in memory: a resumed ingest goes on exactly as an uninterrupted one.
    """
    rows = store.stored_after(state.seq)
    if not rows:
        return
    state.seq = rows[-1].seq
    rows = [r for r in rows if r.id not in state.story_of]
    for r in rows:
        state.story_of[r.id] = r.story_id
    with_features = [(r, r.features) for r in rows if r.features is not None]
    reports = [(r, f) for r, f in with_features if r.representative is None]
    feats = [f for _, f in reports]
    docfreq = state.index.docfreq
    if params.idf != "background":  # background rarity needs no corpus counts
        docfreq.add(feats)
    x = vectorize(feats, docfreq, params)
    p = people_matrix(feats)
    by_story: dict[str, list[int]] = {}
    for k, (r, _) in enumerate(reports):
        by_story.setdefault(r.story_id, []).append(k)
    for sid, ks in by_story.items():
        dates = [_date(reports[k][0].published) for k in ks]
        state.index.add(sid, x[ks], dates, p[ks], [feats[k] for k in ks])
    for r, f in with_features:
        state.copies.add(r.id, f, r.representative)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


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
    state = _State(StoryIndex(docfreq=DocFreq()), DuplicateIndex(settings.dedup))
    _catch_up(store, state, params)
    report.load_seconds = time.perf_counter() - started
    chunk = settings.chunk
    for start in range(0, len(renamed), chunk):
        given = [a for _, a in renamed[start : start + chunk]]
        # parsing, the costly part, is done outside the write lock
        part = _unclaimed(store, given, hash_of, report)
        if part:
            analyzed = analyzer(part)
            with store.writing():  # another ingest's corpus stage waits for this one's
                _catch_up(store, state, params)
                analyzed = _claim(store, analyzed, hash_of, report, analyzer)
                batch = _place(analyzed, hash_of, state, params)
                titles: dict[str, str] = {}
                for b in batch:
                    titles.setdefault(b.story_id, _provisional_title(b.analyzed.article))
                store.add(batch, titles)
            report.added.extend(b.analyzed.article.id for b in batch)
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


def _place(
    analyzed: Sequence[AnalyzedArticle],
    hash_of: dict[str, str],
    state: _State,
    params: ClusterSettings,
) -> list[StoredArticle]:
    """Near-duplicates follow their original; the rest are clustered into stories."""
    duplicate_of: dict[str, str] = {}
    for a in analyzed:
        f = a.features
        if f is None:
            continue
        original = state.copies.original_of(f)
        aid = a.article.id
        if original is not None:
            duplicate_of[aid] = original
        state.copies.add(aid, f, original)
    originals = [a for a in analyzed if a.article.id not in duplicate_of and a.features is not None]
    items = [ClusterItem(hash_of[a.article.id], a.features, a.article.published) for a in originals]  # type: ignore[arg-type]

    def new_id(group: list[int]) -> str:
        founder = originals[group[0]].article
        return _story_id(founder, hash_of[founder.id])

    stories = assign(items, state.index, new_id, params)
    for a, sid in zip(originals, stories, strict=True):
        state.story_of[a.article.id] = sid
    out = []
    for a in analyzed:
        aid = a.article.id
        if aid in duplicate_of:
            sid = state.story_of[duplicate_of[aid]]
        elif aid in state.story_of:
            sid = state.story_of[aid]
        else:  # an article with no features (no words at all): a story of its own
            sid = _story_id(a.article, hash_of[aid])
        state.story_of[aid] = sid
        out.append(StoredArticle(a, hash_of[aid], sid, duplicate_of.get(aid)))
    return out
