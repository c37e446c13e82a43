from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import io
import json
import logging
import os
import threading
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storydesk.ingest import READERS, limits, read_bytes, read_paths
from storydesk.ingest.dates import parse_date
from storydesk.ingest.limits import MAX_JSON_DEPTH
from storydesk.ingest.text import looks_like_headline, split_title
from storydesk.model import RawDocument, Rejected

HTML = b"""<!doctype html><html><head><title>Dam gives way | Valley Post</title>
<meta property="og:title" content="Dam gives way above Port Averly">
<meta property="og:site_name" content="Valley Post">
<meta property="article:published_time" content="2026-03-10T08:00:00Z">
<link rel="canonical" href="https://valley-post.example/dam"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Dam gives way above Port Averly</h1>
<p>The old Kessel dam gave way early on Monday, sending a wall of water into the valley and
forcing thousands of people from their homes, officials said.</p>
<p>Rescue teams worked through the night to reach villages cut off by the flood, the regional
governor told reporters at a briefing in the city hall.</p>
<p>Engineers had warned for years that the structure needed repairs, according to documents
seen by the Valley Post.</p></article><footer>Contact us</footer></body></html>"""


def test_text_reader_takes_headline_as_title():
    [doc] = read_bytes(
        b"Dam gives way\n\nThe dam broke on Monday.\nMore rain fell.", "a.txt", ".txt"
    )
    assert isinstance(doc, RawDocument)
    assert doc.title == "Dam gives way"
    assert "Dam gives way" not in doc.text
    assert doc.text.strip().startswith("The dam broke")


def test_text_reader_keeps_sentence_first_line_as_text():
    first = "The minister said on Monday that the dam had been inspected twice last year."
    [doc] = read_bytes(f"{first}\nMore text here.".encode(), "a.txt", ".txt")
    assert doc.title is None
    assert doc.text.startswith(first)


def test_section_kicker_above_headline_is_dropped():
    title, body = split_title("World\n\nFloods: Dam gives way above the city\n\nWater rose.")
    assert title == "Floods: Dam gives way above the city"
    assert "World" not in body


def test_headline_heuristic():
    assert looks_like_headline("Kerry Still 'Hopeful' For Ceasefire")
    assert not looks_like_headline("the river rose")
    assert not looks_like_headline("The river rose after days of rain across the valley.")


def test_html_reader_extracts_text_and_metadata():
    [doc] = read_bytes(HTML, "page.html", ".html")
    assert isinstance(doc, RawDocument)
    assert "wall of water" in doc.text
    assert "Home" not in doc.text.split()
    assert doc.title == "Dam gives way above Port Averly"
    assert doc.outlet == "Valley Post"
    assert doc.published == dt.date(2026, 3, 10)
    assert doc.url == "https://valley-post.example/dam"


def test_html_without_article_is_rejected():
    page = b"<html><body><nav><a href='/'>Home</a></nav><footer>(c) Post</footer></body></html>"
    [rej] = read_bytes(page, "empty.html", ".html")
    assert rej == Rejected("empty.html", "no article text found in the HTML page")


def test_jsonl_reader_keeps_good_lines_and_rejects_bad_ones():
    lines = [
        json.dumps(
            {"id": "w1", "title": "T", "outlet": "Wire", "published": "2026-03-09", "text": "One."}
        ),
        '{"id": "w2", "text": "trunc',
        json.dumps({"id": "w3", "text": ""}),
        json.dumps({"text": "No id here.", "date": "March 10, 2026"}),
        json.dumps([1, 2]),
    ]
    out = read_bytes("\n".join(lines).encode(), "feed.jsonl", ".jsonl")
    assert [type(x).__name__ for x in out] == [
        "RawDocument",
        "Rejected",
        "Rejected",
        "RawDocument",
        "Rejected",
    ]
    assert out[0].id_hint == "w1" and out[0].outlet == "Wire"
    assert out[0].published == dt.date(2026, 3, 9)
    assert out[1].source == "feed.jsonl:2" and out[1].error.startswith("malformed JSON")
    assert out[2] == Rejected("w3", "missing or empty 'text' field")
    assert out[3].source == "feed.jsonl:4" and out[3].published == dt.date(2026, 3, 10)
    assert out[4].source == "feed.jsonl:5"


def test_json_array_file():
    data = json.dumps([{"id": "x", "text": "Hello there."}, {"text": "Second."}]).encode()
    out = read_bytes(data, "a.json", ".json")
    assert [d.source for d in out] == ["x", "a.json#2"]


