from __future__ import annotations

import datetime as dt
import gzip
import io
import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from storydesk.ingest import READERS, read_bytes, read_paths
from storydesk.ingest.dates import parse_date
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
