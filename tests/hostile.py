"""A briefing with script payloads in every article-derived field, for the renderer tests.

Every payload sits in a field a renderer writes: story title and id, article id, source,
title, outlet, url, text (inside sentences the summary and the timeline cite), quotes, their
cues and speakers, entity names, roles and aliases, figures and rejected inputs. The
sentences are fictional.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from storydesk.model import (
    Article,
    Briefing,
    Citation,
    Entity,
    Fact,
    FactGroup,
    Quote,
    Referent,
    Rejected,
    Span,
    Speaker,
    Story,
    SummarySentence,
    Timeline,
    TimelineEvent,
)

IMG = '"><img src=x onerror=alert(1)>'
SCRIPT = "<script>alert(2)</script>"
SVG = "<svg onload=alert(3)>"
MD_LINK = "[click](javascript:alert(4))"
MD_IMAGE = "![pixel](https://tracker.example/pixel.png)"
TICKS = "`<img src=x onerror=alert(5)>` ``"
AUTOLINK = "<javascript:alert(6)>"
ENTITY = "&lt;img src=x onerror=alert(7)&gt;"
CONTROLS = "\x00\x01\x07\x0b\x1b\x7f"
# Everything at once, as one run of text.
EVIL = " ".join([IMG, SCRIPT, SVG, MD_LINK, MD_IMAGE, TICKS, AUTOLINK, ENTITY, CONTROLS])
LONG_WORD = "W" * 100_000

# URLs a browser runs as script (or loads as a document), however they are spelled.
SCRIPT_URLS = (
    "javascript:alert(11)",
    "JaVaScRiPt:alert(12)",
    " javascript:alert(13)",
    "\x01\x02\x1f javascript:alert(14)",
    "java\tscript:alert(15)",
    "java\nscript:alert(16)",
    "\tjava\rscript\n:alert(17)",
    "javascript://%0aalert(18)",
    "vbscript:msgbox(19)",
    "data:text/html,<script>alert(20)</script>",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgyMSk8L3NjcmlwdD4=",
    "jav&#x09;ascript:alert(22)",
)
# A link that may stay a link: the payload is in its query string.
SAFE_URL = "https://post.example/a?q=" + IMG.replace(" ", "+")
SAFE_URL_PREFIX = "https://post.example/a?q="

ARTICLE_IDS = (
    f"a0{IMG}",
    "a1`<img src=x onerror=alert(8)>`",
    "a2 with\tspace\x00",
    "a3%41%zz",
    f"a4{SCRIPT}",
    "a5#frag'quote",
)
STORY_ID = 'javascript:alert(31)"><img src=x onerror=alert(32)>'


def _sentence(n: int) -> str:
    return f"Water rose {n} {EVIL} on Monday."


def _article(n: int, url: str | None, text: str) -> Article:
    return Article(
        id=ARTICLE_IDS[n % len(ARTICLE_IDS)] + (str(n) if n >= len(ARTICLE_IDS) else ""),
        source=f"feed{SCRIPT}`{n}`{IMG}.jsonl:{n + 1}",
        text=text,
        title=f"Title {n} {EVIL}",
        outlet=f"Outlet {n} {IMG}",
        url=url,
        published=dt.date(2031, 4, 12) + dt.timedelta(days=n % 3),
    )


def hostile_briefing(long_word: bool = True) -> Briefing:
    """One story whose every rendered field carries :data:`EVIL`; one article per URL of
    :data:`SCRIPT_URLS` and one with :data:`SAFE_URL`. With ``long_word``, a 100,000-letter
    word sits in a cited sentence, a title, a source and a figure."""
    urls = [*SCRIPT_URLS, SAFE_URL]
    articles = []
    for n, url in enumerate(urls):
        first = _sentence(n)
        if long_word and n == 0:
            first = f"Water rose {LONG_WORD} {EVIL} on Monday."
        speech = f"“{EVIL} we will reopen,” said {IMG} the harbour master."
        text = f"{first} She [{SCRIPT}] left.\n\n{speech}\n\nAbout 140 {IMG} were rescued."
        a = _article(n, url, text)
        if long_word and n == 1:
            a = replace(a, title=f"{a.title} {LONG_WORD}")
        if long_word and n == 2:
            a = replace(a, source=f"{a.source}{LONG_WORD}")
        articles.append(a)

    summary = []
    for a in articles[:4]:
        end = a.text.index("\n\n")
        cited = a.text[:end]
        # leave out " She [...]" and name "she" in brackets: both carry payloads
        cut = cited.index(" She [")
        left = Span(a.id, cut, end - len(" left."))
        summary.append(
            SummarySentence(
                text=cited[:cut] + cited[left.end :],
                citations=(Citation(a.id, 0, end),),
                omitted=(left,),
            )
        )
    # a sentence cited by two articles, the second citation into another paragraph
    b, c = articles[4], articles[5]
    b_end = b.text.index("\n\n")
    c_start = c.text.rindex("About 140")
    summary.append(
        SummarySentence(
            text=b.text[:b_end],
            citations=(Citation(b.id, 0, b_end), Citation(c.id, c_start, len(c.text))),
        )
    )
    she = articles[6].text.index("She [")
    summary.append(
        SummarySentence(
            text=articles[6].text[: articles[6].text.index("\n\n")],
            citations=(Citation(articles[6].id, 0, articles[6].text.index("\n\n")),),
            referents=(Referent(Span(articles[6].id, she, she + 3), f"Ilse {IMG}", 0),),
        )
    )

    quotes = []
    for a in articles[:3]:
        q_start = a.text.index("“")
        q_end = a.text.index("”") + 1
        who = a.text.index(IMG, q_end)
        quotes.append(
            (
                a.id,
                Quote(
                    text=a.text[q_start:q_end],
                    span=Span(a.id, q_start, q_end),
                    direct=True,
                    speaker=Speaker(IMG, Span(a.id, who, who + len(IMG))),
                    speaker_name=f"Speaker {SCRIPT}" if a is articles[1] else None,
                    cue=f"said {SVG}",
                ),
            )
        )
    entity = Entity(
        id="e1",
        name=f"Ilse {IMG}",
        type="person",
        roles=(f"harbour master {SCRIPT}",),
        aliases=(MD_LINK, TICKS),
        mentions=(Citation(articles[0].id, 0, 5),),
    )
    facts = []
    for n, a in enumerate(articles[:3]):
        start = a.text.rindex("About 140")
        end = start + len("About 140 ") + len(IMG)
        shown = a.text[start:end] + (f" {LONG_WORD}" if long_word and n == 2 else "")
        facts.append(
            Fact(
                span=Span(a.id, start, end),
                text=shown,
                value=140.0 + n,
                unit="",
                what=f"passengers rescued {IMG} $\\alert$ $x$",
                qualifier=None,
                as_of=a.published,
            )
        )
    group = FactGroup(f"passengers rescued {IMG} $\\alert$ $x$", (0, 1, 2), f"update{SCRIPT}")
    events = tuple(
        TimelineEvent(
            date=a.published or dt.date(2031, 4, 12),
            granularity="day" if n else f"week{SCRIPT}",
            text=a.text[: a.text.index("\n\n")],
            citations=(Citation(a.id, 0, a.text.index("\n\n")),),
        )
        for n, a in enumerate(articles[7:10])
    )
    return Briefing(
        story=Story(
            id=STORY_ID,
            title=f"Story {EVIL}",
            article_ids=tuple(a.id for a in articles),
        ),
        articles=tuple(articles),
        summary=tuple(summary),
        rejected=(Rejected(f"bad{TICKS}{IMG}.html", f"no article text: {EVIL}"),),
        duplicates=((articles[-1].id, articles[-2].id),),
        facts=tuple(facts),
        fact_groups=(group,),
        timeline=Timeline(events=events),
        quotes=tuple(quotes),
        entities=(entity,),
        speakers=("e1", None, None),
    )
