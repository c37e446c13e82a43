"""No article-derived text becomes markup, script or a request: the URL-safety helper, the
HTML and the Markdown briefing (rendered with markdown-it-py) of a briefing that carries
script payloads in every field (see ``hostile.py``; the browser test is in
``test_browser.py``)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from hostile import EVIL, IMG, SAFE_URL, SAFE_URL_PREFIX, SCRIPT_URLS, hostile_briefing
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import escape

from storydesk.render import render_html, render_index, render_markdown
from storydesk.render.common import link_url, printable
from storydesk.render.html import anchor

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")


@pytest.mark.parametrize("url", SCRIPT_URLS)
def test_script_urls_are_not_links(url: str):
    assert link_url(url) is None


@pytest.mark.parametrize(
    ("url", "link"),
    [
        ("https://news.example/a", "https://news.example/a"),
        ("HTTP://news.example/a?b=c#d", "http://news.example/a?b=c#d"),
        (" \x00https://news.example/a\n", "https://news.example/a"),
        ("ht\ttps://news.exa\nmple/", "https://news.example/"),
        (SAFE_URL, SAFE_URL),
    ],
)
def test_http_urls_are_links_as_a_browser_reads_them(url: str, link: str):
    assert link_url(url) == link


@pytest.mark.parametrize(
    "url",
    [
        None,
        "",
        "mailto:desk@news.example",
        "file:///etc/passwd",
        "ftp://news.example/a",
        "//news.example/a",
        "/relative/path",
        "news.example/a",
        "https:",
        "https://",
        "https:///path-only",
        "https://[::1",
        "https://news.example/\x00a",
        "https://news.example/\x7f",
        "httpѕ://news.example/",  # a Cyrillic "ѕ"
        "\ud800https://news.example/",
    ],
)
def test_other_urls_are_not_links(url: str | None):
    assert link_url(url) is None


_JUNK = st.text(alphabet="\t\n\r", max_size=2)


def _spelled(word: str) -> st.SearchStrategy[str]:
    """``word`` in any letter case, with tabs and newlines between its letters and C0
    controls and spaces before it: all of which a browser ignores in a URL's scheme."""
    letters = st.tuples(*(st.sampled_from([c.lower(), c.upper()]) for c in word))
    junk = st.lists(_JUNK, min_size=len(word), max_size=len(word))
    lead = st.text(alphabet=[chr(c) for c in range(0x21)], max_size=4)
    return st.builds(
        lambda lead, ls, js: lead + "".join(j + c for c, j in zip(ls, js, strict=True)),
        lead,
        letters,
        junk,
    )


@given(
    scheme=st.sampled_from(["javascript", "vbscript", "data", "file", "livescript"]).flatmap(
        _spelled
    ),
    colon_junk=_JUNK,
    rest=st.text(max_size=30),
)
def test_no_spelling_of_another_scheme_is_a_link(scheme: str, colon_junk: str, rest: str):
    assert link_url(scheme + colon_junk + ":" + rest) is None


@given(scheme=st.sampled_from(["http", "https"]).flatmap(_spelled), junk=_JUNK)
def test_every_spelling_of_http_is_a_link_in_lower_case(scheme: str, junk: str):
    url = scheme + junk + "://news.example/a"
    clean = "".join(c for c in scheme if c.isalpha()).lower()
    assert link_url(url) == f"{clean}://news.example/a"


@given(st.text())
def test_a_link_is_always_http_and_printable(url: str):
    link = link_url(url)
    if link is not None:
        assert link.startswith(("http://", "https://"))
        assert link == printable(link) and not set(link) & {"\t", "\n", "\r"}


def test_printable_drops_control_characters_one_for_one_at_most():
    assert printable("a\x00b\x07c\td\ne\rf\x0bg\x0ch\x7fi\ud800") == "abc\td\ne f g hi\ufffd"


