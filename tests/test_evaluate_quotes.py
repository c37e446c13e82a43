"""The quote evaluation (storydesk.evaluate.quotes): criteria on made-up records, then a
small slice of PolNeAR dev."""

from __future__ import annotations

import json

import pytest

from storydesk.evaluate.quotes import Gold, Predicted, gold_of, score, speaker_matches

TEXT = '"We will win," Kerry said. He said talks would go on. Officials agreed.'
# [0, 14) the quote with its marks, [15, 20) Kerry, [27, 29) He, [35, 52) talks would go on


def record(*attributions: dict) -> dict:
    return {"text": TEXT, "attributions": list(attributions)}


def attribution(content: tuple[int, int], source: tuple[int, int] | None, cue=True) -> dict:
    def piece(span):
        return {"start": span[0], "end": span[1], "text": TEXT[span[0] : span[1]]}

    return {
        "type": "Attribution",
        "content": [piece(content)],
        "source": [piece(source)] if source else None,
        "cue": [{"start": 0, "end": 0, "text": "said"}] if cue else None,
    }


def test_gold_kinds_follow_the_quote_marks():
    direct, inside, reported = gold_of(
        record(
            attribution((0, 14), (15, 20)),  # with its marks
            attribution((1, 13), (15, 20)),  # marks just outside
            attribution((35, 52), (27, 29)),
        )
    )
    assert direct.direct and inside.direct and not reported.direct
    assert reported.source_text == "He"


def test_speaker_matches_by_overlap_or_by_name():
    gold = Gold(((1, 13),), ((15, 20),), "Kerry", True, True)
    assert speaker_matches(Predicted(1, 13, True, (15, 20), None), gold)
    assert speaker_matches(Predicted(1, 13, True, (27, 29), "John Kerry"), gold)
    assert not speaker_matches(Predicted(1, 13, True, (27, 29), "John Smith"), gold)
    assert not speaker_matches(Predicted(1, 13, True, None, None), gold)
    he = Gold(((35, 52),), ((27, 29),), "He", False, True)
    # a pronoun gold source is matched by overlap only: the name cannot be checked
    assert speaker_matches(Predicted(35, 52, False, (27, 29), "Anyone"), he)
    assert not speaker_matches(Predicted(35, 52, False, (15, 20), "Kerry"), he)


def test_score_counts_found_speakers_and_precision():
    gold = [
        Gold(((1, 13),), ((15, 20),), "Kerry", True, True),
        Gold(((35, 52),), ((27, 29),), "He", False, True),
    ]
    preds = [
        Predicted(1, 13, True, (15, 20), "John Kerry"),  # found, right speaker
        Predicted(35, 46, False, (27, 29), "John Kerry"),  # "talks would": 2 of 4 words
        Predicted(54, 69, True, None, None),  # not in any gold content
    ]
    m = score([TEXT], [gold], [preds])
    assert m["direct"]["recall"] == 1.0 and m["direct"]["speaker_accuracy"] == 1.0
    assert m["reported"]["recall"] == 1.0  # half of the words is enough
    assert m["direct"]["precision"] == 0.5 and m["direct"]["predicted"] == 2
    short = score([TEXT], [gold], [[Predicted(35, 40, False, (27, 29), None)]])
    assert short["reported"]["recall"] == 0.0  # "talks": 1 of 4 words


@pytest.mark.shared
def test_quote_eval_on_a_slice_of_dev(shared, tmp_path, monkeypatch):
    from storydesk.evaluate.quotes import run_quotes_eval

    monkeypatch.setenv("STORYDESK_SHARED", str(shared))
    result = run_quotes_eval("dev", limit=12, cache=tmp_path)
    assert result["articles"] == 12 and result["split"] == "dev"
    assert result["peer"].startswith("textacy ")
    ours, peer = result["storydesk"], result["textacy"]
    for system in (ours, peer):
        for kind in ("direct", "reported"):
            for key in ("recall", "speaker_accuracy", "precision"):
                value = system[kind][key]
                assert value is None or 0.0 <= value <= 1.0
    assert ours["direct"]["gold"] > 20
    # what the issue is about: more quotes found than the peer, speakers mostly right
    assert ours["direct"]["recall"] > peer["direct"]["recall"]
    assert ours["direct"]["speaker_accuracy"] >= 0.8
    # the parse is cached: a second run reads it back
    assert list(tmp_path.glob("quotes-polnear-dev-*.spacy"))
    assert run_quotes_eval("dev", limit=12, cache=tmp_path)["storydesk"] == ours


def test_eval_quotes_command_writes_its_figures(shared, tmp_path):
    from typer.testing import CliRunner

    from storydesk.cli import app

    out = tmp_path / "quotes.json"
    result = CliRunner().invoke(
        app, ["eval", "quotes", "--split", "dev", "--limit", "3", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert data["command"] == "storydesk eval quotes --split dev --limit 3"
    assert data["articles"] == 3 and "direct" in data["storydesk"]
    assert "speaker accuracy storydesk" in result.output
