"""The library API the CLI and the web layer both call."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO

from .corpus import IngestReport
from .correct import Corrected
from .corrections import Correction
from .errors import AmbiguousStoryError, ArgumentError, CorrectionError, StoryNotFoundError
from .model import Briefing, Rejected
from .pipeline import SummarizeReport, brief_stored, ingest, retitle, summarize_file
from .settings import Settings
from .store import SqliteStore, StoryRow, ThreadRow
from .write import check_out_dir, write_run

DEFAULT_DB = "storydesk.db"


@dataclass(frozen=True, slots=True)
class RunResult:
    """What one run produced."""

    report: IngestReport
    briefings: tuple[Briefing, ...]
    rejected: tuple[Rejected, ...]
    written: tuple[Path, ...]

    @property
    def processed(self) -> int:
        """Articles read successfully (new, or already in the store)."""
        return len(self.report.added) + len(self.report.already_stored)


def ingest_paths(
    db: str | Path,
    paths: Sequence[str],
    settings: Settings | None = None,
    *,
    stdin: BinaryIO | None = None,
    on_loaded: Callable[[int], None] | None = None,
    progress: Callable[[int], None] | None = None,
    on_wait: Callable[[], None] | None = None,
) -> IngestReport:
    """Add the articles under ``paths`` to the store at ``db``. ``on_wait`` is called when
    another process is writing to the store and this one has to wait for it."""
    with SqliteStore(db, on_wait=on_wait) as store:
        return ingest(
            store,
            paths,
            settings or Settings(),
            stdin=stdin,
            on_loaded=on_loaded,
            progress=progress,
        )


def list_stories(db: str | Path) -> list[StoryRow]:
    """The stories in the store, oldest first."""
    with SqliteStore(db, read_only=True) as store:
        return store.stories()


def stories_document(db: str | Path) -> dict[str, Any]:
    """The stories in the store in the ``storydesk.stories/1`` shape of a run's
    ``stories.json`` (each story's articles by id and source; nothing rejected, since the
    store keeps no rejections), with each story's ``first_published`` and
    ``last_published`` as extra fields, each story's ``corrections`` (the ``seq`` of each
    correction a person made that names its articles) and the store's ``corrections``
    (``{"seq", "kind", "stories", "together", "apart"}``, oldest first)."""
    from .render.jsonout import STORIES_SCHEMA

    corrections, marks = story_corrections(db)
    with SqliteStore(db, read_only=True) as store:
        stories = [
            {
                "id": row.id,
                "title": row.title,
                "articles": [
                    {"id": a.article.id, "source": a.article.source}
                    for a in store.story_articles(row.id)
                ],
                "first_published": row.first_published,
                "last_published": row.last_published,
                "corrections": marks.get(row.id, []),
            }
            for row in store.stories()
        ]
    return {
        "schema": STORIES_SCHEMA,
        "stories": stories,
        "rejected": [],
        "corrections": [
            {
                "seq": c.seq,
                "kind": c.kind,
                "stories": list(c.stories),
                "together": list(c.together),
                "apart": list(c.apart),
            }
            for c in corrections
        ],
    }


def list_threads(db: str | Path) -> list[ThreadRow]:
    """The threads (running stories) in the store, oldest first."""
    with SqliteStore(db, read_only=True) as store:
        return store.threads()


def threads_document(db: str | Path) -> dict[str, Any]:
    """The threads in the store in the ``storydesk.threads/1`` shape (`storydesk threads
    --json`, the web API's ``/api/threads``)."""
    return {
        "schema": "storydesk.threads/1",
        "threads": [
            {
                "id": r.id,
                "title": r.title,
                "events": r.events,
                "articles": r.articles,
                "first_published": r.first_published,
                "last_published": r.last_published,
            }
            for r in list_threads(db)
        ],
    }


def thread_briefing(db: str | Path, thread_id: str, settings: Settings | None = None) -> Any:
    """The briefing of one stored thread (a ``ThreadBriefing``), nothing written."""
    from .threadbrief import brief_thread as build

    with SqliteStore(db, read_only=True) as store:
        return build(store, thread_id, settings or Settings())


def brief_thread(
    db: str | Path, thread_id: str, out_dir: str | Path, settings: Settings | None = None
) -> tuple[str, list[Path]]:
    """Write the briefing of one stored thread to ``out_dir``; returns its title and files."""
    from .threadbrief import write_thread

    check_out_dir(Path(out_dir))
    t = thread_briefing(db, thread_id, settings)
    return t.thread.title, write_thread(Path(out_dir), t)


def since_date(value: str | None, name: str = "--since") -> dt.date | None:
    """A ``since`` date given as text (``YYYY-MM-DD``), or an :class:`ArgumentError` that
    names the bad value; ``None`` stays ``None``."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ArgumentError(f"{name} needs a date as YYYY-MM-DD, got {value!r}") from None


def resolve_story_id(given: str, ids: Sequence[str]) -> str:
    """The stored story id that ``given`` names: the id itself, or the one id it begins.

    >>> resolve_story_id("s-dam", ["s-dam-burst-4f2a", "s-flood-9c1e"])
    's-dam-burst-4f2a'
    >>> resolve_story_id("s-", ["s-dam-burst-4f2a", "s-flood-9c1e"])
    Traceback (most recent call last):
    ...
    storydesk.errors.AmbiguousStoryError: [E203] story id prefix 's-' matches 2 stories: \
s-dam-burst-4f2a, s-flood-9c1e; give more of the id

    No match raises :class:`~storydesk.errors.StoryNotFoundError` (E306), listing the ids.
    """
    if given in ids:
        return given
    matches = sorted(i for i in ids if given and i.startswith(given))
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise AmbiguousStoryError(
            f"story id prefix {given!r} matches {len(matches)} stories: "
            f"{_listed(matches)}; give more of the id"
        )
    known = f"its stories: {_listed(sorted(ids))}" if ids else "it holds no stories"
    raise StoryNotFoundError(
        f"no story {given!r} in the store ({known}); see storydesk stories --db FILE"
    )


def _listed(ids: Sequence[str], most: int = 10) -> str:
    more = f" and {len(ids) - most} more" if len(ids) > most else ""
    return ", ".join(ids[:most]) + more


def brief_story(
    db: str | Path,
    story_id: str,
    out_dir: str | Path,
    settings: Settings | None = None,
    since: dt.date | None = None,
) -> tuple[Briefing, list[Path]]:
    """Write the briefing of one stored story to ``out_dir`` (an update after ``since``).
    ``story_id`` may be a unique prefix of the id (see :func:`resolve_story_id`)."""
    check_out_dir(Path(out_dir))
    briefing = story_briefing(db, story_id, settings, since)
    return briefing, write_run(Path(out_dir), [briefing], [], index=False)


def story_briefing(
    db: str | Path,
    story_id: str,
    settings: Settings | None = None,
    since: dt.date | None = None,
) -> Briefing:
    """The briefing of one stored story (an update after ``since``), nothing written;
    ``story_id`` may be a unique prefix of the id (see :func:`resolve_story_id`)."""
    with SqliteStore(db, read_only=True) as store:
        story_id = resolve_story_id(story_id, [row.id for row in store.stories()])
        return brief_stored(store, story_id, settings or Settings(), since=since)


def correct_stories(
    db: str | Path,
    kind: str,
    story: str,
    *,
    other: str | None = None,
    articles: Sequence[str] = (),
    settings: Settings | None = None,
    on_wait: Callable[[], None] | None = None,
) -> Corrected:
    """Correct the stories of the store at ``db`` as a person says, now and for later
    ingests (:mod:`storydesk.correct`):

    - ``merge``: story ``other`` into ``story``;
    - ``split``: ``articles`` off ``story`` into a new story;
    - ``move``: article ``articles[0]`` to story ``story``.

    Story ids may be unique prefixes (:func:`resolve_story_id`); article ids are exact.
    Unknown ids raise E306 (story) or E307 (article); a correction that cannot be made as
    given raises E204.
    """
    from . import correct

    settings = settings or Settings()
    if kind not in ("merge", "split", "move"):
        raise CorrectionError(f"unknown correction {kind!r}: merge, split or move")
    check_store(db)
    with SqliteStore(db, on_wait=on_wait) as store, store.writing():
        ids = [row.id for row in store.stories()]
        story = resolve_story_id(story, ids)
        if kind == "merge":
            return correct.merge(store, story, resolve_story_id(other or "", ids), settings)
        if kind == "split":
            return correct.split(store, story, articles, settings)
        return correct.move(store, articles[0] if articles else "", story, settings)


def check_store(db: str | Path) -> None:
    """Raise E301 when there is no store at ``db`` (opened read-only: none is created). A
    correction and the web app check first."""
    with SqliteStore(db, read_only=True):
        pass


def story_corrections(db: str | Path) -> tuple[list[Correction], dict[str, list[int]]]:
    """The store's corrections (oldest first), and story id -> the corrections (by
    ``seq``) that name an article it holds now."""
    with SqliteStore(db, read_only=True) as store:
        corrections = store.corrections()
        story_of = store.story_map()
    marks: dict[str, list[int]] = {}
    for c in corrections:
        for sid in sorted({story_of[a] for a in (*c.together, *c.apart) if a in story_of}):
            marks.setdefault(sid, []).append(c.seq)
    return corrections, marks


def run(
    paths: Sequence[str],
    out_dir: str | Path,
    settings: Settings | None = None,
    *,
    db: str | Path | None = None,
    stdin: BinaryIO | None = None,
    on_loaded: Callable[[int], None] | None = None,
    progress: Callable[[int], None] | None = None,
    on_wait: Callable[[], None] | None = None,
) -> RunResult:
    """Turn the articles under ``paths`` into briefings written to ``out_dir``.

    Articles go through a store (``db``, else a temporary one), so they are grouped into
    stories with near-duplicates recognised; every story an input belongs to is briefed.
    ``on_loaded`` is told how many articles will be analysed; ``progress`` is called as
    articles are done. Bad inputs never raise: they come back in ``rejected``. An output
    folder or store that cannot be used raises a coded error before any analysis.
    """
    settings = settings or Settings()
    check_out_dir(Path(out_dir))
    with ExitStack() as stack:
        if db is None:
            tmp = stack.enter_context(tempfile.TemporaryDirectory(prefix="storydesk-"))
            db = Path(tmp) / "run.db"
        store = stack.enter_context(SqliteStore(db, on_wait=on_wait))
        report = ingest(
            store,
            paths,
            settings,
            stdin=stdin,
            on_loaded=on_loaded,
            progress=progress,
            refresh_titles=False,
        )
        fresh = retitle(store, settings, report.rejected, among=report.changed | report.stories)
        order = {row.id: n for n, row in enumerate(store.stories())}
        briefings = [
            fresh.get(sid) or brief_stored(store, sid, settings, report.rejected)
            for sid in sorted(report.stories, key=lambda s: order.get(s, 0))
        ]
        # Threads are titled after their largest story: name them as retitled just now.
        briefings = [replace(b, thread=store.thread_of(b.story.id)) for b in briefings]
    processed = report.added or report.already_stored
    written = (
        write_run(Path(out_dir), briefings, report.rejected) if processed or report.rejected else []
    )
    return RunResult(
        report=report,
        briefings=tuple(briefings),
        rejected=tuple(report.rejected),
        written=tuple(written),
    )


def summarize_clusters(
    path: str | Path,
    out: str | Path,
    settings: Settings | None = None,
    *,
    cited: bool = False,
    progress: Callable[[int], None] | None = None,
) -> SummarizeReport:
    """One summary per cluster of a clusters JSON Lines file (each cluster one story), made
    as a briefing's summary is; see :func:`storydesk.pipeline.summarize_file`."""
    return summarize_file(path, out, settings or Settings(), cited=cited, progress=progress)
