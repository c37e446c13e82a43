"""Hostile input, generated (issue 13): random bytes, random JSON, deep nesting, surrogates,
huge records and corrupt compressed files, mixed with good articles. Every good article is
read (and, through ``run``, processed), every bad one is rejected with its source and a
reason, and no exception escapes. Derandomised, so CI sees the same examples each time."""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storydesk import api
from storydesk.ingest import limits, read_paths
from storydesk.model import RawDocument, Rejected
from storydesk.settings import Settings

# Lowered so that "huge" inputs stay small enough to generate quickly.
LINE_CAP, FILE_CAP, ARTICLE_CAP = 4_096, 8_192, 2_000

PLACES = ["Kell", "Arden", "Moor", "Tessel", "Varn", "Oduya", "Brenn", "Lusk", "Pell", "Quill"]
EVENTS = [
    "the river burst its banks and flooded {n} homes",
    "a fire destroyed the old mill and {n} people were moved",
    "the council approved a budget of {n} million crowns for the bridge",
    "{n} workers went on strike at the harbour",
    "a landslide closed the mountain road for {n} hours",
]
CONTROL = ["\ud800", "\udfff", "\x00", "\x07", "\x1b", "\r", "\x0c"]


def good_text(n: int) -> str:
    place, event = PLACES[n % len(PLACES)], EVENTS[n % len(EVENTS)]
    what = event.format(n=10 + n)
    return (
        f"Trouble in {place}\n\nIn {place} on Monday {what}, officials said. "
        f"Residents of {place} described the scene as chaotic. Report code Zq{n}x.\n\n"
        f"The mayor of {place} promised help within days, and {what.split()[0]} "
        "inspectors will report next week.\n"
    )


@dataclass
class Case:
    """What one generated folder holds, and what must come of it."""

    files: dict[str, bytes] = field(default_factory=dict)
    jsonl: list[bytes] = field(default_factory=list)
    good: dict[str, str] = field(default_factory=dict)  # marker -> expected source
    bad: set[str] = field(default_factory=set)  # sources that must be rejected
    fifo: bool = False


def _flip(data: bytes, at: int) -> bytes:
    b = bytearray(data)
    b[10 + at % (len(b) - 10)] ^= 0xFF  # past the 10-byte header: CRC or zlib catch it
    return bytes(b)