def test_bad_bytes_are_rejected_with_reasons():
    assert read_bytes(b"", "e.txt", ".txt") == [Rejected("e.txt", "empty file")]
    assert read_bytes(b"  \n\t", "e.txt", ".txt") == [Rejected("e.txt", "empty file")]
    [rej] = read_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "img.txt", ".txt")
    assert isinstance(rej, Rejected) and "binary" in rej.error
    [rej] = read_bytes(b"x", "a.pdf", ".pdf")
    assert rej.error.startswith("unsupported file type '.pdf'")


def test_legacy_encoding_is_decoded():
    text = "Caf\u00e9 owners in S\u00e3o Paulo said the storm\u2019s damage was severe. " * 3
    [doc] = read_bytes(text.encode("cp1252"), "a.txt", ".txt")
    assert isinstance(doc, RawDocument)
    assert "Café" in doc.text


@pytest.mark.parametrize(
    "text",
    [
        "caf\u00e9 au lait",
        "Se\u00f1or Mu\u00f1oz said",
        "Z\u00fcrich",
        "na\u00efve r\u00e9sum\u00e9 \u2013 d\u00e9j\u00e0 vu",
        "He said: \u201cno\u201d",
    ],
)
def test_short_windows_1252_text_is_not_read_as_another_script(text):
    # Charset detection read these as Korean, Cyrillic or Greek: too few bytes to go on.
    assert read_bytes(text.encode("cp1252"), "a.txt", ".txt")[0].text == text


def test_multibyte_legacy_text_is_still_detected():
    text = "\u6771\u4eac\u3067\u4f1a\u8b70\u304c\u958b\u304b\u308c\u305f\u3002 The meeting."
    assert read_bytes(text.encode("shift_jis"), "a.txt", ".txt")[0].text == text


def test_read_paths_walks_folders_and_reports_missing(tmp_path: Path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Headline here\n\nBody text.")
    (tmp_path / "a.html.gz").write_bytes(gzip.compress(HTML))
    (tmp_path / "notes.md").write_text("ignored in folders")
    (tmp_path / ".hidden.txt").write_text("Hidden\n\nskip me")
    out = list(read_paths([str(tmp_path), str(tmp_path / "missing.txt")]))
    sources = [x.source for x in out]
    assert sources == [
        str(tmp_path / "a.html.gz"),
        str(tmp_path / "sub" / "b.txt"),
        str(tmp_path / "missing.txt"),
    ]
    assert out[-1] == Rejected(str(tmp_path / "missing.txt"), "no such file or directory")


def test_stdin_is_json_lines():
    stream = io.BytesIO(b'{"id": "s1", "text": "From stdin."}\nnot json\n')
    out = list(read_paths(["-"], stdin=stream))
    assert out[0].source == "s1"
    assert out[1] == Rejected("<stdin>:2", out[1].error)


def test_parse_date_forms():
    assert parse_date("2014-07-22") == dt.date(2014, 7, 22)
    assert parse_date("Tue, 22 Jul 2014 10:00:00 GMT") == dt.date(2014, 7, 22)
    assert parse_date("yesterday-ish") is None
    assert parse_date(12) is None


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=600), kind=st.sampled_from(sorted(READERS)))
def test_readers_never_raise_on_arbitrary_bytes(data: bytes, kind: str):
    out = read_bytes(data, "fuzz" + kind, kind)
    assert out, "a reader must return documents or a rejected record"
    for item in out:
        assert isinstance(item, (RawDocument, Rejected))
        if isinstance(item, Rejected):
            assert item.source and item.error and "\n" not in item.error
        else:
            assert item.text.strip()


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=400), kind=st.sampled_from(sorted(READERS)))
def test_readers_never_raise_on_arbitrary_text(text: str, kind: str):
    for encoding in ("utf-8", "utf-16"):
        out = read_bytes(text.encode(encoding, "surrogatepass"), "fuzz" + kind, kind)
        assert all(isinstance(item, (RawDocument, Rejected)) for item in out)


# --- Hardening (issue 13): one bad input never costs the others ----------------------------

GOOD = "Floods close Kell bridge\n\nThe Kell bridge closed on Monday after the river rose, the council said.\n"


def _no_surrogates(*values: str | None) -> bool:
    for v in values:
        if v is not None:
            v.encode("utf-8")  # raises on a lone surrogate
    return True


