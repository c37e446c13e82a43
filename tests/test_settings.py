"""Settings are data: every field, sections included, has a default and a help text."""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields

import pytest

from storydesk.dedup import DuplicateIndex
from storydesk.errors import ConfigError
from storydesk.settings import (
    ClusterSettings,
    DedupSettings,
    Settings,
    SummarySettings,
    _setting,
    describe,
)
from storydesk.summarize.ilp import ILPSummarizer


def undocumented(cls: type = Settings) -> list[str]:
    """Names of the settings of ``cls`` (and its sections) with no default or no help."""
    out = [name for name, _, help in describe(cls) if not help.strip()]
    for section in (cls, ClusterSettings, DedupSettings, SummarySettings):
        for f in fields(section):
            if f.default is MISSING and f.default_factory is MISSING:
                out.append(f"{section.__name__}.{f.name} (no default)")
    return out


def test_every_setting_has_a_default_and_a_help_text():
    assert undocumented() == []


def test_an_undocumented_setting_is_found():
    @dataclass(frozen=True)
    class Section:
        told: int = _setting(1, "A setting with its help text.")
        untold: int = 2

    @dataclass(frozen=True)
    class Options:
        quiet: bool = field(default=False, metadata={"help": ""})
        section: Section = field(
            default_factory=Section, metadata={"help": "A section.", "section": Section}
        )

    assert undocumented(Options) == ["quiet", "section.untold"]


def test_sections_are_named_section_dot_field():
    names = [name for name, _, _ in describe()]
    assert "words" in names and "cluster.threshold" in names
    assert "dedup.jaccard" in names and "summary.max_concepts" in names
    assert not any(n in names for n in ("cluster", "dedup", "summary"))


def test_sections_reach_the_code_that_uses_them():
    settings = Settings(summary=SummarySettings(max_concepts=5))
    assert ILPSummarizer(settings).params.max_concepts == 5
    assert ILPSummarizer(Settings()).params == SummarySettings()
    strict, default = DuplicateIndex(DedupSettings(lsh_threshold=0.9)), DuplicateIndex()
    assert strict.params.lsh_threshold == 0.9
    assert (strict.lsh.b, strict.lsh.r) != (default.lsh.b, default.lsh.r)  # bands and rows
    assert Settings().cluster == ClusterSettings()


def test_settings_are_checked_up_front():
    with pytest.raises(ConfigError):
        Settings(words=3)
