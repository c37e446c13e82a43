"""A person's corrections of a store's stories, made now and kept for later ingests.

``merge``, ``split`` and ``move`` change the stories at once (the articles move, the
stories whose articles changed are titled again, threads are linked again) and record the
fix as a :class:`~storydesk.corrections.Correction`, which every later ingest applies to its
re-clustering (:mod:`storydesk.corrections`). Ids are kept where they can be: ``merge A B``
keeps A's id, ``split A`` leaves A's id to the articles not named, ``move X --to B`` keeps
both stories' ids (a story left empty is dropped).

An article named by a near-copy's id goes with its original and all its copies: copies
always follow their original.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from .corpus import content_hash, title_from_text
from .corrections import Correction
from .errors import ArticleNotFoundError, CorrectionError
from .ids import digest, slug
from .model import Article
from .pipeline import retitle
from .settings import Settings
from .store.base import Store
from .threads import link as link_threads


@dataclass(frozen=True, slots=True)
class Corrected:
    """What a correction did: the correction recorded, and the stories whose articles
    changed (id -> title, as stored now; a story left empty is not there)."""

    correction: Correction
    stories: dict[str, str]


def merge(store: Store, a: str, b: str, settings: Settings) -> Corrected:
    """Merge story ``b`` into story ``a`` (ids as stored): A keeps its id."""
    if a == b:
        raise CorrectionError(f"cannot merge story {a!r} with itself: name two stories")
    members = _members(store)
    moves = {aid: a for aid in members.get(b, [])}
    together = members.get(a, []) + members.get(b, [])
    return _commit(store, "merge", (a, b), together, [], moves, settings)


def split(store: Store, story: str, articles: Sequence[str], settings: Settings) -> Corrected:
    """Split the named articles (and their near-copies) off ``story`` into a new story."""
    members = _members(store)
    named = _originals(store, story, articles, members)
    own = members.get(story, [])
    copies = store.representatives()
    named |= {c for c, o in copies.items() if o in named}
    rest = [aid for aid in own if aid not in named]
    if not rest:
        raise CorrectionError(
            f"split names every article of story {story!r}: name only those that belong"
            " to another story"
        )
    picked = [a.article for a in store.story_articles(story) if a.article.id in named]
    new_id = _new_story_id(picked, {r.id for r in store.stories()})
    moves = {aid: new_id for aid in sorted(named) if aid not in copies}
    return _commit(store, "split", (story, new_id), sorted(named), rest, moves, settings)


def move(store: Store, article: str, to: str, settings: Settings) -> Corrected:
    """Move an article (with its near-copies, or its original and their copies) to story
    ``to``."""
    members = _members(store)
    story_of = {aid: sid for sid, aids in members.items() for aid in aids}
    if article not in story_of:
        raise ArticleNotFoundError(_no_article(article))
    copies = store.representatives()
    original = copies.get(article, article)
    group = {original} | {c for c, o in copies.items() if o == original}
    former = story_of[original]
    if former == to:
        raise CorrectionError(f"article {article!r} is in story {to!r} already")
    apart = [aid for aid in members.get(former, []) if aid not in group]
    together = sorted(group) + members.get(to, [])
    return _commit(store, "move", (former, to), together, apart, {original: to}, settings)


def _commit(
    store: Store,
    kind: str,
    stories: tuple[str, ...],
    together: Sequence[str],
    apart: Sequence[str],
    moves: dict[str, str],
    settings: Settings,
) -> Corrected:
    before = store.story_map()
    store.reassign(moves, {})
    correction = store.add_correction(kind, stories, together, apart)
    after = store.story_map()
    changed = {before[a] for a in moves} | set(moves.values())
    retitle(store, settings, among=changed)
    link_threads(store)
    live = set(after.values())
    return Corrected(
        correction, {sid: store.title_of(sid) or "" for sid in sorted(changed) if sid in live}
    )


def _members(store: Store) -> dict[str, list[str]]:
    """Story id -> its article ids (sorted)."""
    out: dict[str, list[str]] = {}
    for aid, sid in sorted(store.story_map().items()):
        out.setdefault(sid, []).append(aid)
    return out


def _originals(
    store: Store, story: str, articles: Sequence[str], members: dict[str, list[str]]
) -> set[str]:
    """The originals of the named articles, each checked to be in ``story``."""
    if not articles:
        raise CorrectionError("split needs the articles to split off: --articles ID ...")
    story_of = {aid: sid for sid, aids in members.items() for aid in aids}
    copies = store.representatives()
    out = set()
    for aid in articles:
        if aid not in story_of:
            raise ArticleNotFoundError(_no_article(aid))
        if story_of[aid] != story:
            raise CorrectionError(
                f"article {aid!r} is in story {story_of[aid]!r}, not in {story!r}"
            )
        out.add(copies.get(aid, aid))
    return out


def _no_article(aid: str) -> str:
    return (
        f"no article {aid!r} in the store; see the article ids of a story in"
        " storydesk stories --db FILE --json"
    )


def _new_story_id(articles: Sequence[Article], taken: set[str]) -> str:
    """A split-off story's id, made as ingest names a new story: after its founding
    article (the earliest, then by content hash)."""
    far = dt.date.max
    founder = min(articles, key=lambda a: (a.published or far, content_hash(a)))
    base = (
        f"{slug(founder.title or title_from_text(founder.text), limit=40)}"
        f"-{digest(content_hash(founder), length=6)}"
    )
    sid, n = base, 1
    while sid in taken:
        n += 1
        sid = f"{base}-{n}"
    return sid