def test_corrupt_gzip_is_a_rejected_record(tmp_path: Path):
    data = bytearray(gzip.compress(GOOD.encode() * 20, mtime=0))
    data[20] ^= 0xFF  # a flipped bit in the deflate stream: zlib.error, not OSError
    with pytest.raises(zlib.error):
        gzip.decompress(bytes(data))
    (tmp_path / "a.txt.gz").write_bytes(bytes(data))
    (tmp_path / "b.txt.gz").write_bytes(gzip.compress(GOOD.encode() * 20)[:-12])
    (tmp_path / "c.txt").write_text(GOOD)
    out = list(read_paths([str(tmp_path)]))
    assert [type(x).__name__ for x in out] == ["Rejected", "Rejected", "RawDocument"]
    assert out[0].source == str(tmp_path / "a.txt.gz")
    assert out[0].error.startswith("cannot decompress")
    assert out[1].error.startswith("cannot decompress")


def test_corrupt_gzip_of_json_lines_keeps_the_lines_before_the_damage(tmp_path: Path):
    lines = [
        json.dumps({"id": f"g{i}", "text": f"Report {i} on the Kell floods."}) for i in range(200)
    ]
    data = gzip.compress("\n".join(lines).encode())[:-40]
    (tmp_path / "feed.jsonl.gz").write_bytes(data)
    out = list(read_paths([str(tmp_path / "feed.jsonl.gz")]))
    good = [x for x in out if isinstance(x, RawDocument)]
    assert good and [d.source for d in good] == [f"g{i}" for i in range(len(good))]
    assert out[-1].source == str(tmp_path / "feed.jsonl.gz")
    assert out[-1].error.startswith("cannot decompress")


def test_lone_surrogates_and_control_characters_are_cleaned_at_ingest():
    record = {
        "id": "s\ud8001",
        "title": "Bridge\ud800 shut\x00",
        "outlet": "Kell\udfff Post\x07",
        "url": "https://kell.example/\ud800\x01",
        "source": "x",
        "text": "The bridge\ud800 shut\x00 on Monday.\x1b\r\nEngineers\tfound cracks.",
    }
    [doc] = read_bytes(json.dumps(record).encode(), "feed.jsonl", ".jsonl")
    assert isinstance(doc, RawDocument)
    assert _no_surrogates(doc.source, doc.id_hint, doc.title, doc.outlet, doc.url, doc.text)
    assert doc.title == "Bridge\ufffd shut"
    assert doc.outlet == "Kell\ufffd Post"
    assert doc.source == "s\ufffd1"
    assert doc.text == "The bridge\ufffd shut on Monday.\nEngineers\tfound cracks."


def test_undecodable_file_name_is_a_clean_source(tmp_path: Path):
    name = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
    with open(name, "wb") as f:
        f.write(GOOD.encode())
    [doc] = read_paths([str(tmp_path)])
    assert isinstance(doc, RawDocument)
    assert _no_surrogates(doc.source) and doc.source.endswith("caf\ufffd.txt")


def _read_in_thread(paths: list[str], seconds: float = 20) -> list[RawDocument | Rejected]:
    box: list = []
    worker = threading.Thread(target=lambda: box.append(list(read_paths(paths))), daemon=True)
    worker.start()
    worker.join(seconds)
    return box[0] if box else []


def test_fifo_is_rejected_and_never_opened(tmp_path: Path):
    fifo = tmp_path / "feed.jsonl"
    os.mkfifo(fifo)
    (tmp_path / "sub").mkdir()
    os.mkfifo(tmp_path / "sub" / "pipe.txt")
    (tmp_path / "sub" / "good.txt").write_text(GOOD)
    try:
        out = _read_in_thread([str(fifo), str(tmp_path / "sub")])
    finally:
        for f in (fifo, tmp_path / "sub" / "pipe.txt"):  # free a reader blocked on open()
            with contextlib.suppress(OSError):
                os.close(os.open(f, os.O_WRONLY | os.O_NONBLOCK))
    assert out, "reading a FIFO must not block"
    assert out[0] == Rejected(str(fifo), out[0].error)
    assert "not a regular file" in out[0].error
    assert out[1].source == str(tmp_path / "sub" / "good.txt")
    assert out[2] == Rejected(str(tmp_path / "sub" / "pipe.txt"), out[0].error)


