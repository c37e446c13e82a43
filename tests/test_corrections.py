"""A person's corrections (stories merge / split / move) and stable stored titles."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storydesk import api
from storydesk.cli import app
from storydesk.corrections import Constraints, Correction, apply, resolve
from storydesk.errors import (
    ArticleNotFoundError,
    CorrectionError,
    StoryNotFoundError,
)
from storydesk.store import SqliteStore

runner = CliRunner()
GOLDEN_INPUT = Path(__file__).parent / "golden" / "input"

# Fictional reports: a second story (a bridge closed) and a later report of the ferry fire
# of the golden input.
BRIDGE = [
    {
        "id": "hb-0502",
        "title": "Harl bridge closed after cracks found in its main span",
        "outlet": "Harl Post",
        "published": "2031-05-02",
        "text": "The Harl bridge was closed to all traffic on Friday after inspectors found "
        "cracks in its main steel span, the county roads office said.\n\nEngineers will "
        "survey the span over the weekend, county engineer Petra Vance said.\n\nBuses "
        "between Harl and Mossby will take the ring road until the bridge reopens.",
    },
    {
        "id": "hb-0503",
        "title": "Harl bridge to stay shut for a month, engineers say",
        "outlet": "Mossby Courier",
        "published": "2031-05-03",
        "text": "The cracked Harl bridge will stay closed for at least a month while its "
        "main steel span is repaired, county engineer Petra Vance said on Saturday.\n\n"
        "The county roads office said buses between Harl and Mossby would keep to the "
        "ring road.\n\nThe bridge carries about 9,000 vehicles a day.",
    },
]
LATER_FERRY = {
    "id": "lw-0420",
    "title": "Lake Merrow ferry fire began in a fuel line, safety board says",
    "outlet": "Lakes Wire",
    "published": "2031-04-20",
    "text": "The fire that crippled the ferry Aldous Grey on Lake Merrow began in a leaking "
    "fuel line in its engine room, the lakes safety board said on Sunday.\n\nAll 140 "
    "passengers were rescued into lifeboats when the fire broke out, and three were "
    "treated for smoke inhalation, harbour master Ines Calloway said.\n\nMerrow Lines "
    "said crossings on the lake would stay suspended until its fleet had been inspected.",
}


# A round-up that reports both: it links the two stories into one component, which the
# next ingest clusters again whole.
ROUNDUP = {
    "id": "rd-0504",
    "title": "Lakes and roads: the week in Tarnby county",
    "published": "2031-05-04",
    "text": LATER_FERRY["text"] + "\n\n" + BRIDGE[1]["text"].replace("Saturday", "Sunday"),
}


def _jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


@pytest.fixture(scope="module")
def two_stories(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with the ferry story (3 articles) and the bridge story (2), made once."""
    tmp = tmp_path_factory.mktemp("two")
    db = tmp / "s.db"
    api.ingest_paths(db, [str(GOLDEN_INPUT), str(_jsonl(tmp / "bridge.jsonl", BRIDGE))])
    return db


