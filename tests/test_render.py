from __future__ import annotations

import datetime as dt
import json
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storydesk.model import Article, Briefing, Citation, Rejected, Story, SummarySentence
from storydesk.render import render_html, render_index, render_json, render_markdown
from storydesk.render.html import anchor, article_html
from storydesk.render.jsonout import dumps

EVIL = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'


def _briefing() -> Briefing:
    text = f"Water rose on Monday. {EVIL} was posted.\n\nThe governor spoke."
    a = Article(
        id="a1",
        source="a.txt",
        text=text,
        title=f"Title {EVIL}",
        outlet="Post <b>",
        url="https://post.example/x",
        published=dt.date(2026, 3, 9),
    )
    b = Article(id="b2", source="b.txt", text="The governor spoke on Monday.")
    s1 = SummarySentence(text="Water rose on Monday.", citations=(Citation("a1", 0, 21),))
    gov = text.index("The governor")
    s2 = SummarySentence(
        text="The governor spoke.", citations=(Citation("a1", gov, gov + 19), Citation("b2", 0, 29))
    )
    return Briefing(
        story=Story(id="s-1", title=f"Story {EVIL}", article_ids=("a1", "b2")),
        articles=(a, b),
        summary=(s1, s2),
        rejected=(Rejected("bad<x>.html", "no article text found in the HTML page"),),
    )


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def test_html_escapes_article_text_and_is_self_contained():
    html = render_html(_briefing())
    assert "&lt;script&gt;" in html
    tags = _tags(html)
    names = {t for t, _ in tags}
    # article text became no markup, and nothing is loaded from anywhere
    assert not names & {"script", "img", "b", "link", "iframe", "object", "embed", "video"}
    assert not any("src" in attrs or any(k.startswith("on") for k in attrs) for _, attrs in tags)
    assert "@import" not in html and "url(" not in html


def test_every_citation_links_to_a_marked_sentence():
    b = _briefing()
    html = render_html(b)
    for s in b.summary:
        for c in s.citations:
            target = anchor(c.article_id, c.start, c.end)
            assert f'href="#{target}"' in html
            assert f'id="{target}"' in html
    assert '<mark class="cite" id="c-a1-0-21">Water rose on Monday.</mark>' in html


def test_article_html_splits_marks_at_paragraphs():
    a = Article(id="a", source="a", text="One two.\n\nThree four.")
    out = str(article_html(a, [(0, 22)]))
    assert out.count("<p>") == 2
    assert out.count('id="c-a-0-22"') == 1 and out.count("<mark") == 2


def test_json_contract():
    data = json.loads(render_json(_briefing()))
    assert data["schema"] == "storydesk.briefing/1"
    assert set(data["story"]) >= {"id", "title"}
    for a in data["articles"]:
        assert set(a) >= {"id", "source", "title", "outlet", "published", "text"}
    assert data["articles"][0]["published"] == "2026-03-09"
    texts = {a["id"]: a["text"] for a in data["articles"]}
    for s in data["summary"]:
        for c in s["citations"]:
            assert set(c) == {"article_id", "start", "end"}
        first = s["citations"][0]
        assert texts[first["article_id"]][first["start"] : first["end"]] == s["text"]


def test_markdown_lists_summary_sources_and_rejections():
    md = render_markdown(_briefing())
    assert "- Water rose on Monday. [1]" in md
    assert "- The governor spoke. [1][2]" in md
    assert "\\<script\\>" in md
    assert "## Rejected inputs" in md and "`bad<x>.html`" in md


def test_index_lists_stories():
    html = render_index([_briefing()], [Rejected("x.txt", "empty file")])
    assert 'href="s-1/briefing.html"' in html and "empty file" in html
    assert "<script>" not in html


def test_a_trimmed_summary_sentence_shows_where_its_source_said_more():
    from storydesk.model import Span

    text = "Marta Ruiz, the port's director, said the harbour would reopen on Friday."
    a = Article(id="a1", source="a.txt", text=text)
    cut = text.index(", the port's")
    left = Span("a1", cut, cut + len(", the port's director,"))
    s = SummarySentence(
        text="Marta Ruiz said the harbour would reopen on Friday.",
        citations=(Citation("a1", 0, len(text)),),
        omitted=(left,),
    )
    b = Briefing(
        story=Story(id="s-1", title="Harbour", article_ids=("a1",)), articles=(a,), summary=(s,)
    )
    md = render_markdown(b)
    assert "- Marta Ruiz \\[…\\] said the harbour would reopen on Friday. [1]" in md
    html = render_html(b)
    assert 'title="Left out: the port&#39;s director"' in html
    assert 'Marta Ruiz<span class="elided"' in html
    [sentence] = json.loads(render_json(b))["summary"]
    assert sentence["text"] == s.text
    assert sentence["omitted"] == [{"article_id": "a1", "start": cut, "end": left.end}]
    assert text[: left.start] + text[left.end :] == sentence["text"]


def test_a_pronoun_is_followed_by_its_person_in_brackets():
    from storydesk.model import Referent, Span

    text = "On Monday, she ordered the spillway opened, the ministry said, and she left."
    a = Article(id="a1", source="a.txt", text=text)
    she, second = text.index("she"), text.rindex("she")
    cut = text.index(", the ministry")
    left = Span("a1", cut, cut + len(", the ministry said"))
    s = SummarySentence(
        text=text[:cut] + text[left.end :],
        citations=(Citation("a1", 0, len(text)),),
        omitted=(left,),
        referents=(
            Referent(Span("a1", she, she + 3), "Ilse Brandt", 0),
            Referent(Span("a1", second, second + 3), "Ilse Brandt", 0),
        ),
    )
    b = Briefing(
        story=Story(id="s-1", title="Dam", article_ids=("a1",)), articles=(a,), summary=(s,)
    )
    md = render_markdown(b)
    assert (
        "- On Monday, she \\[Ilse Brandt\\] ordered the spillway opened \\[…\\], "
        "and she \\[Ilse Brandt\\] left. [1]"
    ) in md
    assert "she [Ilse Brandt] ordered" in render_html(b)
    [sentence] = json.loads(render_json(b))["summary"]
    assert sentence["text"] == s.text  # the JSON keeps the source's words only
    assert sentence["referents"] == [
        {"article_id": "a1", "start": she, "end": she + 3, "name": "Ilse Brandt"},
        {"article_id": "a1", "start": second, "end": second + 3, "name": "Ilse Brandt"},
    ]


_LEAF = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()  # NaN and the infinities too
    | st.text(st.characters(codec=None))  # controls, quote marks, lone surrogates
)
_KEY = st.text() | st.integers() | st.floats() | st.booleans() | st.none()
_JSONISH = st.recursive(
    _LEAF,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.lists(inner, max_size=3).map(tuple)
        | st.dictionaries(_KEY, inner, max_size=4)
    ),
    max_leaves=25,
)


@settings(max_examples=1500, deadline=None)
@given(_JSONISH)
def test_briefing_json_is_written_as_json_dumps_writes_it(value):
    assert dumps(value) == json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def test_what_json_refuses_is_refused_the_same_way():
    loop: list[object] = []
    loop.append(loop)
    for value in ({"a": {1, 2}}, [dt.date(2026, 3, 1)], {(1, 2): "x"}, loop):
        with pytest.raises((TypeError, ValueError)) as ours:
            dumps(value)
        with pytest.raises((TypeError, ValueError)) as theirs:
            json.dumps(value, ensure_ascii=False, indent=2)
        assert (type(ours.value), str(ours.value)) == (type(theirs.value), str(theirs.value))