def test_one_stray_cp1252_byte_keeps_the_file_utf8(caplog):
    data = "Zürich café\n\nThe café in Zürich reopened on Monday.\n".encode() + b"It\x92s open.\n"
    with caplog.at_level(logging.WARNING):
        [doc] = read_bytes(data, "zurich.txt", ".txt")
    assert doc.title == "Zürich café"
    assert "The café in Zürich reopened" in doc.text
    assert "It’s open." in doc.text
    assert any("zurich.txt" in r.getMessage() and "UTF-8" in r.getMessage() for r in caplog.records)


def test_one_deeply_nested_line_rejects_only_that_line():
    lines = [json.dumps({"id": f"g{i}", "text": f"Report {i} on the floods."}) for i in range(40)]
    lines.insert(5, "[" * 100_000)
    out = read_bytes("\n".join(lines).encode(), "feed.jsonl", ".jsonl")
    assert [d.source for d in out if isinstance(d, RawDocument)] == [f"g{i}" for i in range(40)]
    [rej] = [r for r in out if isinstance(r, Rejected)]
    assert rej.source == "feed.jsonl:6"
    assert f"nested deeper than {MAX_JSON_DEPTH} levels" in rej.error


def test_too_deeply_nested_json_file_is_rejected():
    for depth in (MAX_JSON_DEPTH + 1, 100_000):
        data = ("[" * depth + "]" * depth).encode()
        assert read_bytes(data, "a.json", ".json") == [
            Rejected("a.json", f"JSON nested deeper than {MAX_JSON_DEPTH} levels")
        ]
    shallow = {"id": "x", "text": "Hello there.", "meta": [[[["deep enough"]]]]}
    [doc] = read_bytes(json.dumps(shallow).encode(), "a.json", ".json")
    assert isinstance(doc, RawDocument)


def test_huge_number_in_a_line_rejects_that_line():
    lines = ['{"id": "n", "text": "Bridge shut.", "n": ' + "9" * 5000 + "}", '{"text": "Kept."}']
    out = read_bytes("\n".join(lines).encode(), "feed.jsonl", ".jsonl")
    assert isinstance(out[0], Rejected) and out[0].source == "feed.jsonl:1"
    assert isinstance(out[1], RawDocument)


def test_overlong_line_is_rejected_and_the_rest_read(monkeypatch):
    monkeypatch.setattr(limits, "MAX_LINE_BYTES", 1000)
    lines = [
        json.dumps({"id": "a", "text": "Short report on the bridge."}),
        json.dumps({"id": "b", "text": "Long report. " * 200}),
        json.dumps({"id": "c", "text": "Another short report."}),
    ]
    out = read_bytes("\n".join(lines).encode(), "feed.jsonl", ".jsonl")
    assert [x.source for x in out] == ["a", "feed.jsonl:2", "c"]
    assert "longer than" in out[1].error


def test_overlong_file_is_rejected(monkeypatch, tmp_path: Path):
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 1000)
    (tmp_path / "big.txt").write_text(GOOD * 50)
    (tmp_path / "small.txt").write_text(GOOD)
    out = list(read_paths([str(tmp_path)]))
    assert out[0].source == str(tmp_path / "big.txt") and "larger than" in out[0].error
    assert isinstance(out[1], RawDocument)


class _Lines(io.RawIOBase):
    """A stream that counts what was read from it."""

    def __init__(self, data: bytes) -> None:
        self.data, self.pos = data, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:
        n = min(len(buf), len(self.data) - self.pos, 4096)
        buf[:n] = self.data[self.pos : self.pos + n]
        self.pos += n
        return n


def test_json_lines_are_streamed():
    lines = [json.dumps({"id": f"g{i}", "text": f"Report {i} on the floods."}) for i in range(5000)]
    stream = _Lines("\n".join(lines).encode())
    reader = read_paths(["-"], stdin=io.BufferedReader(stream))
    first = next(reader)
    assert first.source == "g0"
    assert stream.pos < len(stream.data) // 10, "the first record came only after reading it all"
    assert sum(1 for _ in reader) == 4999


def test_pretty_printed_json_on_stdin_is_still_one_document():
    data = json.dumps([{"id": "p1", "text": "One."}, {"id": "p2", "text": "Two."}], indent=2)
    out = list(read_paths(["-"], stdin=io.BytesIO(data.encode())))
    assert [d.source for d in out] == ["p1", "p2"]