def _deep(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


KINDS: dict[str, Callable[[st.DrawFn, Case, int], None]] = {}


def kind(name: str):
    def register(fn):
        KINDS[name] = fn
        return fn

    return register


@kind("good_txt")
def _(draw, case, n):
    case.files[f"good{n}.txt"] = good_text(n).encode()
    case.good[f"Zq{n}x"] = f"good{n}.txt"


@kind("good_gz")
def _(draw, case, n):
    case.files[f"good{n}.txt.gz"] = gzip.compress(good_text(n).encode(), mtime=0)
    case.good[f"Zq{n}x"] = f"good{n}.txt.gz"


@kind("good_line")
def _(draw, case, n):
    noise = draw(st.lists(st.sampled_from(CONTROL), max_size=3))
    record = {"id": f"rec{n}", "title": "Title" + "".join(noise), "text": good_text(n)}
    record["outlet"] = "Post" + "".join(noise)
    record["url"] = "https://example.test/" + "".join(noise)
    case.jsonl.append(json.dumps(record).encode())
    case.good[f"Zq{n}x"] = f"rec{n}"


@kind("good_json")
def _(draw, case, n):
    case.files[f"list{n}.json"] = json.dumps([{"id": f"js{n}", "text": good_text(n)}]).encode()
    case.good[f"Zq{n}x"] = f"js{n}"


@kind("deep_line")
def _(draw, case, n):
    case.jsonl.append(_deep(draw(st.sampled_from([limits.MAX_JSON_DEPTH + 1, 5_000, 100_000]))))
    case.bad.add(f"feed.jsonl:{len(case.jsonl)}")


@kind("deep_file")
def _(draw, case, n):
    case.files[f"deep{n}.json"] = _deep(draw(st.integers(limits.MAX_JSON_DEPTH + 1, 50_000)))
    case.bad.add(f"deep{n}.json")


@kind("corrupt_gz")
def _(draw, case, n):
    data = gzip.compress(good_text(n).encode(), mtime=0)
    case.files[f"corrupt{n}.txt.gz"] = _flip(data, draw(st.integers(0, 10_000)))
    case.bad.add(f"corrupt{n}.txt.gz")


@kind("truncated_gz")
def _(draw, case, n):
    data = gzip.compress(good_text(n).encode(), mtime=0)
    case.files[f"cut{n}.txt.gz"] = data[: draw(st.integers(1, len(data) - 1))]
    case.bad.add(f"cut{n}.txt.gz")


@kind("huge_line")
def _(draw, case, n):
    case.jsonl.append(json.dumps({"id": f"huge{n}", "text": "word " * LINE_CAP}).encode())
    case.bad.add(f"feed.jsonl:{len(case.jsonl)}")


@kind("huge_file")
def _(draw, case, n):
    case.files[f"huge{n}.txt"] = ("Flood. " * FILE_CAP).encode()
    case.bad.add(f"huge{n}.txt")


@kind("bad_line")
def _(draw, case, n):
    line = draw(
        st.sampled_from(
            [
                b'{"id": "t", "text": "cut off',
                b"42",
                b'"just a string"',
                b"null",
                b'{"title": "no text"}',
                b'{"text": "   "}',
                b'{"text": 1' + b"9" * 5_000 + b"}",
            ]
        )
    )
    case.jsonl.append(line)
    case.bad.add(f"feed.jsonl:{len(case.jsonl)}")


@kind("binary_file")
def _(draw, case, n):
    # \x01 first: no byte-order mark can start it, and the NUL makes it binary
    case.files[f"bin{n}.txt"] = b"\x01\x00" + draw(st.binary(max_size=200))
    case.bad.add(f"bin{n}.txt")


@kind("random_bytes")
def _(draw, case, n):
    ext = draw(st.sampled_from([".txt", ".html", ".json", ".jsonl", ".txt.gz"]))
    case.files[f"rnd{n}{ext}"] = draw(st.binary(max_size=400))


@kind("random_line")
def _(draw, case, n):
    case.jsonl.append(draw(st.binary(max_size=200)).replace(b"\n", b" "))


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


@kind("random_json")
def _(draw, case, n):
    value = draw(_JSON | st.fixed_dictionaries({"text": st.text(), "id": st.text()}))
    case.jsonl.append(json.dumps(value).encode())


@st.composite
def cases(draw: st.DrawFn, good_min: int = 1, size: int = 10) -> Case:
    case = Case(fifo=draw(st.booleans()))
    names = draw(st.lists(st.sampled_from(sorted(KINDS)), min_size=1, max_size=size))
    goods = ["good_txt", "good_gz", "good_line", "good_json"]
    names += draw(st.lists(st.sampled_from(goods), min_size=good_min, max_size=good_min))
    for n, name in enumerate(draw(st.permutations(names))):
        KINDS[name](draw, case, n)
    return case


def write(case: Case, folder: Path) -> None:
    for name, data in case.files.items():
        (folder / name).write_bytes(data)
    if case.jsonl:
        (folder / "feed.jsonl").write_bytes(b"\n".join(case.jsonl) + b"\n")
    if case.fifo:
        os.mkfifo(folder / "pipe.txt")
        case.bad.add("pipe.txt")
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    case.bad.add("dangling.txt")


def _relative(source: str, folder: Path) -> str:
    prefix = str(folder) + os.sep
    return source[len(prefix) :] if source.startswith(prefix) else source


def _caps():
    return (
        mock.patch.object(limits, "MAX_LINE_BYTES", LINE_CAP),
        mock.patch.object(limits, "MAX_FILE_BYTES", FILE_CAP),
    )


def _check_record(item: RawDocument | Rejected) -> None:
    assert isinstance(item, (RawDocument, Rejected))
    strings = [item.source]
    if isinstance(item, Rejected):
        assert item.source and item.error and "\n" not in item.error
        strings.append(item.error)
    else:
        assert item.text.strip()
        strings += [item.text, item.title or "", item.outlet or "", item.url or ""]
    for s in strings:
        s.encode("utf-8")  # no lone surrogate
        assert "\x00" not in s


@settings(
    max_examples=60,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(case=cases())
def test_reading_stage_keeps_every_good_article_and_rejects_every_bad_one(case: Case):
    line_cap, file_cap = _caps()
    with tempfile.TemporaryDirectory() as tmp, line_cap, file_cap:
        folder = Path(tmp)
        write(case, folder)
        out = list(read_paths([str(folder)]))
    for item in out:
        _check_record(item)
    docs = [x for x in out if isinstance(x, RawDocument)]
    for marker, source in case.good.items():
        found = [_relative(d.source, folder) for d in docs if marker in d.text]
        assert found == [source], f"{marker}: {found}"
    rejected = {_relative(r.source, folder) for r in out if isinstance(r, Rejected)}
    assert case.bad <= rejected, case.bad - rejected


@pytest.mark.slow  # spaCy on every example: 10-15 s in all
@settings(
    max_examples=3,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(case=cases(good_min=2, size=5))
def test_run_processes_every_good_article_and_rejects_every_bad_one(case: Case):
    line_cap, file_cap = _caps()
    with tempfile.TemporaryDirectory() as tmp, line_cap, file_cap:
        folder = Path(tmp) / "in"
        folder.mkdir()
        write(case, folder)
        # Over the article cap (under the file cap): cut, not lost.
        text = "Dam fails at Pell\n\n" + "The dam at Pell failed on Tuesday, Zq99x. " * 150
        assert ARTICLE_CAP < len(text) < FILE_CAP
        (folder / "long.txt").write_text(text)
        case.good["Zq99x"] = "long.txt"
        result = api.run(
            [str(folder)], Path(tmp) / "out", Settings(max_article_chars=ARTICLE_CAP, words=40)
        )
        for path in result.written:
            path.read_text(encoding="utf-8")
    articles = [a for b in result.briefings for a in b.articles]
    stored = {_relative(s, folder) for s, _ in result.report.already_stored}
    for marker, source in case.good.items():
        sources = {_relative(a.source, folder) for a in articles if marker in a.text}
        assert source in sources | stored, f"{marker} ({source}) was not processed"
    assert all(len(a.text) <= ARTICLE_CAP for a in articles)
    for r in result.rejected:
        _check_record(r)
    rejected = {_relative(r.source, folder) for r in result.rejected}
    assert case.bad <= rejected, case.bad - rejected