@pytest.fixture
def db(two_stories: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "s.db"
    shutil.copy(two_stories, copy)
    return copy


def _story_of(db: Path) -> dict[str, str]:
    with SqliteStore(db, read_only=True) as store:
        return store.story_map()


def _ferry_and_bridge(db: Path) -> tuple[str, str]:
    m = _story_of(db)
    return m["lw-0412"], m["hb-0502"]


def _ingest_later_ferry(db: Path, tmp: Path) -> None:
    api.ingest_paths(db, [str(_jsonl(tmp / "later.jsonl", [LATER_FERRY]))])


def test_the_fixture_has_two_stories(db: Path):
    m = _story_of(db)
    assert m["lw-0412"] == m["nt-0413"] == m["tarn-chronicle-ferry"]
    assert m["hb-0502"] == m["hb-0503"] != m["lw-0412"]


# --- corrections survive a later ingest that would undo them ---------------------------


def test_without_a_correction_a_later_ingest_regroups_a_moved_article(db: Path, tmp_path: Path):
    """The control for the two tests below: an article moved by hand without a
    correction is put back with its event when a later report of it arrives."""
    ferry, bridge = _ferry_and_bridge(db)
    with SqliteStore(db) as store, store.writing():
        store.reassign({"nt-0413": bridge}, {})
    assert _story_of(db)["nt-0413"] == bridge
    _ingest_later_ferry(db, tmp_path)
    m = _story_of(db)
    assert m["nt-0413"] == m["lw-0420"] == m["lw-0412"] == ferry


def test_without_a_correction_a_later_ingest_splits_merged_stories(db: Path, tmp_path: Path):
    """The control for the merge test below."""
    ferry, _ = _ferry_and_bridge(db)
    with SqliteStore(db) as store, store.writing():
        store.reassign({"hb-0502": ferry, "hb-0503": ferry}, {})
    api.ingest_paths(db, [str(_jsonl(tmp_path / "r.jsonl", [ROUNDUP]))])
    m = _story_of(db)
    assert m["lw-0412"] == ferry != m["hb-0502"] == m["hb-0503"]


def test_a_move_holds_across_a_later_ingest(db: Path, tmp_path: Path):
    ferry, bridge = _ferry_and_bridge(db)
    done = api.correct_stories(db, "move", bridge, articles=["nt-0413"])
    assert done.correction.kind == "move" and done.correction.stories == (ferry, bridge)
    assert set(done.stories) == {ferry, bridge}
    _ingest_later_ferry(db, tmp_path)
    m = _story_of(db)
    assert m["nt-0413"] == m["hb-0502"] == bridge  # ids kept
    assert m["lw-0420"] == m["lw-0412"] == ferry


def test_a_split_holds_across_a_later_ingest(db: Path, tmp_path: Path):
    ferry, _ = _ferry_and_bridge(db)
    done = api.correct_stories(db, "split", ferry[:10], articles=["nt-0413"])
    new = done.correction.stories[1]
    assert _story_of(db)["nt-0413"] == new != ferry
    _ingest_later_ferry(db, tmp_path)
    m = _story_of(db)
    assert m["nt-0413"] == new
    assert m["lw-0420"] == m["lw-0412"] == m["tarn-chronicle-ferry"] == ferry


def test_a_merge_holds_across_a_later_ingest_and_a_later_split_overrides_it(
    db: Path, tmp_path: Path
):
    ferry, bridge = _ferry_and_bridge(db)
    api.correct_stories(db, "merge", ferry, other=bridge)
    assert set(_story_of(db).values()) == {ferry}
    api.ingest_paths(db, [str(_jsonl(tmp_path / "r.jsonl", [ROUNDUP]))])
    assert set(_story_of(db).values()) == {ferry}
    # The later correction wins where they contradict: the bridge reports go apart again.
    done = api.correct_stories(db, "split", ferry, articles=["hb-0502", "hb-0503"])
    m = _story_of(db)
    assert m["hb-0502"] == m["hb-0503"] == done.correction.stories[1] != m["lw-0412"]
    api.ingest_paths(db, [str(GOLDEN_INPUT)])  # nothing new: nothing moves
    assert _story_of(db) == m


# --- the commands ------------------------------------------------------------------------


def test_cli_merge_split_move_and_the_listing_marks_them(db: Path):
    ferry, bridge = _ferry_and_bridge(db)
    merged = runner.invoke(app, ["stories", "merge", ferry, bridge, "--db", str(db)])
    assert merged.exit_code == 0, merged.output
    assert "correction #1 (merge" in merged.output
    split = runner.invoke(
        app, ["stories", "split", ferry, "--articles", "hb-0502", "hb-0503", "--db", str(db)]
    )
    assert split.exit_code == 0, split.output
    assert "correction #2 (split" in split.output
    m = _story_of(db)
    moved = runner.invoke(
        app, ["stories", "move", "nt-0413", "--to", m["hb-0502"], "--db", str(db)]
    )
    assert moved.exit_code == 0, moved.output
    m = _story_of(db)
    assert m["nt-0413"] == m["hb-0502"] != m["lw-0412"]
    listing = runner.invoke(app, ["stories", "--db", str(db)])
    assert listing.exit_code == 0 and "fixed" in listing.output and "#3" in listing.output
    data = json.loads(runner.invoke(app, ["stories", "--db", str(db), "--json"]).stdout)
    assert [c["kind"] for c in data["corrections"]] == ["merge", "split", "move"]
    by_id = {s["id"]: s for s in data["stories"]}
    assert by_id[m["nt-0413"]]["corrections"] == [1, 2, 3]
    assert data["corrections"][2]["together"][0] == "hb-0502"
    assert "nt-0413" in data["corrections"][2]["together"]


def test_cli_errors_are_coded(db: Path):
    ferry, bridge = _ferry_and_bridge(db)
    cases = [
        (["stories", "merge", ferry, "no-such-story"], "E306"),
        (["stories", "merge", ferry, ferry], "E204"),
        (["stories", "split", ferry, "--articles", "no-such-article"], "E307"),
        (["stories", "split", ferry, "--articles", "hb-0502"], "E204"),
        (["stories", "split", ferry], "E204"),
        (["stories", "split", bridge, "--articles", "hb-0502", "hb-0503"], "E204"),
        (["stories", "move", "nt-0413", "--to", ferry], "E204"),
        (["stories", "move", "no-such-article", "--to", bridge], "E307"),
    ]
    before = _story_of(db)
    for args, code in cases:
        result = runner.invoke(app, [*args, "--db", str(db)])
        assert result.exit_code == 2 and f"[{code}]" in result.output, (args, result.output)
        assert "Traceback" not in result.output
    assert _story_of(db) == before
    missing = runner.invoke(app, ["stories", "merge", "a", "b", "--db", str(db.parent / "x.db")])
    assert "[E301]" in missing.output and not (db.parent / "x.db").exists()


def test_api_errors_are_typed(db: Path):
    with pytest.raises(StoryNotFoundError):
        api.correct_stories(db, "move", "zzz", articles=["nt-0413"])
    with pytest.raises(ArticleNotFoundError):
        api.correct_stories(db, "move", _ferry_and_bridge(db)[1], articles=["zzz"])
    both = _ferry_and_bridge(db)
    done = api.correct_stories(db, "merge", "pass", other="harl")  # prefixes name stories
    assert done.correction.stories == both
    with pytest.raises(CorrectionError):
        api.correct_stories(db, "rename", "x")


# --- stable titles ------------------------------------------------------------------------


def test_a_title_is_the_same_in_every_command(db: Path, tmp_path: Path):
    _ingest_later_ferry(db, tmp_path)
    ferry = _story_of(db)["lw-0412"]
    [stored] = [r.title for r in api.list_stories(db) if r.id == ferry]
    listed = json.loads(runner.invoke(app, ["stories", "--db", str(db), "--json"]).stdout)
    assert {s["id"]: s["title"] for s in listed["stories"]}[ferry] == stored
    for extra in ([], ["--since", "2031-04-12"], ["--since", "2031-04-13"]):
        out = tmp_path / f"brief{len(extra)}{extra[-1] if extra else ''}"
        done = runner.invoke(app, ["brief", ferry, "--db", str(db), "--out", str(out), *extra])
        assert done.exit_code == 0, done.output
        folder = out / ferry
        assert json.loads((folder / "briefing.json").read_text())["story"]["title"] == stored
        assert (folder / "briefing.md").read_text().startswith(f"# {stored}\n")
        assert f"<h1>{stored}</h1>" in (folder / "briefing.html").read_text()


def test_a_title_changes_only_when_its_story_does(db: Path, tmp_path: Path):
    ferry, bridge = _ferry_and_bridge(db)
    con = sqlite3.connect(db)  # a title no rule would give, to see whether it is recomputed
    con.execute("UPDATE stories SET title = 'Kept as stored' WHERE id = ?", (ferry,))
    con.commit()
    con.close()
    # An ingest that does not change the story (its articles again, another story's news)
    api.ingest_paths(db, [str(GOLDEN_INPUT)])
    more = {
        **BRIDGE[0],
        "id": "hb-0504",
        "published": "2031-05-04",
        "text": BRIDGE[0]["text"]
        + "\n\nThe county said on Sunday that repairs would begin on Monday.",
    }
    api.ingest_paths(db, [str(_jsonl(tmp_path / "more.jsonl", [more]))])
    assert _story_of(db)["hb-0504"] == bridge
    titles = {r.id: r.title for r in api.list_stories(db)}
    assert titles[ferry] == "Kept as stored"
    # An ingest that adds to it titles it again.
    _ingest_later_ferry(db, tmp_path)
    titles = {r.id: r.title for r in api.list_stories(db)}
    assert titles[ferry] != "Kept as stored"


def test_a_store_from_before_keeps_its_titles(tmp_path: Path):
    db = tmp_path / "old.db"
    with SqliteStore(db, upto=7) as old:
        old.db.execute("INSERT INTO stories (id, title, seq) VALUES ('s1', 'Old title', 1)")
        old.db.execute(
            "INSERT INTO articles (id, content_hash, source, text, seq)"
            " VALUES ('a1', 'h1', 'a1.txt', 'Some text.', 1)"
        )
        old.db.execute("INSERT INTO story_articles (article_id, story_id) VALUES ('a1', 's1')")
    with SqliteStore(db) as store:
        assert store.stale_titles() == []
        assert store.title_of("s1") == "Old title"
        with store.writing():  # its articles change: then it is titled again
            store.db.execute(
                "INSERT INTO articles (id, content_hash, source, text, seq)"
                " VALUES ('a2', 'h2', 'a2.txt', 'More text.', 2)"
            )
            store.db.execute("INSERT INTO story_articles VALUES ('a2', 's1')")
        assert store.stale_titles() == ["s1"]


# --- the constraints themselves -----------------------------------------------------------


def _same(x: str) -> str:
    return x


def _sim(a, b):
    import numpy as np

    return np.array([[1.0 if x[0] == y[0] else 0.0 for y in b] for x in a])


def test_apply_joins_must_links_and_pulls_in_members_from_elsewhere():
    c = resolve([Correction(1, "merge", ("A", "B"), ("a1", "b1", "b2"))], _same)
    groups = [["a1", "a2"], ["b1"], ["c1"]]
    got = apply(groups, c, _same, lambda k: k if k == "b2" else None, _sim)
    assert got == [["a1", "a2", "b1", "b2"], ["c1"]]


def test_apply_cuts_cannot_links_and_places_free_articles_by_similarity():
    c = resolve([Correction(1, "split", ("A", "S"), ("s1", "s2"), ("a1", "a2"))], _same)
    got = apply([["a1", "s1", "a2", "s2", "sx", "ay"]], c, _same, lambda k: None, _sim)
    assert got == [["a1", "a2", "ay"], ["s1", "s2", "sx"]]


def test_a_later_correction_overrides_an_earlier_one():
    merge = Correction(1, "merge", ("A", "B"), ("a1", "a2", "b1", "b2"))
    split = Correction(2, "split", ("A", "S"), ("b1", "b2"), ("a1", "a2"))
    c = resolve([merge, split], _same)
    assert c.separated("a1", "b1") and c.find("a1") == c.find("a2")
    assert c.find("b1") == c.find("b2")
    back = resolve([merge, split, Correction(3, "merge", ("A", "S"), ("a1", "b1"))], _same)
    assert not back.separated("a1", "b1") and back.find("a1") == back.find("b1")


def test_copies_are_constrained_as_their_original():
    c = resolve(
        [Correction(1, "move", ("A", "B"), ("x-copy", "b1"), ("a1",))],
        lambda x: {"x-copy": "x"}.get(x, x),
    )
    assert c.find("x") == c.find("b1") and c.separated("x", "a1")


def test_no_constraints_leave_the_groups_as_they_are():
    groups = [["a"], ["b", "c"]]
    assert apply(groups, Constraints(), _same, lambda k: None, _sim) is groups
