"""What a briefing's reader needs of its summary, beyond what the summariser scores.

These rules act on briefings only (:func:`storydesk.pipeline.brief`), never in
``storydesk eval summarize``: they read the story's quotes (annotations) and the page's own
shapes (captions, bylines, fragments of a page's markup), which the evaluation sets do not
carry, and they keep the summariser's choices on those sets as they were.

* :func:`unfit_sentences`: sentences a briefing never cites as a summary sentence: one that
  only repeats a quote listed in "Who said what" (or is a quotation whole, its speaker
  unnamed), a photo caption or credit, a byline, a fragment of the page's markup (a closing
  bracket or quote mark with no opening one), a list's items (no word of four letters in
  lower case), a list run together with bullets, what the
  page tells its reader to do ("Please click ..."), a repeat of an earlier sentence word
  for word.
* :func:`news_leads`: the summary opens with what happened, not with a column's hook: when
  an article's lead reports nothing (no verb in the past, the perfect or the future) and
  one of its next few sentences does, that one is its lead, and a chosen lead opens the
  summary.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence

from ..model import AnalyzedArticle, Quote
from .base import stands_alone

_WORD = re.compile(r"\w+")


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_OPENING_QUOTES = "\"“‘'«"
_CLOSING_QUOTES = "\"”’'»"

# A caption's marks: "(pictured)", "(left)", "(top right)", "(red)" after a noun, or a
# picture credit at the start ("AFP/Getty Images BP hopes ...": a caption's credit run into
# the text when the page lost its line breaks).
_CAPTION_MARK = re.compile(
    r"\((?:(?:top|bottom|far|centre|center|second|third|front|back)\s+)?(?:pictured|left|right|"
    r"centre|center|above|below|inset|file(?: photo)?|red|blue|green|yellow|orange|purple|"
    r"white|black)\)",
    re.IGNORECASE,
)
_CREDIT_START = re.compile(
    r"^(?:AFP|AP|EPA|Reuters|Getty Images|PA|Xinhua|Shutterstock|Alamy)"
    r"\s*(?:\\?/\s*[A-Z][\w ]{0,30}?)?\s+(?=[A-Z])"
)
# A byline run into the sentence: "By Jane Doe BBC Correspondent The talks ...".
_BYLINE_START = re.compile(r"^By\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}\s+[A-Z]")
# What a page tells its reader to do, not news: "Please click the button below",
# "Click here to ...", "Pro tip: Get more ideas here!", "Sign up for ...".
_INSTRUCTION = re.compile(
    r"^(?:(?:please\s+)?(?:click|tap|enable|install|update your|log in|sign (?:up|in)|"
    r"subscribe|refresh|upgrade)\b|follow us\b|pro tip:)",
    re.IGNORECASE,
)
# Items of a menu or a list run together with bullets: "Coverage * Weekly Video * More".
_BULLETS = re.compile(r"\s[*•|]\s.*\s[*•|]\s")
_PAIRS = {")": "(", "]": "[", ">": "<", "”": "“", "»": "«"}
_PAIR_MARKS = frozenset(_PAIRS) | frozenset(_PAIRS.values())


def words_of(text: str) -> tuple[str, ...]:
    """Lower-cased words, for comparing a sentence with a quote.

    >>> words_of("“So I think that’s working.”")
    ('so', 'i', 'think', 'that', 's', 'working')
    """
    return tuple(w.lower() for w in _WORD.findall(text))


def _spaced(words: tuple[str, ...]) -> str:
    """``words`` between spaces: for words of :func:`words_of` (which hold no whitespace),
    ``_spaced(part) in _spaced(whole)`` says that ``part`` is a run of ``whole``'s words.

    >>> _spaced(("we", "will", "rebuild"))
    ' we will rebuild '
    """
    return f" {' '.join(words)} "


def is_whole_quotation(text: str) -> bool:
    """The sentence is one quotation and nothing else: no one is named as its speaker.

    >>> is_whole_quotation("“We will rebuild the bridge.”")
    True
    >>> is_whole_quotation('"We will rebuild," the mayor said.')
    False
    """
    t = text.strip()
    if len(t) < 3 or t[0] not in _OPENING_QUOTES:
        return False
    body = t.rstrip(".!? ")
    if body[-1:] not in _CLOSING_QUOTES:
        body = t.rstrip()
        if body[-1:] not in _CLOSING_QUOTES:
            return False
    inner = body[1:-1]
    # A second quotation inside ('"A," he said. "B."') has a speaker between the two.
    return not any(ch in _CLOSING_QUOTES.replace("'", "").replace("’", "") for ch in inner)


def is_fragment(text: str) -> bool:
    """A piece of a page's markup or a cut sentence: a closing bracket, angle bracket or
    quote mark with no opening one before it, or a bracket opened and never closed.

    >>> is_fragment("Tale of the River> opened the festival on Friday.")
    True
    >>> is_fragment("The festival (its tenth) opened on Friday.")
    False
    """
    if _PAIR_MARKS.isdisjoint(text):  # no bracket or quote mark of either kind
        return False
    depth: dict[str, int] = {}
    for ch in text:
        if ch in _PAIRS.values():
            depth[ch] = depth.get(ch, 0) + 1
        elif ch in _PAIRS:
            opener = _PAIRS[ch]
            if depth.get(opener, 0) == 0:
                return True
            depth[opener] -= 1
    # a bracket never closed: the sentence was cut inside it ("Zoodles [1 cup noodles, 1 tsp.")
    return depth.get("(", 0) > 0 or depth.get("[", 0) > 0


def is_list_line(text: str) -> bool:
    """A list's items or a heading run into a sentence: no word of four letters or more in
    lower case ("1 Green, 1 Red, 1 Yellow, 1 tsp.", "Slow Cooker Beef Chili, 1 Tbsp.").

    >>> is_list_line("Portion Fix Containers: 1 Purple, 1 Red, 1 tsp.")
    True
    >>> is_list_line("Thad Vell disagreed.")
    False
    >>> is_list_line("Полина рассказала, почему старение ее ужасает."), is_list_line("서울 공연")
    (False, False)
    """
    cased = [w for w in _WORD.findall(text) if w.isalpha() and w.lower() != w.upper()]
    # a script without case (Korean, Chinese) tells nothing here
    return bool(cased) and not any(w.islower() and len(w) >= 4 for w in cased)


def is_caption_or_byline(text: str) -> bool:
    """A photo caption ("(pictured)", "(left)", "(red)"), a picture credit or a byline at
    its start, a list run together with bullets, or what the page tells its reader to do
    ("Please click the button below to install it.").

    >>> is_caption_or_byline("The new bridge (pictured) opened on Friday.")
    True
    >>> is_caption_or_byline("By Jane Doe Harbour Correspondent The talks failed on Monday.")
    True
    >>> is_caption_or_byline("The new bridge opened on Friday.")
    False
    """
    t = text.strip()
    return bool(
        _CAPTION_MARK.search(t)
        or _CREDIT_START.match(t)
        or _BYLINE_START.match(t)
        or _BULLETS.search(t)
        or _INSTRUCTION.match(t)
    )


def unfit_sentences(
    articles: Sequence[AnalyzedArticle], quotes: Iterable[tuple[str, Quote]] = ()
) -> set[tuple[int, int]]:
    """``(article, sentence index)`` of the sentences a briefing's summary leaves out (see
    the module's docstring). ``quotes``: ``(article id, quote)`` of the story, as "Who said
    what" lists them."""
    # Each listed quote's words as " w1 w2 ... wn ", one quote a line: a sentence's words
    # are a run of one quote's exactly when " a b c " occurs in that text (a word holds
    # neither a space nor a line break), found by one substring search.
    listed = "\n".join(_spaced(words_of(q.text)) for _, q in quotes if q.direct or q.speaker_name)
    seen: set[tuple[str, ...]] = set()
    out: set[tuple[int, int]] = set()
    for d, a in enumerate(articles):
        for s in a.sentences:
            text = a.text_of(s)
            own = words_of(text)
            if (
                own in seen
                or is_whole_quotation(text)
                or is_fragment(text)
                or is_list_line(text)
                or is_caption_or_byline(text)
                or (len(own) >= 3 and _spaced(own) in listed)
            ):
                out.add((d, s.index))
            seen.add(own)
    return out