class _Page(HTMLParser):
    """The tags, attributes and text of a page, and the text of each ``<h1>``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.h1: list[str] = []
        self._in_h1 = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_h1 = self._in_h1 or tag == "h1"
        if tag == "h1":
            self.h1.append("")

    def handle_endtag(self, tag):
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data):
        self.text.append(data)
        if self._in_h1:
            self.h1[-1] += data


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


def _assert_no_live_markup(page: _Page, allowed_tags: set[str]) -> None:
    found = {tag for tag, _ in page.tags}
    assert found <= allowed_tags, f"article text became markup: {found - allowed_tags}"
    for _, attrs in page.tags:
        assert not [k for k in attrs if k.startswith("on") or k in {"src", "srcdoc", "action"}]


def _links(page: _Page) -> list[str]:
    """The page's links other than those to its own elements."""
    hrefs = [a.get("href") or "" for t, a in page.tags if t == "a"]
    return [h for h in hrefs if not h.startswith("#")]


BRIEFING_TAGS = {
    "html", "head", "meta", "title", "style", "body", "main", "header", "div", "h1", "h2",
    "h3", "p", "section", "ol", "ul", "li", "a", "span", "strong", "table", "thead", "tbody",
    "tr", "th", "td", "time", "article", "mark", "br",
}  # fmt: skip
SVG_DANGER = {"script", "image", "img", "foreignobject", "iframe", "a", "animate", "set"}
CSP = "default-src 'none'"


def _csp(page: _Page) -> str:
    [content] = [
        a["content"] or ""
        for t, a in page.tags
        if t == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy"
    ]
    return content


def test_html_briefing_has_no_live_markup_no_script_link_and_a_csp():
    b = hostile_briefing(long_word=False)
    html = render_html(b)
    # the charts are matplotlib's SVG: take them out, and check the rest tag by tag
    charts = re.findall(r'<div class="chart">(.*?)</div>', html, flags=re.S)
    assert charts, "the hostile figure has dated values, so it has a chart"
    for svg in charts:
        chart = _parse(svg)
        _assert_no_live_markup(chart, {t for t, _ in chart.tags} - SVG_DANGER)
        html = html.replace(svg, "")
    page = _parse(html)
    _assert_no_live_markup(page, BRIEFING_TAGS)
    assert _links(page) == [SAFE_URL]
    assert CSP in _csp(page) and "script-src" not in _csp(page)
    # every script URL is still shown, as text
    text = "".join(page.text)
    for url in SCRIPT_URLS:
        assert printable(url).strip() in text
    assert page.h1 == [printable(f"Story {EVIL}")]


def test_cited_text_with_payloads_is_escaped_inside_its_mark():
    b = hostile_briefing(long_word=False)
    html = render_html(b)
    texts = {a.id: a.text for a in b.articles}
    for s in b.summary:
        for c in s.citations:
            cited = texts[c.article_id][c.start : c.end]
            assert IMG in cited
            element_id = escape(printable(anchor(c.article_id, c.start, c.end)))
            assert f'<mark class="cite" id="{element_id}">{escape(printable(cited))}</mark>' in html


def test_index_has_no_live_markup_and_a_csp():
    b = hostile_briefing(long_word=False)
    page = _parse(render_index([b], b.rejected))
    _assert_no_live_markup(page, BRIEFING_TAGS)
    [link] = _links(page)
    assert link.endswith("/briefing.html") and ":" not in link  # relative, no scheme
    assert CSP in _csp(page)


def test_outputs_hold_no_control_characters():
    b = hostile_briefing(long_word=False)
    for out in (render_html(b), render_markdown(b), render_index([b], b.rejected)):
        assert not CONTROL.findall(out)


def test_markdown_briefing_renders_no_live_html():
    from markdown_it import MarkdownIt

    b = hostile_briefing(long_word=False)
    md = render_markdown(b)
    # CommonMark lets raw HTML through (html=True): only escaping keeps it text
    html = MarkdownIt("commonmark").enable("table").render(md)
    page = _parse(html)
    _assert_no_live_markup(
        page,
        {"h1", "h2", "p", "ul", "ol", "li", "em", "strong", "code", "a", "table", "thead",
         "tbody", "tr", "th", "td"},
    )  # fmt: skip
    [link] = _links(page)
    assert link.startswith(SAFE_URL_PREFIX)
    # escaped, not lost: the rendered text is the article's own
    assert page.h1 == [printable(f"Story {EVIL}").strip()]
    text = "".join(page.text)
    for piece in ("<script>alert(2)</script>", "[click](javascript:alert(4))", "&lt;img"):
        assert piece in text
    for a in b.articles:
        assert printable(a.source) in text
