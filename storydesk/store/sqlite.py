"""The default store: one SQLite file in WAL mode, schema versioned with migrations.

Every batch is written in one transaction, so a run killed mid-ingest leaves the database as
it was after the last whole batch, and the next run stores what is missing.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..annotate import ANNOTATIONS_VERSION, Annotations
from ..errors import StoreError
from ..model import AnalyzedArticle, Article, Features
from .base import StoredArticle, StoryRow, ThreadRow
from .codec import (
    dataclass_from_json,
    dataclass_to_json,
    features_from_json,
    features_to_json,
    sentences_from_json,
    sentences_to_json,
)
from .migrations import MIGRATIONS, SCHEMA_VERSION


class SqliteStore:
    """A :class:`~storydesk.store.base.Store` in one SQLite file."""

    def __init__(self, path: str | Path, *, upto: int = SCHEMA_VERSION) -> None:
        self.path = str(path)
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA busy_timeout=10000")
            self._migrate(upto)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}") from exc

    # --- schema -----------------------------------------------------------------------
    @property
    def version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self, upto: int) -> None:
        current = self.version
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"store {self.path} has schema version {current}, newer than this storydesk "
                f"({SCHEMA_VERSION}): upgrade storydesk"
            )
        for version in range(current + 1, upto + 1):
            with self._transaction():
                self._apply(version)

    def _apply(self, version: int) -> None:
        for statement in _statements(MIGRATIONS[version - 1]):
            self.db.execute(statement)
        self.db.execute(f"PRAGMA user_version={version}")

    def _transaction(self) -> _Tx:
        return _Tx(self.db)

    # --- writing ----------------------------------------------------------------------
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
                    " text, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                    ),
                )
                self.db.execute(
                    "INSERT INTO analyses (article_id, sentences) VALUES (?, ?)",
                    (a.id, sentences_to_json(item.analyzed.sentences)),
                )
                if item.analyzed.features is not None:
                    self.db.execute(
                        "INSERT INTO features (article_id, data) VALUES (?, ?)",
                        (a.id, features_to_json(item.analyzed.features)),
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
                        "INSERT INTO stories (id, title, seq) VALUES (?, ?, ?)",
                        (item.story_id, titles.get(item.story_id, a.title or a.id), story_seq),
                    )
                self.db.execute(
                    "INSERT INTO story_articles (article_id, story_id) VALUES (?, ?)",
                    (a.id, item.story_id),
                )
                if item.duplicate_of:
                    self.db.execute(
                        "INSERT INTO duplicates (article_id, representative_id) VALUES (?, ?)",
                        (a.id, item.duplicate_of),
                    )

    def set_titles(self, titles: dict[str, str]) -> None:
        with self._transaction():
            self._set_titles(titles)
            self._title_threads()

    def _set_titles(self, titles: dict[str, str]) -> None:
        for story_id, title in sorted(titles.items()):
            self.db.execute("UPDATE stories SET title = ? WHERE id = ?", (title, story_id))

    def set_threads(self, links: dict[str, str]) -> None:
        with self._transaction():
            self.db.execute("DELETE FROM story_threads")
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

    def set_features(self, features: dict[str, Features]) -> None:
        with self._transaction():
            for article_id, f in sorted(features.items()):
                self.db.execute(
                    "INSERT OR REPLACE INTO features (article_id, data) VALUES (?, ?)",
                    (article_id, features_to_json(f)),
                )

    # --- reading ----------------------------------------------------------------------
    def known_hashes(self, hashes: Iterable[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        wanted = list(dict.fromkeys(hashes))
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for h, aid in self.db.execute(
                f"SELECT content_hash, id FROM articles WHERE content_hash IN ({marks})", chunk
            ):
                out[h] = aid
        return out

    def taken_ids(self) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT id FROM articles")}

    def all_features(self) -> list[tuple[str, str, str | None, Features | None]]:
        rows = self.db.execute(
            "SELECT a.id, sa.story_id, a.published, f.data FROM articles a"
            " JOIN story_articles sa ON sa.article_id = a.id"
            " LEFT JOIN features f ON f.article_id = a.id ORDER BY a.seq"
        )
        return [
            (aid, sid, pub, features_from_json(data) if data else None)
            for aid, sid, pub, data in rows
        ]

    def representatives(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT article_id, representative_id FROM duplicates"))

    def stories(self) -> list[StoryRow]:
        rows = self.db.execute(
            "SELECT s.id, s.title, COUNT(a.id), MIN(a.published), MAX(a.published) FROM stories s"
            " JOIN story_articles sa ON sa.story_id = s.id JOIN articles a ON a.id = sa.article_id"
            " GROUP BY s.id ORDER BY s.seq"
        )
        return [StoryRow(*row) for row in rows]

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
                _article(row[:7]),
                sentences_from_json(row[0], row[7]),
                annotations=dataclass_from_json(Annotations, row[8]) if row[8] else None,
            )
            for row in rows
        ]

    def story_of(self, article_ids: Iterable[str]) -> set[str]:
        ids = list(article_ids)
        out: set[str] = set()
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
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

    def missing_features(self) -> list[Article]:
        rows = self.db.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles a"
            " LEFT JOIN features f ON f.article_id = a.id WHERE f.article_id IS NULL ORDER BY a.seq"
        )
        return [_article(row) for row in rows]

    def integrity(self) -> str:
        """SQLite's own integrity check ("ok" when the file is sound)."""
        return str(self.db.execute("PRAGMA integrity_check").fetchone()[0])

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> SqliteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_ARTICLE_COLUMNS = "a.id, a.source, a.text, a.title, a.outlet, a.url, a.published"


def _article(row: tuple) -> Article:
    """An :class:`Article` from a row of :data:`_ARTICLE_COLUMNS`."""
    aid, source, text, title, outlet, url, published = row
    return Article(
        id=aid,
        source=source,
        text=text,
        title=title,
        outlet=outlet,
        url=url,
        published=dt.date.fromisoformat(published) if published else None,
    )


class _Tx:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any exception."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, exc: object, tb: object) -> None:
        if kind is None:
            self.db.execute("COMMIT")
        else:
            self.db.execute("ROLLBACK")


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]
