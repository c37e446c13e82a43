"""Writing a run's folder: nothing lands outside it, and no text makes a write fail."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from conftest import assert_summary_checks_out

from storydesk.errors import ConfigError
from storydesk.model import Article, Briefing, Citation, Rejected, Story, SummarySentence
from storydesk.write import write_run

TEXT = "The Orlen dam burst on Monday.\n\nBoats reached the Millbank district by noon."


def _briefing(story_id: str = "orlen-dam-3f9a2c", text: str = TEXT, title: str = "Dam bursts"):
    article = Article(
        id="a1", source="a1.txt", text=text, title=title, published=dt.date(2031, 4, 12)
    )
    end = text.index("\n\n")
    return Briefing(
        story=Story(id=story_id, title=title, article_ids=("a1",)),
        articles=(article,),
        summary=(SummarySentence(text[:end], (Citation("a1", 0, end),)),),
    )


@pytest.mark.parametrize(
    "story_id",
    [
        "../escaped",
        "..",
        ".",
        "",
        ".hidden",
        "a/../../escaped",
        "{tmp}/escaped-absolute",
        "nested/story",
        "back\\slash",
        "nul\x00byte",
        "line\nbreak",
        "lone\ud800surrogate",
        "x" * 300,
    ],
)
def test_a_story_id_that_is_not_one_plain_folder_name_is_refused(tmp_path: Path, story_id: str):
    out = tmp_path / "run" / "out"
    story_id = story_id.replace("{tmp}", str(tmp_path))
    with pytest.raises(ConfigError, match="story id"):
        write_run(out, [_briefing("orlen-dam-3f9a2c"), _briefing(story_id)], [])
    # Refused before anything was written, inside the folder or out of it.
    assert sorted(p.name for p in tmp_path.rglob("*")) == []


def test_a_story_folder_that_links_elsewhere_is_refused(tmp_path: Path):
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (out / "orlen-dam-3f9a2c").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(ConfigError, match="outside"):
        write_run(out, [_briefing()], [])
    assert list(elsewhere.iterdir()) == []


def test_odd_but_harmless_ids_still_name_their_folder(tmp_path: Path):
    story_id = 'javascript:alert(1)"><img src=x> ~ $HOME -dash'
    written = write_run(tmp_path, [_briefing(story_id)], [])
    assert (tmp_path / story_id / "briefing.json") in written
    assert json.loads((tmp_path / "stories.json").read_text())["stories"][0]["id"] == story_id


def test_a_lone_surrogate_anywhere_does_not_stop_the_write(tmp_path: Path):
    text = "The Orlen dam\ud800 burst on Monday.\n\nBoats reached the \udcffMillbank district."
    b = _briefing(text=text, title="Dam \udfff bursts")
    rejected = [Rejected("feed\ud834.jsonl:3", "no text \udc80")]
    write_run(tmp_path, [b], rejected)
    briefing = json.loads((tmp_path / b.story.id / "briefing.json").read_text("utf-8"))
    stories = json.loads((tmp_path / "stories.json").read_text("utf-8"))
    assert briefing["story"]["title"] == "Dam \ufffd bursts"
    assert stories["stories"][0]["title"] == "Dam \ufffd bursts"
    assert "\ufffd" in json.dumps(stories["rejected"], ensure_ascii=False)
    # One character for one: every offset still points at the same characters.
    texts = {a["id"]: a["text"] for a in briefing["articles"]}
    assert texts["a1"] == text.replace("\ud800", "\ufffd").replace("\udcff", "\ufffd")
    for sentence in briefing["summary"]:
        assert_summary_checks_out(texts, sentence)
    for name in ("briefing.md", "briefing.html"):
        (tmp_path / b.story.id / name).read_text("utf-8")
    (tmp_path / "index.html").read_text("utf-8")
