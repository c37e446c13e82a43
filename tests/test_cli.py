from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from storydesk.cli import app

runner = CliRunner()
GOLDEN_INPUT = Path(__file__).parent / "golden" / "input"


def test_run_writes_briefings_and_reports_rejections(tmp_path: Path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(GOLDEN_INPUT), "--out", str(out), "--words", "60"])
    assert result.exit_code == 0, result.output
    assert "rejected" in result.output and "lakes-wire.jsonl:3" in result.output
    assert "Traceback" not in result.output
    stories = json.loads((out / "stories.json").read_text())
    assert stories["schema"] == "storydesk.stories/1"
    [story] = stories["stories"]
    assert len(story["articles"]) == 3
    assert stories["rejected"][0]["source"].endswith("lakes-wire.jsonl:3")
    folder = out / story["id"]
    for name in ("briefing.md", "briefing.html", "briefing.json"):
        assert (folder / name).is_file()
    assert (out / "index.html").is_file()
    briefing = json.loads((folder / "briefing.json").read_text())
    assert sum(len(s["text"].split()) for s in briefing["summary"]) <= 60


def test_nothing_usable_exits_2(tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    result = runner.invoke(app, ["run", str(tmp_path), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "empty file" in result.output and "binary" in result.output
    assert "no article could be processed" in result.output
    assert "Traceback" not in result.output


def test_stdin_jsonl(tmp_path: Path):
    line = json.dumps(
        {
            "id": "x1",
            "title": "Bridge reopens",
            "text": "The Harl bridge reopened on Monday after two years of repairs, the city said.",
        }
    )
    result = runner.invoke(app, ["run", "-", "--out", str(tmp_path)], input=line + "\n")
    assert result.exit_code == 0, result.output
    stories = json.loads((tmp_path / "stories.json").read_text())
    assert stories["stories"][0]["articles"] == [{"id": "x1", "source": "x1"}]


def test_bad_setting_is_one_clean_line(tmp_path: Path):
    result = runner.invoke(app, ["run", str(GOLDEN_INPUT), "--out", str(tmp_path), "--words", "3"])
    assert result.exit_code == 2
    assert "words must be at least 10" in result.output
    assert "Traceback" not in result.output


def test_output_is_deterministic(tmp_path: Path):
    for name in ("a", "b"):
        assert (
            runner.invoke(app, ["run", str(GOLDEN_INPUT), "--out", str(tmp_path / name)]).exit_code
            == 0
        )
    files_a = sorted(
        p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file()
    )
    files_b = sorted(
        p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file()
    )
    assert files_a == files_b
    for rel in files_a:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes()


def test_ingest_stories_brief(tmp_path: Path):
    db = str(tmp_path / "s.db")
    result = runner.invoke(app, ["ingest", str(GOLDEN_INPUT), "--db", db])
    assert result.exit_code == 0, result.output
    assert "added 3 articles" in result.output and "1 rejected" in result.output
    again = runner.invoke(app, ["ingest", str(GOLDEN_INPUT), "--db", db])
    assert "added 0 articles, 3 already stored" in again.output
    listing = runner.invoke(app, ["stories", "--db", db])
    assert listing.exit_code == 0 and "1 stories" in listing.output
    from storydesk.api import list_stories

    [story] = list_stories(db)
    # The headline of the article the summary cites most.
    assert story.title == "Ferry fire on Lake Merrow forces 140 passengers into lifeboats"
    assert story.articles == 3
    out = tmp_path / "brief"
    done = runner.invoke(app, ["brief", story.id, "--db", db, "--out", str(out)])
    assert done.exit_code == 0, done.output
    data = json.loads((out / story.id / "briefing.json").read_text())
    assert data["story"]["id"] == story.id and len(data["articles"]) == 3
    missing = runner.invoke(app, ["brief", "no-such-story", "--db", db, "--out", str(out)])
    assert missing.exit_code == 2 and "no story 'no-such-story'" in missing.output


def test_brief_since_tells_only_what_is_new(tmp_path: Path):
    db = str(tmp_path / "s.db")
    assert runner.invoke(app, ["ingest", str(GOLDEN_INPUT), "--db", db]).exit_code == 0
    from storydesk.api import list_stories

    [story] = list_stories(db)
    out = tmp_path / "since"
    done = runner.invoke(
        app, ["brief", story.id, "--db", db, "--out", str(out), "--since", "2031-04-12"]
    )
    assert done.exit_code == 0, done.output
    data = json.loads((out / story.id / "briefing.json").read_text())
    assert data["since"] == "2031-04-12"
    new_ids = {a["id"] for a in data["articles"] if (a["published"] or "") > "2031-04-12"}
    assert data["summary"] and new_ids
    assert {c["article_id"] for s in data["summary"] for c in s["citations"]} <= new_ids
    md = (out / story.id / "briefing.md").read_text()
    assert "## New since 2031-04-12" in md
    bad = runner.invoke(app, ["brief", story.id, "--db", db, "--since", "last tuesday"])
    assert bad.exit_code == 2 and "--since needs a date as YYYY-MM-DD" in bad.output


def test_stories_json_is_the_shape_of_a_runs_stories_json(tmp_path: Path):
    db = str(tmp_path / "s.db")
    out = tmp_path / "out"
    ran = runner.invoke(app, ["run", str(GOLDEN_INPUT), "--out", str(out), "--db", db])
    assert ran.exit_code == 0, ran.output
    listed = runner.invoke(app, ["stories", "--db", db, "--json"])
    assert listed.exit_code == 0, listed.output
    data = json.loads(listed.stdout)
    written = json.loads((out / "stories.json").read_text())
    assert data["schema"] == written["schema"] == "storydesk.stories/1"
    assert data["rejected"] == []
    assert [s["id"] for s in data["stories"]] == [s["id"] for s in written["stories"]]
    for got, want in zip(data["stories"], written["stories"], strict=True):
        assert got["title"] == want["title"]
        assert sorted(got["articles"], key=str) == sorted(want["articles"], key=str)
        assert got["first_published"] <= got["last_published"]


def test_stories_json_of_a_missing_store_is_e301(tmp_path: Path):
    result = runner.invoke(app, ["stories", "--db", str(tmp_path / "none.db"), "--json"])
    assert result.exit_code == 2 and "[E301]" in result.output
    assert not (tmp_path / "none.db").exists()


def test_brief_takes_a_unique_prefix_of_a_story_id(tmp_path: Path):
    db = str(tmp_path / "s.db")
    assert runner.invoke(app, ["ingest", str(GOLDEN_INPUT), "--db", db]).exit_code == 0
    from storydesk.api import list_stories

    [story] = list_stories(db)
    out = tmp_path / "brief"
    done = runner.invoke(app, ["brief", story.id[:4], "--db", db, "--out", str(out)])
    assert done.exit_code == 0, done.output
    assert json.loads((out / story.id / "briefing.json").read_text())["story"]["id"] == story.id
    unknown = runner.invoke(app, ["brief", "zz-none", "--db", db, "--out", str(out)])
    assert unknown.exit_code == 2 and "[E306]" in unknown.output
    assert story.id in unknown.output  # the candidates are listed
    assert "Traceback" not in unknown.output


def test_an_ambiguous_story_prefix_lists_the_candidates():
    import pytest

    from storydesk.api import resolve_story_id
    from storydesk.errors import AmbiguousStoryError, StoryNotFoundError

    ids = ["flood-a1", "flood-b2", "fire-c3"]
    assert resolve_story_id("fi", ids) == "fire-c3"
    assert resolve_story_id("flood-a1", [*ids, "flood-a1x"]) == "flood-a1"  # exact id wins
    with pytest.raises(AmbiguousStoryError) as exc:
        resolve_story_id("flood", ids)
    assert exc.value.code == "E203" and "flood-a1, flood-b2" in str(exc.value)
    with pytest.raises(StoryNotFoundError) as missing:
        resolve_story_id("", ids)
    assert "fire-c3" in str(missing.value)


def test_the_paths_help_names_gzipped_input():
    result = runner.invoke(app, ["run", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0 and ".gz" in result.output


def test_thread_commands_on_a_missing_store_are_e301_and_create_nothing(tmp_path: Path):
    db = tmp_path / "none.db"
    for command in (["threads"], ["threads", "--json"], ["thread", "t-any", "--out", "o"]):
        result = runner.invoke(app, [*command, "--db", str(db)])
        assert result.exit_code == 2 and "[E301]" in result.output, (command, result.output)
        assert not db.exists(), command


def test_thread_to_an_out_that_is_a_file_is_e310(tmp_path: Path):
    db = str(tmp_path / "s.db")
    assert runner.invoke(app, ["ingest", str(GOLDEN_INPUT), "--db", db]).exit_code == 0
    listed = json.loads(runner.invoke(app, ["threads", "--db", db, "--json"]).stdout)
    [thread] = listed["threads"]
    (tmp_path / "out").write_text("notes\n")
    result = runner.invoke(
        app, ["thread", thread["id"], "--db", db, "--out", str(tmp_path / "out")]
    )
    assert result.exit_code == 2 and "[E310]" in result.output, result.output
    assert (tmp_path / "out").read_text() == "notes\n"
