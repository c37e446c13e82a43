"""Environment errors (output folder, store file, disk) are coded, one clean line each, with
what to do, and found before any analysis where they can be."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from storycorpus import corpus_rows, write_jsonl
from typer.testing import CliRunner

from storydesk import api
from storydesk.cli import app
from storydesk.errors import DiskFullError, StoreDamagedError, StoreNotFoundError
from storydesk.pipeline import ingest
from storydesk.settings import Settings
from storydesk.store import SqliteStore

runner = CliRunner()
GOLDEN_INPUT = Path(__file__).parent / "golden" / "input"
NOBODY = 65534


@contextmanager
def unprivileged() -> Iterator[None]:
    """Run the block as a user that permission bits apply to: root ignores them, so a test
    run as root drops to 'nobody' for the block (and back)."""
    if os.geteuid() != 0:
        yield
        return
    os.setegid(NOBODY)
    os.seteuid(NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


@pytest.fixture
def world() -> Iterator[Path]:
    """A folder every user may enter (pytest's own tmp folders are private to their owner)."""
    path = Path(tempfile.mkdtemp(prefix="storydesk-env-"))
    path.chmod(0o755)
    yield path
    for p in [path, *path.rglob("*")]:
        if p.is_dir():
            p.chmod(0o755)
    shutil.rmtree(path)


@pytest.fixture(scope="module")
def golden_store(tmp_path_factory) -> tuple[Path, str]:
    """A store of the golden articles, and one of its story ids."""
    db = tmp_path_factory.mktemp("golden") / "golden.db"
    api.ingest_paths(db, [str(GOLDEN_INPUT)])
    return db, api.list_stories(db)[0].id


def no_analysis(monkeypatch) -> None:
    """Make any start of the analysis fail the test: the error must come before."""

    def started(*args, **kwargs):
        raise AssertionError("the analysis started")

    monkeypatch.setattr(api, "ingest", started)
    monkeypatch.setattr(api, "brief_stored", started)


def one_error(result, code: str, *words: str) -> str:
    """The command failed with exactly one clean error line, of ``code``, saying ``words``."""
    assert result.exit_code != 0, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.startswith("error")]
    assert len(lines) == 1, result.output
    assert f"[{code}]" in lines[0], lines[0]
    for w in words:
        assert w in lines[0], lines[0]
    return lines[0]


def digest(path: Path) -> str:
    return hashlib.sha1(path.read_bytes()).hexdigest()


# --- the output folder --------------------------------------------------------------------


def test_out_that_is_a_file_is_refused_before_the_analysis(tmp_path: Path, monkeypatch):
    no_analysis(monkeypatch)
    out = tmp_path / "out"
    out.write_text("notes\n")
    result = runner.invoke(app, ["run", str(GOLDEN_INPUT), "--out", str(out)])
    one_error(result, "E310", "is a file", "name a folder")
    assert out.read_text() == "notes\n"


def test_out_under_a_file_is_refused_before_the_analysis(tmp_path: Path, monkeypatch):
    no_analysis(monkeypatch)
    (tmp_path / "notes.txt").write_text("notes\n")
    out = tmp_path / "notes.txt" / "briefings" / "today"
    result = runner.invoke(app, ["run", str(GOLDEN_INPUT), "--out", str(out)])
    one_error(result, "E310", "lies under", "notes.txt", "which is a file")


def test_brief_to_an_out_that_is_a_file_is_refused_before_the_briefing(
    tmp_path: Path, golden_store, monkeypatch
):
    db, story = golden_store
    no_analysis(monkeypatch)
    (tmp_path / "out").write_text("x")
    result = runner.invoke(app, ["brief", story, "--db", str(db), "--out", str(tmp_path / "out")])
    one_error(result, "E310", "is a file")


@pytest.mark.parametrize("sub", [None, "new/folder"])
def test_a_read_only_out_is_refused_before_the_analysis(world: Path, monkeypatch, sub):
    no_analysis(monkeypatch)
    locked = world / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    out = locked / sub if sub else locked
    with unprivileged():
        result = runner.invoke(app, ["run", str(GOLDEN_INPUT), "--out", str(out)])
    one_error(result, "E310", "cannot write in", str(locked), "give write access")


# --- the store ----------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["stories"], ["brief", "some-story"]])
def test_reading_a_store_that_does_not_exist_is_an_error_and_creates_nothing(
    tmp_path: Path, command: list[str]
):
    db = tmp_path / "nowhere.db"
    result = runner.invoke(app, [*command, "--db", str(db)])
    one_error(result, "E301", "no store at", "storydesk ingest")
    assert not db.exists()


def test_an_empty_file_holds_no_stories(tmp_path: Path):
    db = tmp_path / "empty.db"
    db.write_bytes(b"")
    one_error(runner.invoke(app, ["stories", "--db", str(db)]), "E301", "holds no stories")
    with pytest.raises(StoreNotFoundError):
        api.list_stories(db)


def test_a_folder_as_store_is_an_error(tmp_path: Path):
    one_error(runner.invoke(app, ["stories", "--db", str(tmp_path)]), "E300", "is a folder")