# Past forms that do not end in -ed (and "will" / "'ll" for what is to come).
_PAST = _set(
    """was were had did said told drew made took gave went came saw found won lost left met
    ran rose fell held led paid sent spent struck thought knew began became brought bought
    built broke chose flew fought got grew kept meant sold shot spoke stood stole threw wrote
    wore sank swore tore woke hung fled sought taught caught felt heard read laid rode
    sang shook swam wept forgot
    will 'll ’ll"""
)
# The future without "will": "Alibaba is set to raise $12.9bn", "the council plans to vote".
_FUTURE = re.compile(
    r"\b(?:(?:is|are|was|were|'s|’s)\s+(?:set|expected|scheduled|poised|slated|due|going|about)"
    r"|plans?|planning)\s+to\s+(?!the\b|a\b|an\b|be\s+(?:a|an|the)\b)[a-z]{2,}",
    re.IGNORECASE,
)
# Words ending in -ed that are not a verb's past (or mostly stand as adjectives).
_NOT_PAST = _set(
    """need needed indeed speed seed feed bed red shed hundred sacred naked wicked beloved
    interested concerned involved based limited related supposed tired excited pleased
    worried surprised detailed advanced experienced skilled talented balanced armed united
    dedicated called aged bored"""
)
_PARTICIPLE = _set(
    """done gone seen taken given shown known grown drawn written spoken fallen risen won lost
    made found held sent spent struck brought bought built broken chosen flown fought got
    gotten kept meant sold shot stood stolen thrown worn sunk torn hung fled sought taught
    caught felt heard read laid begun become come run paid led left met put set hit cut"""
)
# Before a participle, these make it a present passive or a state, not an event.
_PRESENT_BE = _set("is are am be being get gets")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?:['’]ll)?(?![\w-])|['’]ll\b")
# How many of the summary's first sentences may take the opening place.
NEWS_REACH = 4


