"""The default store: one SQLite file in WAL mode, schema versioned with migrations.

Every batch is written in one transaction, so a run killed mid-ingest leaves the database as
it was after the last whole batch, and the next run stores what is missing. A transaction
holds the store's write lock (``BEGIN IMMEDIATE``): a second process that wants to write
waits for it (telling ``on_wait``), so ingests into one store are serialised chunk by chunk.

A store opened ``read_only`` (the commands that only read) is opened with SQLite's
``mode=ro`` and never written, so a store on read-only media or owned by someone else can
be listed and briefed. Every SQLite failure becomes a coded :class:`StoreError`.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import logging
import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

from .. import model
from ..corrections import Correction
from ..errors import (
    DiskFullError,
    StoreBusyError,
    StoreDamagedError,
    StoreError,
    StoreNotFoundError,
    StoreReadOnlyError,
)
from ..model import ANNOTATIONS_VERSION, AnalyzedArticle, Annotations, Article, Features
from .base import StoredArticle, StoredRow, StoryRow, ThreadRow
from .codec import (
    dataclass_from_json,
    dataclass_to_json,
    features_from_data,
    features_to_bytes,
    sentences_from_json,
    sentences_to_json,
)
from .migrations import MIGRATIONS, SCHEMA_VERSION

log = logging.getLogger(__name__)

# Waits for the write lock: a writer done within the first is not worth a message; after the
# second, another process is taken to be stuck (E305).
FIRST_WAIT_MS = 200
WAIT_MS = 600_000
_BUSY_MS = 10_000  # any other statement that finds the database busy
_HEADER = b"SQLite format 3\x00"

P = ParamSpec("P")
R = TypeVar("R")


def _coded(
    method: Callable[Concatenate[SqliteStore, P], R],
) -> Callable[Concatenate[SqliteStore, P], R]:
    """Turn an SQLite failure inside a store method into a coded :class:`StoreError`."""

    @functools.wraps(method)
    def wrapper(self: SqliteStore, *args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as exc:
            raise store_error(self.path, exc) from exc

    return wrapper


def store_error(path: str, exc: sqlite3.Error) -> StoreError:
    """The coded error, with what to do, for an SQLite failure on the store at ``path``."""
    name = getattr(exc, "sqlite_errorname", None) or ""
    if name.startswith("SQLITE_FULL"):
        return DiskFullError(
            f"the disk holding {path} is full ({exc}): free some space and run the command"
            " again; the chunks already stored are kept"
        )
    if name.startswith("SQLITE_READONLY"):
        return StoreReadOnlyError(
            f"store {path} is read-only ({exc}): give write access to the file and its folder,"
            " or name another --db"
        )
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return StoreDamagedError(
            f"{path} is not a storydesk store or is damaged ({exc}): restore it from a backup,"
            " or name another --db and ingest again"
        )
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return StoreBusyError(
            f"store {path} is locked by another process ({exc}): wait for it to finish and"
            " run the command again"
        )
    return StoreError(f"store {path}: {exc}")


# SQLite binds at most 999 variables in old builds: long IN lists are read in parts.
_IN_LIMIT = 500


def _chunked(values: Sequence[str]) -> Iterator[tuple[Sequence[str], str]]:
    """``values`` in parts of at most :data:`_IN_LIMIT`, each with its ``?, ?, ...`` marks."""
    for i in range(0, len(values), _IN_LIMIT):
        part = values[i : i + _IN_LIMIT]
        yield part, ",".join("?" * len(part))


class SqliteStore:
    """A :class:`~storydesk.store.base.Store` in one SQLite file.

    ``read_only`` opens an existing store for reading only (a missing one is an error, not a
    new empty store). ``on_wait`` is called when a write has to wait for another process.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        upto: int = SCHEMA_VERSION,
        read_only: bool = False,
        on_wait: Callable[[], None] | None = None,
    ) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.on_wait = on_wait
        memory = self.path == ":memory:"
        if not memory:
            _check_file(Path(self.path), read_only)
        try:
            if read_only:
                self.db = _connect_read_only(Path(self.path))
            else:
                self.db = sqlite3.connect(self.path, isolation_level=None, timeout=_BUSY_MS / 1000)
                self.db.execute(f"PRAGMA busy_timeout={_BUSY_MS}")
        except sqlite3.Error as exc:
            raise store_error(self.path, exc) from exc
        try:
            self._check_owner()  # before WAL, which would change another program's file
            if not read_only:
                self._wal()
                self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._check_schema(upto)
        except BaseException as exc:
            self.db.close()
            if isinstance(exc, sqlite3.Error):
                raise store_error(self.path, exc) from exc
            raise

    # --- schema -----------------------------------------------------------------------
    @property
    def version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def _check_owner(self) -> None:
        """Refuse a database that is not a storydesk store, or a newer one."""
        self.db.execute("BEGIN")  # one snapshot: another process may be creating the store
        try:
            current = self.version
            tables = {r[0] for r in self.db.execute("SELECT name FROM sqlite_master")}
        finally:
            self.db.execute("COMMIT")
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"store {self.path} has schema version {current}, newer than this storydesk "
                f"({SCHEMA_VERSION}): upgrade storydesk"
            )
        missing = _tables_of(current) - tables
        if (current == 0 and tables) or missing:
            raise StoreDamagedError(
                f"{self.path} is not a storydesk store (an SQLite database"
                f"{' without the tables ' + ', '.join(sorted(missing)) if missing else ''}):"
                " name another --db"
            )
        if current == 0 and self.read_only:
            raise StoreNotFoundError(
                f"{self.path} holds no stories yet: ingest articles into it first"
                f" (storydesk ingest PATH --db {self.path})"
            )

    def _wal(self) -> None:
        """Switch to WAL. The switch of a new file needs it to itself, and SQLite does not
        wait for that (no busy handler): other processes opening it at once retry."""
        deadline = time.monotonic() + _BUSY_MS / 1000
        while True:
            try:
                self.db.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as exc:
                if not _busy(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.01)

    def _check_schema(self, upto: int) -> None:
        if self.read_only:
            current = self.version
            if current < upto:  # an older schema: upgrade it once (needs write access)
                try:
                    SqliteStore(self.path, upto=upto, on_wait=self.on_wait).close()
                except StoreReadOnlyError as exc:
                    raise StoreReadOnlyError(
                        f"store {self.path} has schema version {current}, older than this"
                        f" storydesk's {upto}, and upgrading it needs write access: {exc.message}"
                    ) from exc
            return
        self._migrate(upto)

    def _migrate(self, upto: int) -> None:
        for version in range(self.version + 1, upto + 1):
            with self._transaction():
                if self.version < version:  # another process may have applied it meanwhile
                    self._apply(version)

    def _apply(self, version: int) -> None:
        for statement in _statements(MIGRATIONS[version - 1]):
            self.db.execute(statement)
        self.db.execute(f"PRAGMA user_version={version}")

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any exception; inside a transaction
        already, part of it."""
        if self.db.in_transaction:
            yield
            return
        self._begin()
        try:
            yield
            self.db.execute("COMMIT")
        except BaseException:
            if self.db.in_transaction:  # SQLite may have rolled back already (a full disk)
                self.db.execute("ROLLBACK")
            raise

    def _begin(self) -> None:
        """Take the write lock, waiting (and saying so) while another process holds it."""
        self.db.execute(f"PRAGMA busy_timeout={FIRST_WAIT_MS}")
        try:
            try:
                self.db.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if not _busy(exc):
                    raise
            if self.on_wait is not None:
                self.on_wait()
            else:
                log.info("waiting for another process writing to %s", self.path)
            self.db.execute(f"PRAGMA busy_timeout={WAIT_MS}")
            try:
                self.db.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                if _busy(exc):
                    raise StoreBusyError(
                        f"store {self.path} stayed locked by another process for"
                        f" {WAIT_MS / 60_000:g} minutes: check that no ingest is stuck, then"
                        " run the command again"
                    ) from exc
                raise
        finally:
            self.db.execute(f"PRAGMA busy_timeout={_BUSY_MS}")

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the store's write lock: what is read and written inside is one transaction,
        and no other process writes meanwhile (they wait)."""
        try:
            with self._transaction():
                yield
        except sqlite3.Error as exc:
            raise store_error(self.path, exc) from exc

    # --- writing ----------------------------------------------------------------------
    @_coded
    def add(self, batch: Sequence[StoredArticle], titles: dict[str, str]) -> None:
        with self._transaction():
            seq = int(self.db.execute("SELECT COALESCE(MAX(seq), 0) FROM articles").fetchone()[0])
            story_seq = int(
                self.db.execute("SELECT COALESCE(MAX(seq), 0) FROM stories").fetchone()[0]
            )
            for item in batch:
                a = item.analyzed.article
                seq += 1
                self.db.execute(
                    "INSERT INTO articles (id, content_hash, source, title, outlet, url, published,"
                    " text, seq, truncated, date_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        a.id,
                        item.content_hash,
                        a.source,
                        a.title,
                        a.outlet,
                        a.url,
                        a.published.isoformat() if a.published else None,
                        a.text,
                        seq,
                        int(a.truncated),
                        a.date_source,
                    ),
                )
                self.db.execute(
                    "INSERT INTO analyses (article_id, sentences) VALUES (?, ?)",
                    (a.id, sentences_to_json(item.analyzed.sentences)),
                )
                if item.analyzed.features is not None:
                    self.db.execute(
                        "INSERT INTO features (article_id, data, version) VALUES (?, ?, ?)",
                        (a.id, features_to_bytes(item.analyzed.features), model.FEATURES_VERSION),
                    )
                notes = item.analyzed.annotations
                if notes is not None:
                    self.db.execute(
                        "INSERT INTO annotations (article_id, version, data) VALUES (?, ?, ?)",
                        (a.id, notes.version, dataclass_to_json(notes)),
                    )
                if (
                    self.db.execute(
                        "SELECT 1 FROM stories WHERE id = ?", (item.story_id,)
                    ).fetchone()
                    is None
                ):
                    story_seq += 1
                    self.db.execute(
                        "INSERT INTO stories (id, title, seq, title_basis) VALUES (?, ?, ?, '')",
                        (item.story_id, titles.get(item.story_id, a.title or a.id), story_seq),
                    )
                self.db.execute(
                    "INSERT INTO story_articles (article_id, story_id) VALUES (?, ?)",
                    (a.id, item.story_id),
                )
                self._mark_relink("story", [item.story_id])
                if item.duplicate_of:
                    self.db.execute(
                        "INSERT INTO duplicates (article_id, representative_id) VALUES (?, ?)",
                        (a.id, item.duplicate_of),
                    )

    @_coded
    def reassign(self, moves: dict[str, str], titles: dict[str, str]) -> None:
        """Move stored articles to other stories (clustering looked again at their events),
        their near-copies with them, creating the stories named in ``titles`` and dropping
        the stories left empty (with their thread links)."""
        if not moves:
            return
        with self._transaction():
            story_seq = int(
                self.db.execute("SELECT COALESCE(MAX(seq), 0) FROM stories").fetchone()[0]
            )
            for article_id, story_id in sorted(moves.items()):
                self._mark_relink(
                    "story",
                    [story_id]
                    + [
                        r[0]
                        for r in self.db.execute(
                            "SELECT story_id FROM story_articles WHERE article_id = ?",
                            (article_id,),
                        )
                    ],
                )
                if not self.db.execute(
                    "SELECT 1 FROM stories WHERE id = ?", (story_id,)
                ).fetchone():
                    story_seq += 1
                    title = (
                        titles.get(story_id)
                        or self.db.execute(
                            "SELECT COALESCE(title, substr(text, 1, 80)) FROM articles"
                            " WHERE id = ?",
                            (article_id,),
                        ).fetchone()[0]
                    )
                    self.db.execute(
                        "INSERT INTO stories (id, title, seq, title_basis) VALUES (?, ?, ?, '')",
                        (story_id, title, story_seq),
                    )
                self.db.execute(
                    "UPDATE story_articles SET story_id = ? WHERE article_id = ? OR article_id IN"
                    " (SELECT article_id FROM duplicates WHERE representative_id = ?)",
                    (story_id, article_id, article_id),
                )
            gone = "SELECT id FROM stories WHERE id NOT IN (SELECT story_id FROM story_articles)"
            self.db.execute(  # their threads lose a story: linked again (threads.link)
                "INSERT OR IGNORE INTO relink (kind, id)"
                f" SELECT 'thread', thread_id FROM story_threads WHERE story_id IN ({gone})"
            )
            self.db.execute(f"DELETE FROM story_threads WHERE story_id IN ({gone})")
            self.db.execute(f"DELETE FROM stories WHERE id IN ({gone})")

    @_coded
    def story_map(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT article_id, story_id FROM story_articles"))

    @_coded
    def set_titles(self, titles: dict[str, str]) -> None:
        with self._transaction():
            self._set_titles(titles)
            self._title_threads()

    def _set_titles(self, titles: dict[str, str]) -> None:
        basis = self._bases(titles)
        for story_id, title in sorted(titles.items()):
            self.db.execute(
                "UPDATE stories SET title = ?, title_basis = ? WHERE id = ?",
                (title, basis.get(story_id, ""), story_id),
            )

    def _bases(self, among: Iterable[str] | None = None) -> dict[str, str]:
        """Story id -> a digest of its article ids: what its title was computed from (of
        the stories ``among``, else of all)."""
        ids: dict[str, list[str]] = {}
        query = "SELECT story_id, article_id FROM story_articles"
        wanted = None if among is None else sorted(set(among))
        chunks = [c for c, _ in _chunked(wanted)] if wanted else []
        for rows in (
            [self.db.execute(query)]
            if wanted is None
            else [
                self.db.execute(f"{query} WHERE story_id IN ({','.join('?' * len(c))})", c)
                for c in chunks
            ]
        ):
            for story_id, article_id in rows:
                ids.setdefault(story_id, []).append(article_id)
        for aids in ids.values():
            aids.sort()
        return {
            sid: hashlib.sha1("\n".join(aids).encode("utf-8")).hexdigest()
            for sid, aids in ids.items()
        }

    @_coded
    def stale_titles(self, among: Iterable[str] | None = None) -> list[str]:
        """The stories (of ``among``, else all) whose articles changed since they were
        titled (new ones included), sorted. A story stored before titles had a basis keeps
        its title: its articles as they are now become its basis."""
        with self._transaction():
            basis = self._bases(among)
            stale = []
            for story_id, stored in self.db.execute(
                "SELECT id, title_basis FROM stories ORDER BY id"
            ):
                if story_id not in basis:
                    continue
                if stored is None:
                    self.db.execute(
                        "UPDATE stories SET title_basis = ? WHERE id = ?",
                        (basis.get(story_id, ""), story_id),
                    )
                elif stored != basis.get(story_id):
                    stale.append(story_id)
        return sorted(stale)

    @_coded
    def title_of(self, story_id: str) -> str | None:
        row = self.db.execute("SELECT title FROM stories WHERE id = ?", (story_id,)).fetchone()
        return None if row is None else str(row[0])

    @_coded
    def corrections(self) -> list[Correction]:
        return [
            Correction(seq, kind, *(tuple(json.loads(v)) for v in (stories, together, apart)))
            for seq, kind, stories, together, apart in self.db.execute(
                "SELECT seq, kind, stories, together, apart FROM corrections ORDER BY seq"
            )
        ]

    @_coded
    def add_correction(
        self, kind: str, stories: Sequence[str], together: Sequence[str], apart: Sequence[str]
    ) -> Correction:
        with self._transaction():
            cur = self.db.execute(
                "INSERT INTO corrections (kind, stories, together, apart) VALUES (?, ?, ?, ?)",
                (
                    kind,
                    json.dumps(list(stories)),
                    json.dumps(sorted(together)),
                    json.dumps(sorted(apart)),
                ),
            )
            seq = int(cur.lastrowid or 0)
        return Correction(seq, kind, tuple(stories), tuple(sorted(together)), tuple(sorted(apart)))

    def _mark_relink(self, kind: str, ids: Iterable[str]) -> None:
        self.db.executemany(
            "INSERT OR IGNORE INTO relink (kind, id) VALUES (?, ?)", [(kind, i) for i in ids]
        )

    @_coded
    def set_threads(self, links: dict[str, str], only: Iterable[str] | None = None) -> None:
        with self._transaction():
            if only is None:
                self.db.execute("DELETE FROM story_threads")
            else:
                self.db.executemany(
                    "DELETE FROM story_threads WHERE story_id = ?", [(s,) for s in only]
                )
            self.db.execute("DELETE FROM relink")
            seq = int(self.db.execute("SELECT COALESCE(MAX(seq), 0) FROM threads").fetchone()[0])
            for thread_id in dict.fromkeys(links.values()):
                if self.db.execute("SELECT 1 FROM threads WHERE id = ?", (thread_id,)).fetchone():
                    continue
                seq += 1
                self.db.execute(
                    "INSERT INTO threads (id, title, seq) VALUES (?, '', ?)", (thread_id, seq)
                )
            for story_id, thread_id in links.items():
                self.db.execute(
                    "INSERT INTO story_threads (story_id, thread_id) VALUES (?, ?)",
                    (story_id, thread_id),
                )
            self.db.execute(
                "DELETE FROM threads WHERE id NOT IN (SELECT thread_id FROM story_threads)"
            )
            self._title_threads()

    def _title_threads(self) -> None:
        """Each thread takes the title of its largest story (ties: the oldest)."""
        rows = self.db.execute(
            "SELECT st.thread_id, s.title FROM story_threads st"
            " JOIN stories s ON s.id = st.story_id"
            " JOIN story_articles sa ON sa.story_id = s.id"
            " GROUP BY s.id ORDER BY st.thread_id, COUNT(sa.article_id) DESC, s.seq"
        ).fetchall()
        titles: dict[str, str] = {}
        for thread_id, title in rows:
            titles.setdefault(thread_id, title)
        for thread_id, title in titles.items():
            self.db.execute("UPDATE threads SET title = ? WHERE id = ?", (title, thread_id))

    @_coded
    def relink_marks(self) -> tuple[set[str], set[str]]:
        stories: set[str] = set()
        threads: set[str] = set()
        for kind, i in self.db.execute("SELECT kind, id FROM relink"):
            (stories if kind == "story" else threads).add(i)
        return stories, threads

    @_coded
    def story_order(self) -> list[tuple[str, int]]:
        return [
            (sid, n)
            for sid, _, n in self.db.execute(
                "SELECT sa.story_id, MIN(a.seq), COUNT(*) FROM story_articles sa"
                " JOIN articles a ON a.id = sa.article_id GROUP BY sa.story_id ORDER BY MIN(a.seq)"
            )
        ]

    @_coded
    def story_features(self, story_ids: Iterable[str]) -> dict[str, list[Features]]:
        out: dict[str, list[Features]] = {}
        wanted = list(dict.fromkeys(story_ids))
        for chunk, marks in _chunked(wanted):
            rows = self.db.execute(
                "SELECT sa.story_id, f.data FROM story_articles sa"
                " JOIN articles a ON a.id = sa.article_id"
                " LEFT JOIN features f ON f.article_id = a.id"
                f" WHERE sa.story_id IN ({marks}) ORDER BY a.seq",
                chunk,
            )
            for sid, data in rows:
                out.setdefault(sid, [])
                if data:
                    out[sid].append(features_from_data(data))
        return out

    @_coded
    def centroids(self) -> dict[str, tuple[int, float, bytes, bytes]]:
        return {
            sid: (n, w, cols, data)
            for sid, n, w, cols, data in self.db.execute(
                "SELECT story_id, articles, weight, columns, data FROM centroids"
            )
        }

    @_coded
    def set_centroids(self, rows: dict[str, tuple[int, float, bytes, bytes]]) -> None:
        with self._transaction():
            self.db.executemany(
                "INSERT OR REPLACE INTO centroids (story_id, articles, weight, columns, data)"
                " SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM stories WHERE id = ?)",
                [(sid, *row, sid) for sid, row in sorted(rows.items())],
            )

    @_coded
    def search_state(self) -> tuple[int, int, bytes | None]:
        row = self.db.execute("SELECT seq, docs, counts FROM docfreq").fetchone()
        return (0, 0, None) if row is None else (int(row[0]), int(row[1]), bytes(row[2]))

    @_coded
    def set_search(
        self,
        state: tuple[int, int, bytes],
        keys: Sequence[tuple[int, float | None, str]],
        bands: Sequence[tuple[bytes, str]],
        probes: Sequence[tuple[int, float | None, str]] = (),
    ) -> None:
        with self._transaction():
            self.db.executemany(
                "INSERT INTO article_keys (key, day, content_hash) VALUES (?, ?, ?)", keys
            )
            self.db.executemany(
                "INSERT INTO article_probes (key, day, content_hash) VALUES (?, ?, ?)", probes
            )
            self.db.executemany("INSERT INTO article_bands (band, article_id) VALUES (?, ?)", bands)
            self.db.execute(
                "INSERT OR REPLACE INTO docfreq (id, seq, docs, counts) VALUES (1, ?, ?, ?)", state
            )

    @_coded
    def keyed(
        self, keys: Sequence[int], lo: float | None, hi: float | None, probes: bool = False
    ) -> set[str]:
        if not keys:
            return set()
        marks = ",".join("?" * len(keys))
        table = "article_probes" if probes else "article_keys"
        if lo is None or hi is None:
            rows = self.db.execute(
                f"SELECT DISTINCT content_hash FROM {table} WHERE key IN ({marks})", list(keys)
            )
        else:
            rows = self.db.execute(
                f"SELECT DISTINCT content_hash FROM {table} WHERE key IN ({marks})"
                " AND (day IS NULL OR day BETWEEN ? AND ?)",
                [*keys, lo, hi],
            )
        return {r[0] for r in rows}

    @_coded
    def probes_of(self, hashes: Sequence[str]) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {}
        wanted = list(dict.fromkeys(hashes))
        for part, marks in _chunked(wanted):
            rows = self.db.execute(
                "SELECT content_hash, key FROM article_probes"
                f" WHERE content_hash IN ({marks}) ORDER BY rowid",
                part,
            )
            for h, k in rows:
                out.setdefault(h, []).append(int(k))
        return out

    @_coded
    def add_pairs(self, pairs: Sequence[tuple[str, str]]) -> None:
        rows = sorted({(a, b) for a, b in pairs} | {(b, a) for a, b in pairs})
        with self._transaction():
            self.db.executemany(
                "INSERT INTO article_pairs (content_hash, other) VALUES (?, ?)", rows
            )

    @_coded
    def pairs_of(self, hashes: Sequence[str]) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for part, marks in _chunked(list(dict.fromkeys(hashes))):
            rows = self.db.execute(
                f"SELECT content_hash, other FROM article_pairs WHERE content_hash IN ({marks})",
                part,
            )
            for h, other in rows:
                out.setdefault(h, set()).add(other)
        return out

    @_coded
    def banded(self, bands: Sequence[bytes]) -> set[str]:
        if not bands:
            return set()
        marks = ",".join("?" * len(bands))
        rows = self.db.execute(
            f"SELECT article_id FROM article_bands WHERE band IN ({marks})", list(bands)
        )
        return {r[0] for r in rows}

    @_coded
    def stored_rows(
        self, *, hashes: Iterable[str] = (), ids: Iterable[str] = ()
    ) -> list[StoredRow]:
        out: list[StoredRow] = []
        for column, wanted in (
            ("a.content_hash", list(dict.fromkeys(hashes))),
            ("a.id", list(dict.fromkeys(ids))),
        ):
            for chunk, marks in _chunked(wanted):
                rows = self.db.execute(
                    "SELECT a.seq, a.id, sa.story_id, a.published, f.data, d.representative_id,"
                    " a.content_hash"
                    " FROM articles a JOIN story_articles sa ON sa.article_id = a.id"
                    " LEFT JOIN features f ON f.article_id = a.id"
                    " LEFT JOIN duplicates d ON d.article_id = a.id"
                    f" WHERE {column} IN ({marks}) ORDER BY a.seq",
                    chunk,
                )
                out.extend(
                    StoredRow(n, aid, sid, pub, features_from_data(data) if data else None, rep, h)
                    for n, aid, sid, pub, data, rep, h in rows
                )
        return out

    @_coded
    def set_features(self, features: dict[str, Features]) -> None:
        with self._transaction():
            for article_id, f in sorted(features.items()):
                self.db.execute(
                    "INSERT OR REPLACE INTO features (article_id, data, version) VALUES (?, ?, ?)",
                    (article_id, features_to_bytes(f), model.FEATURES_VERSION),
                )
                self.db.execute(  # its story's centroid changes
                    "INSERT OR IGNORE INTO relink (kind, id)"
                    " SELECT 'story', story_id FROM story_articles WHERE article_id = ?",
                    (article_id,),
                )
            if features:  # the search index held the old features' keys: made again
                index = ("article_keys", "article_probes", "article_bands", "docfreq")
                for table in (*index, "article_pairs"):
                    self.db.execute(f"DELETE FROM {table}")

    # --- reading ----------------------------------------------------------------------
    @_coded
    def known_hashes(self, hashes: Iterable[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        wanted = list(dict.fromkeys(hashes))
        for chunk, marks in _chunked(wanted):
            for h, aid in self.db.execute(
                f"SELECT content_hash, id FROM articles WHERE content_hash IN ({marks})", chunk
            ):
                out[h] = aid
        return out

    @_coded
    def taken_ids(self, among: Iterable[str] | None = None) -> set[str]:
        if among is None:
            return {row[0] for row in self.db.execute("SELECT id FROM articles")}
        out: set[str] = set()
        wanted = list(dict.fromkeys(among))
        for chunk, marks in _chunked(wanted):
            out |= {
                r[0]
                for r in self.db.execute(f"SELECT id FROM articles WHERE id IN ({marks})", chunk)
            }
        return out

    @_coded
    def stored_after(self, seq: int) -> list[StoredRow]:
        rows = self.db.execute(
            "SELECT a.seq, a.id, sa.story_id, a.published, f.data, d.representative_id,"
            " a.content_hash"
            " FROM articles a JOIN story_articles sa ON sa.article_id = a.id"
            " LEFT JOIN features f ON f.article_id = a.id"
            " LEFT JOIN duplicates d ON d.article_id = a.id"
            " WHERE a.seq > ? ORDER BY a.seq",
            (seq,),
        )
        return [
            StoredRow(n, aid, sid, pub, features_from_data(data) if data else None, rep, h)
            for n, aid, sid, pub, data, rep, h in rows
        ]

    @_coded
    def all_features(self) -> list[tuple[str, str, str | None, Features | None]]:
        rows = self.db.execute(
            "SELECT a.id, sa.story_id, a.published, f.data FROM articles a"
            " JOIN story_articles sa ON sa.article_id = a.id"
            " LEFT JOIN features f ON f.article_id = a.id ORDER BY a.seq"
        )
        return [
            (aid, sid, pub, features_from_data(data) if data else None)
            for aid, sid, pub, data in rows
        ]

    @_coded
    def representatives(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT article_id, representative_id FROM duplicates"))

    @_coded
    def stories(self) -> list[StoryRow]:
        rows = self.db.execute(
            "SELECT s.id, s.title, COUNT(a.id), MIN(a.published), MAX(a.published) FROM stories s"
            " JOIN story_articles sa ON sa.story_id = s.id JOIN articles a ON a.id = sa.article_id"
            " GROUP BY s.id ORDER BY s.seq"
        )
        return [StoryRow(*row) for row in rows]

    @_coded
    def story_articles(self, story_id: str) -> list[AnalyzedArticle]:
        rows = self.db.execute(
            f"SELECT {_ARTICLE_COLUMNS}, an.sentences, n.data"
            " FROM articles a JOIN story_articles sa ON sa.article_id = a.id"
            " JOIN analyses an ON an.article_id = a.id"
            " LEFT JOIN annotations n ON n.article_id = a.id AND n.version = ?"
            " WHERE sa.story_id = ?"
            " ORDER BY a.published IS NULL, a.published, a.seq",
            (ANNOTATIONS_VERSION, story_id),
        )
        return [
            AnalyzedArticle(
                _article(row[:_N_ARTICLE_COLUMNS]),
                sentences_from_json(row[0], row[_N_ARTICLE_COLUMNS]),
                annotations=(
                    dataclass_from_json(Annotations, row[_N_ARTICLE_COLUMNS + 1])
                    if row[_N_ARTICLE_COLUMNS + 1]
                    else None
                ),
            )
            for row in rows
        ]

    @_coded
    def story_of(self, article_ids: Iterable[str]) -> set[str]:
        ids = list(article_ids)
        out: set[str] = set()
        for chunk, marks in _chunked(ids):
            out |= {
                r[0]
                for r in self.db.execute(
                    f"SELECT story_id FROM story_articles WHERE article_id IN ({marks})", chunk
                )
            }
        return out

    def thread_links(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT story_id, thread_id FROM story_threads"))

    def threads(self) -> list[ThreadRow]:
        rows = self.db.execute(
            "SELECT t.id, t.title, COUNT(DISTINCT st.story_id), COUNT(a.id), MIN(a.published),"
            " MAX(a.published) FROM threads t JOIN story_threads st ON st.thread_id = t.id"
            " JOIN story_articles sa ON sa.story_id = st.story_id"
            " JOIN articles a ON a.id = sa.article_id GROUP BY t.id ORDER BY t.seq"
        )
        return [ThreadRow(*row) for row in rows]

    def thread_stories(self, thread_id: str) -> list[StoryRow]:
        rows = self.db.execute(
            "SELECT s.id, s.title, COUNT(a.id), MIN(a.published), MAX(a.published) FROM stories s"
            " JOIN story_threads st ON st.story_id = s.id"
            " JOIN story_articles sa ON sa.story_id = s.id JOIN articles a ON a.id = sa.article_id"
            " WHERE st.thread_id = ? GROUP BY s.id"
            " ORDER BY MIN(a.published) IS NULL, MIN(a.published), s.seq",
            (thread_id,),
        )
        return [StoryRow(*row) for row in rows]

    def thread_of(self, story_id: str) -> tuple[str, str] | None:
        row = self.db.execute(
            "SELECT t.id, t.title FROM story_threads st JOIN threads t ON t.id = st.thread_id"
            " WHERE st.story_id = ?",
            (story_id,),
        ).fetchone()
        return (str(row[0]), str(row[1])) if row else None

    @_coded
    def missing_features(self) -> list[Article]:
        rows = self.db.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles a"
            " LEFT JOIN features f ON f.article_id = a.id"
            " WHERE f.article_id IS NULL OR f.version != ? ORDER BY a.seq",
            (model.FEATURES_VERSION,),
        )
        return [_article(row) for row in rows]

    @_coded
    def integrity(self) -> str:
        """SQLite's own integrity check ("ok" when the file is sound)."""
        return str(self.db.execute("PRAGMA integrity_check").fetchone()[0])

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> SqliteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_ARTICLE_COLUMNS = (
    "a.id, a.source, a.text, a.title, a.outlet, a.url, a.published, a.truncated, a.date_source"
)
_N_ARTICLE_COLUMNS = _ARTICLE_COLUMNS.count(",") + 1


def _article(row: tuple) -> Article:
    """An :class:`Article` from a row of :data:`_ARTICLE_COLUMNS`."""
    aid, source, text, title, outlet, url, published, truncated, date_source = row
    return Article(
        id=aid,
        source=source,
        text=text,
        title=title,
        outlet=outlet,
        url=url,
        published=dt.date.fromisoformat(published) if published else None,
        truncated=bool(truncated),
        date_source=date_source,
    )


def _tables_of(version: int) -> set[str]:
    """The tables a store of schema ``version`` has."""
    return {
        m.group(1)
        for script in MIGRATIONS[:version]
        for m in re.finditer(r"CREATE TABLE (\w+)", script)
    }


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def _busy(exc: sqlite3.Error) -> bool:
    return (getattr(exc, "sqlite_errorname", None) or "").startswith(
        ("SQLITE_BUSY", "SQLITE_LOCKED")
    )


def _can(path: Path, mode: int) -> bool:
    """Whether this process may access ``path`` so (as its effective user, where the OS
    can tell: a process that switched user is judged as the user it now is)."""
    return os.access(path, mode, effective_ids=os.access in os.supports_effective_ids)


def _check_file(path: Path, read_only: bool) -> None:
    """Refuse, with what to do, a store path that cannot work: checked before any analysis."""
    folder = path.parent
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a store file: name a file with --db")
    if not path.exists():
        if read_only:
            raise StoreNotFoundError(
                f"no store at {path}: ingest articles into it first (storydesk ingest PATH"
                f" --db {path}), or name the store with --db"
            )
        if not folder.is_dir():
            what = "is not a folder" if folder.exists() else "does not exist"
            raise StoreError(f"cannot create store {path}: {folder} {what}")
    elif not _can(path, os.R_OK):
        raise StoreError(f"cannot read store {path} (permission denied): give read access to it")
    elif path.stat().st_size:
        with path.open("rb") as fh:
            head = fh.read(100)
        if not head.startswith(_HEADER[: len(head)]):
            raise StoreDamagedError(
                f"{path} is not a storydesk store (not an SQLite database): name another --db"
            )
        if len(head) < 100:
            raise StoreDamagedError(
                f"store {path} is damaged (cut short at {len(head)} bytes): restore it from a"
                " backup, or name another --db and ingest again"
            )
    if read_only:
        return
    if path.exists() and not _can(path, os.W_OK):
        raise StoreReadOnlyError(
            f"store {path} is read-only: give write access to it, or name another --db"
        )
    if not _can(folder, os.W_OK):
        raise StoreReadOnlyError(
            f"cannot write in {folder}, where store {path} keeps its journal: give write"
            " access to the folder, or name another --db"
        )


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that never writes. A store in WAL mode needs its shared-memory file; in
    a folder we cannot write, without one, the file is read as it is (immutable)."""
    uri = path.resolve().as_uri() + "?mode=ro"
    db = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=_BUSY_MS / 1000)
    try:
        db.execute("PRAGMA user_version").fetchone()
    except sqlite3.OperationalError as exc:
        shm = path.with_name(path.name + "-shm")
        if (
            not (getattr(exc, "sqlite_errorname", "") or "").startswith(
                ("SQLITE_READONLY", "SQLITE_CANTOPEN")
            )
            or shm.exists()
        ):
            raise
        db.close()
        db = sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None)
    return db