def test_folder_walk_reports_broken_links_and_loops(tmp_path: Path):
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "loop-a.txt").symlink_to(tmp_path / "loop-b.txt")
    (tmp_path / "loop-b.txt").symlink_to(tmp_path / "loop-a.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "back").symlink_to(tmp_path)
    (tmp_path / ".hidden-link.txt").symlink_to(tmp_path / "missing.txt")
    out = list(read_paths([str(tmp_path)]))
    by_source = {x.source: x for x in out}
    assert isinstance(by_source[str(tmp_path / "good.txt")], RawDocument)
    assert "dangling" in by_source[str(tmp_path / "dangling.txt")].error
    assert "loop" in by_source[str(tmp_path / "loop-a.txt")].error
    assert "loop" in by_source[str(tmp_path / "loop-b.txt")].error
    assert "loop" in by_source[str(tmp_path / "sub" / "back")].error
    assert len(out) == 5  # the hidden link is skipped, the good file read once


def test_folder_walk_reports_unreadable_folders(tmp_path: Path, monkeypatch):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text(GOOD)
    (tmp_path / "open.txt").write_text(GOOD)
    real = os.scandir

    def scandir(path):
        if os.fspath(path) == str(tmp_path / "locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    out = list(read_paths([str(tmp_path)]))
    assert out[0] == Rejected(str(tmp_path / "locked"), "cannot read folder: Permission denied")
    assert isinstance(out[1], RawDocument)


def test_readme_states_the_input_limits():
    from storydesk.settings import MAX_ARTICLE_CHARS

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    for stated in (
        f"an article over {MAX_ARTICLE_CHARS:,} characters",
        f"a JSON Lines line over {limits.size(limits.MAX_LINE_BYTES)}",
        f"file over {limits.size(limits.MAX_FILE_BYTES)}, a `.json` file over "
        f"{limits.size(limits.MAX_JSON_FILE_BYTES)}",
        f"JSON nested more than {limits.MAX_JSON_DEPTH} levels deep",
    ):
        assert stated in readme


def test_a_page_title_loses_the_site_name_it_carries():
    from storydesk.ingest.text import strip_site_suffix

    assert (
        strip_site_suffix("Ferry fire forces 140 passengers into lifeboats | Tarn Chronicle")
        == "Ferry fire forces 140 passengers into lifeboats"
    )
    assert (
        strip_site_suffix(
            "Ferry fire forces 140 passengers into lifeboats - Tarn Chronicle", "Tarn Chronicle"
        )
        == "Ferry fire forces 140 passengers into lifeboats"
    )
    # A dash that is the headline's own, and a short headline, stay.
    assert strip_site_suffix("Ferry fire on Lake Merrow - all 140 rescued") == (
        "Ferry fire on Lake Merrow - all 140 rescued"
    )
    assert strip_site_suffix("Fire | Tarn Chronicle") == "Fire | Tarn Chronicle"
    assert strip_site_suffix(None) is None
    # a section's name run together ("TarnPolitics"), which the page spells with a space
    text = "Tarn Chronicle\nFollow Tarn Politics\nWhy the ferry board cannot be trusted\n"
    assert (
        strip_site_suffix("Why the ferry board cannot be trusted - TarnPolitics", text=text)
        == "Why the ferry board cannot be trusted"
    )


def test_cleaning_control_characters_keeps_every_other_field():
    """A page whose extracted text held a control character lost ``main_text_only`` at
    ingest, so its article text was cut down again as if it were a whole page's."""
    from storydesk.ingest.sanitize import sanitized

    doc = RawDocument(
        source="a.html",
        text="Dare to Sail 2:\x0cnew charts for the bay.",
        title="Dare to Sail 2",
        main_text_only=True,
        title_from_text=True,
    )
    out = sanitized(doc)
    assert isinstance(out, RawDocument)
    assert out.text == "Dare to Sail 2:\nnew charts for the bay."
    assert out.main_text_only and out.title_from_text
    [page] = read_bytes(HTML.replace(b"sending a wall", b"sending\x0c a wall"), "p.html", ".html")
    assert isinstance(page, RawDocument) and page.main_text_only


def test_a_title_loses_a_dash_suffix_that_names_the_page_site():
    from storydesk.ingest.text import strip_site_suffix

    head = "Ferry fire forces 140 passengers into lifeboats"
    # the page names its site elsewhere (its logo line, its footer)
    page = "Tarn Chronicle\nNews\nThe ferry caught fire at noon.\n© 2026 Tarn Chronicle"
    assert strip_site_suffix(f"{head} - Tarn Chronicle", text=page) == head
    assert strip_site_suffix(f"{head} – Tarn Chronicle", text=page) == head
    # the site's address names it
    url = "https://www.tarnchronicle.example/2026/03/ferry-fire"
    assert strip_site_suffix(f"{head} - Tarn Chronicle", url=url) == head
    # a headline's own dash clause stays, even when the page's text repeats the headline
    clause = "Ferry fire on Lake Merrow - all 140 rescued"
    assert strip_site_suffix(clause, text=f"{clause}\nThe ferry caught fire.", url=url) == clause
    # a name-like tail with nothing to tell it is the site's stays
    assert strip_site_suffix(f"{head} - Captain Ada Merrow") == f"{head} - Captain Ada Merrow"
    # a host name is a site's, whatever the page says
    assert strip_site_suffix(f"{head} - TarnChronicle.com") == head
    assert strip_site_suffix(f"{head} - tarn.example.co.uk") == head


@pytest.mark.parametrize(
    "tail", ["Tarn Chronicle", "Merrow Express-News", "KTRN News", "The Tarn Guardian"]
)
def test_a_dash_suffix_that_is_a_newsrooms_name_goes(tail):
    from storydesk.ingest.text import strip_site_suffix

    head = "Ferry fire forces 140 passengers into lifeboats"
    assert strip_site_suffix(f"{head} - {tail}") == head


@pytest.mark.parametrize(
    "title",
    [
        "Ferry fire on Lake Merrow - all 140 rescued, says the coast guard",
        "Ferry fire forces 140 passengers into lifeboats - Captain Ada Merrow",
        "Ferry fire forces 140 passengers into lifeboats - News",
    ],
)
def test_a_dash_clause_that_names_no_newsroom_stays(title):
    from storydesk.ingest.text import strip_site_suffix

    assert strip_site_suffix(title) == title


def test_a_dash_suffix_that_recurs_across_an_outlets_pages_is_its_name(tmp_path):
    from storydesk.pipeline import load

    (tmp_path / "a.txt").write_text(
        "Ferry fire forces 140 passengers into lifeboats - Tarn Chronicle\n\n"
        "The ferry caught fire at noon on Tuesday, and all 140 passengers were rescued.\n"
    )
    (tmp_path / "b.txt").write_text(
        "Harbour strike talks collapse for a third time - Tarn Chronicle\n\n"
        "Talks between the dock workers and the port broke up on Wednesday without a deal.\n"
    )
    (tmp_path / "c.txt").write_text(
        "Kessen dam holds after a night of rain - for now at least\n\n"
        "Engineers said on Thursday that the dam had held, but more rain was forecast.\n"
    )
    titles = sorted(a.title or "" for a in load([str(tmp_path)]).articles)
    assert titles == [
        "Ferry fire forces 140 passengers into lifeboats",
        "Harbour strike talks collapse for a third time",
        "Kessen dam holds after a night of rain - for now at least",
    ]


def test_an_outlets_initials_after_a_dash_go_when_the_page_names_itself_by_them():
    from storydesk.ingest.text import strip_site_suffix

    head = "Ferry fire forces 140 passengers into lifeboats"
    page = "News\nFollow TCN Business\nBy Ada Moss, TCN\nThe ferry caught fire at noon."
    assert strip_site_suffix(f"{head} - TCN", text=page) == head
    # initials the page never writes as a word of their own stay, as does a clause
    assert strip_site_suffix(f"{head} - TCN", text="News\nTCNVR\nThe ferry burned.") == (
        f"{head} - TCN"
    )
    assert strip_site_suffix(f"{head} - UN", text=page) == f"{head} - UN"
    said = f"{page}\nThe UN said on Tuesday that the ferry had been inspected in May."
    assert strip_site_suffix(f"{head} - UN", text=said) == f"{head} - UN"


def test_a_sites_sections_go_with_its_name():
    from storydesk.ingest.text import strip_site_suffix

    head = "Ferry fire forces 140 passengers into lifeboats"
    assert strip_site_suffix(f"{head} | World | News") == head
    assert strip_site_suffix(f"{head} | Tarn News | Tarn Chronicle") == head
    # a long segment is no section: it stays
    assert strip_site_suffix(f"{head} | all 140 were rescued | News") == (
        f"{head} | all 140 were rescued"
    )