def damage(kind: str, source: Path, target: Path) -> None:
    if kind == "not sqlite":
        target.write_bytes(b"milk, eggs, flour, a new kettle\n" * 50)
    elif kind == "cut to half":
        data = source.read_bytes()
        target.write_bytes(data[: len(data) // 2])
    elif kind == "cut in its header":
        target.write_bytes(source.read_bytes()[:60])
    else:
        assert kind.startswith("another program's")
        con = sqlite3.connect(target)
        if kind.endswith("versioned"):  # programs use the version field too
            con.execute("PRAGMA user_version=2")
        con.execute("CREATE TABLE recipes (name TEXT, steps TEXT)")
        con.execute("INSERT INTO recipes VALUES ('bread', 'knead')")
        con.commit()
        con.close()


@pytest.mark.parametrize(
    "kind",
    [
        "not sqlite",
        "cut to half",
        "cut in its header",
        "another program's",
        "another program's, versioned",
    ],
)
@pytest.mark.parametrize("command", ["ingest", "stories", "brief"])
def test_a_damaged_store_is_a_coded_error_before_the_analysis(
    tmp_path: Path, golden_store, monkeypatch, kind: str, command: str
):
    source, story = golden_store
    db = tmp_path / "bad.db"
    damage(kind, source, db)
    before = digest(db)
    no_analysis(monkeypatch)
    args = {
        "ingest": ["ingest", str(GOLDEN_INPUT), "--db", str(db)],
        "stories": ["stories", "--db", str(db)],
        "brief": ["brief", story, "--db", str(db), "--out", str(tmp_path / "out")],
    }[command]
    line = one_error(runner.invoke(app, args), "E302", str(db))
    assert "not a storydesk store" in line or "damaged" in line
    assert digest(db) == before, "a damaged store must be left as it was"
    with pytest.raises(StoreDamagedError):
        api.list_stories(db)


def test_a_read_only_store_can_be_listed_and_briefed_but_not_ingested_into(
    world: Path, golden_store, monkeypatch
):
    source, story = golden_store
    folder = world / "archive"
    folder.mkdir()
    db = folder / "stories.db"
    shutil.copy(source, db)
    db.chmod(0o444)
    folder.chmod(0o555)
    out = world / "out"
    out.mkdir()
    out.chmod(0o777)
    before = digest(db)
    # once as ourselves first, so that every module a briefing needs is imported (as root,
    # the interpreter's own files may be out of nobody's reach)
    warm = runner.invoke(app, ["brief", story, "--db", str(source), "--out", str(world / "w")])
    assert warm.exit_code == 0, warm.output
    with unprivileged():
        listed = runner.invoke(app, ["stories", "--db", str(db)])
        briefed = runner.invoke(app, ["brief", story, "--db", str(db), "--out", str(out)])
        no_analysis(monkeypatch)
        added = runner.invoke(app, ["ingest", str(GOLDEN_INPUT), "--db", str(db)])
    assert listed.exit_code == 0, listed.output
    assert "1 stories in" in listed.output
    assert briefed.exit_code == 0, briefed.output
    assert (out / story / "briefing.json").is_file()
    one_error(added, "E303", "read-only", "give write access")
    assert digest(db) == before
    assert sorted(p.name for p in folder.iterdir()) == ["stories.db"]


def test_a_full_disk_during_ingest_is_a_coded_error_and_keeps_the_chunks_stored(
    tmp_path: Path, monkeypatch
):
    class SmallDisk(SqliteStore):
        """A store that may grow by a few pages only, as on a nearly full disk."""

        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            pages = self.db.execute("PRAGMA page_count").fetchone()[0]
            self.db.execute(f"PRAGMA max_page_count={pages + 12}")

    monkeypatch.setattr(api, "SqliteStore", SmallDisk)
    src = write_jsonl(tmp_path / "many.jsonl", corpus_rows())
    db = tmp_path / "s.db"
    result = runner.invoke(app, ["ingest", str(src), "--db", str(db), "--chunk", "3"])
    one_error(result, "E304", "is full", "free some space")
    with SqliteStore(db) as store:
        assert store.integrity() == "ok"
        stored = len(store.taken_ids())
    assert 0 < stored < 30 and stored % 3 == 0
    # the library raises the same error
    with SmallDisk(tmp_path / "t.db") as store, pytest.raises(DiskFullError):
        ingest(store, [str(src)], Settings(chunk=3), refresh_titles=False)


def test_a_store_that_cannot_be_read_is_a_clean_error(world: Path, golden_store):
    source, _ = golden_store
    db = world / "secret.db"
    shutil.copy(source, db)
    db.chmod(0o200)
    with unprivileged():
        result = runner.invoke(app, ["stories", "--db", str(db)])
    one_error(result, "E300", "cannot read store", "give read access")


def test_a_read_only_store_of_an_older_schema_says_it_needs_upgrading(world: Path):
    folder = world / "old"
    folder.mkdir()
    db = folder / "old.db"
    SqliteStore(db, upto=1).close()
    db.chmod(0o444)
    folder.chmod(0o555)
    with unprivileged():
        result = runner.invoke(app, ["stories", "--db", str(db)])
    one_error(result, "E303", "schema version 1, older", "needs write access")


def test_a_disk_that_fills_up_while_briefings_are_written_is_a_coded_error(
    tmp_path: Path, monkeypatch
):
    from storydesk import write

    def full(path: Path, text: str) -> Path:
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(write, "_write", full)
    result = runner.invoke(app, ["run", str(GOLDEN_INPUT), "--out", str(tmp_path / "out")])
    one_error(result, "E310", "the disk is full", "free some space")