def reports_news(text: str, lemmas: Collection[str] = ()) -> bool:
    """The sentence tells what happened or will: a verb in the past, the perfect or the
    future ("drew", "has spotted", "will reunite", "is set to raise"), not only a state or a
    scene in the present ("Enter the state to throw down the gauntlet.", "The band is still
    smoking.").

    >>> reports_news("The ministry's slogan drew attention on Monday.")
    True
    >>> reports_news("A half century on, the band is still touring.")
    False

    ``lemmas``: the sentence's lemmas (:attr:`Sentence.lemmas`); a form that is its own
    lemma there is no verb's past ("structured galaxies", "the left").
    """
    if _FUTURE.search(text):
        return True
    words = _LOWER_WORD.findall(text)
    own = frozenset(lemmas)
    for i, w in enumerate(words):
        w = w.replace("’", "'")
        if w in own and w not in ("will", "'ll"):
            continue
        if w in _PAST or (w.endswith("'ll") and w != "'ll"):
            return True
        if (
            len(w) >= 5
            and w.endswith("ed")
            and w not in _NOT_PAST
            and not _PRESENT_BE.intersection(words[max(0, i - 2) : i])
        ):
            return True  # not "it is usually fitted with pods" (a present passive)
        if w in ("has", "have", "had") and any(
            n in _PARTICIPLE or n.endswith("ed") for n in words[i + 1 : i + 3]
        ):
            return True
    return False


def news_leads(
    articles: Sequence[AnalyzedArticle],
    leads: Collection[tuple[int, int]],
    min_words: int,
    max_words: int,
    skip: Collection[tuple[int, int]] = (),
) -> set[tuple[int, int]]:
    """Each article's lead (``leads``: ``(article, sentence index)``, see
    :func:`.base.lead_sentences`), or, when it reports nothing (:func:`reports_news`: a
    column's hook, a scene), the first of its next sentences that does, within
    :data:`NEWS_REACH` sentences that stand alone, not in ``skip``, and not one whose subject
    is a pronoun (it needs the sentence before). A chosen lead opens the summary
    (:func:`.citations.cite`), so the news opens it."""
    out: set[tuple[int, int]] = set()
    for d, index in leads:
        a = articles[d]
        # the article's first sentence that stands alone and is not left out
        fit = [
            s
            for s in a.sentences[index:]
            if (d, s.index) not in skip and stands_alone(a, s, min_words, max_words)
        ][:NEWS_REACH]
        if not fit:
            out.add((d, index))
            continue
        news = next(
            (
                s
                for k, s in enumerate(fit)
                if (k == 0 or not s.pronoun_subject) and reports_news(a.text_of(s), s.lemmas)
            ),
            fit[0],
        )
        out.add((d, news.index))
    return out
