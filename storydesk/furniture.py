"""Page furniture in text: which lines of a whole page's visible text are the article.

A page store or a scraper often keeps a page's whole text: menus, related headlines from a
sidebar, a byline and a publication-date line, photo captions, share prompts, reader
comments, an author box, a footer. HTML readers drop these by the page's markup; in text,
only each line's own evidence and its place are left. This module follows jusText
(Pomikálek, 2011), whose classifier it reuses (the ``justext`` package and its stop-word
lists for 100 languages):

1. **Each line on its own evidence** (:func:`line_class`): explicit furniture (the boilerplate
   rules of :mod:`storydesk.clean` and those below: a date or a time alone, "Photo: ...",
   "X says:", "Read more", a site counter) is *bad*; a line under 70 characters is *short*;
   a longer line is *good*, *near-good* or *bad* by its share of stop words (jusText's
   thresholds). A headline-shaped line (Title Case, no closing punctuation) is only ever
   short, so that a list of related headlines does not pass for prose.
2. **By its neighbours**: jusText's context-sensitive pass
   (:func:`justext.core.revise_paragraph_classification`): short and near-good lines take
   the class of the good or bad lines around them.
3. **Position**: the article body is the heaviest run of good lines, found as a maximum-sum
   segment where a good line counts its length and a bad one a penalty; a line that ends an
   article's body ("Comments", "Related Tags:", "You may also like", "Leave a reply") breaks
   the run. Inside that run every line of prose is kept (a lost body sentence is worse than
   a kept menu line); outside it, nothing.

Only text that looks like a whole page (:func:`looks_like_page`: several lines of explicit
furniture or menu runs) goes through steps 2 and 3; an article's clean text is left to the
boilerplate rules of :mod:`storydesk.clean`.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import takewhile

__all__ = ["looks_like_page", "page_body"]

# jusText's defaults (characters; share of words that are stop words).
LENGTH_LOW = 70
LENGTH_HIGH = 200
STOPWORDS_LOW = 0.30
STOPWORDS_HIGH = 0.32
# A line that ends like a sentence is good from this length on: one-sentence paragraphs.
LENGTH_HIGH_PROSE = 70
# A line of prose with less stop words than jusText asks for: a list, a technical sentence,
# a market report's figures (0.15 -> 0.10: scrapinghub-aeb text path F1 0.9366 -> 0.9372, body
# lost 3.30% -> 3.24%, furniture kept 8.60% unchanged; 0.05: 0.9376, 3.22%, 8.60%).
STOPWORDS_PROSE = 0.10
# Maximum-sum segment: what a bad line costs, per line and per character; a line that ends
# an article's body costs more than any article of a page store is long.
BAD_LINE_COST = 30
BAD_CHAR_COST = 0.25
END_OF_BODY_COST = 300
# A run of prose this heavy before the line that opens the comments is the article: the
# comments after it, however long, are not (tuned on scrapinghub-aeb: 25 -> text path
# 0.911, 50 to 80 -> 0.917, 150 -> 0.912; without the rule 0.903).
BODY_BEFORE_COMMENTS = 60
# What a good line between two lines that are not counts, per character.
ALONE_WEIGHT = 0.3
# Text with fewer lines of furniture than this is an article's text, not a page's.
MIN_FURNITURE_LINES = 3
# A list in the body (tour dates, a table's rows, a recipe's steps): what an item weighs in
# the run, per character, and the share of a run of items whose words the article's prose
# (or its title) must use for the run to be the body's.
LIST_WEIGHT = 0.5
LIST_SHARED = 0.5
# A list has a few items: one to three short lines between teasers are their headlines.
MIN_LIST_ITEMS = 4
# How many lines of prose on either side of a list give the words its items must share: the
# paragraphs around it (3 -> 30: scrapinghub-aeb text path body lost 4.92% -> 4.62%, furniture
# kept 8.53% -> 8.82%, F1 0.9274 -> 0.9283; a tour's dates share the month the lede names).
LIST_CONTEXT = 30

_TOKEN = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’)\]]*$")
_WORD = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*")
_STRIP = ".,;:!?\"'“”‘’()[]«»—–-"

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"
_TIME = r"\d{1,2}[:.]\d\d(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?(?:\s*[a-z]{2,4})?"
_DATE = (
    rf"(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?(?:\s+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?(?:\s+\d{{4}})?"
    r"|\d{4}-\d\d-\d\d(?:t[\d:.+-]+z?)?|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})"
)
# Lines that are furniture wherever they stand on a page (the general boilerplate rules of
# storydesk.clean apply too).
_FURNITURE = [
    re.compile(p, re.IGNORECASE)
    for p in (
        # a date, a time, or both, alone: "November 19, 2019 at 6:34 am", "Updated 2 hours ago"
        rf"^(?:(?:updated|published|posted|first published|last updated|modified)\s*:?\s*)?"
        rf"(?:{_WEEKDAY},?\s*)?(?:{_DATE})?(?:,?\s*(?:at\s*)?{_TIME})?(?:,?\s*[a-z]{{2,4}})?\s*$",
        r"^(?:updated\s+|posted\s+)?(?:about\s+)?(?:\d+|an?|one)\s*(?:s|secs?|seconds?|m|mins?|"
        r"minutes?|h|hrs?|hours?|d|days?|w|weeks?|months?|years?)\s+ago\b.{0,20}$",
        rf"^(?:{_DATE}|\d+\s*[a-z]{{1,7}}\s+ago)?\s*\d+\s+(?:photos|pictures|images|videos|slides)$",
        # a comment's header and controls: "Jane says:", "Alex on May 3, 2018 at 6:34 am said:"
        r"^[\w .'’@-]{1,40}\s(?:says|said|wrote|writes|replied)\s*:$",
        rf"^[\w .'’@-]{{1,40}}\s+on\s+{_DATE}.{{0,30}}(?:says|said|wrote)\s*:?$",
        r"^(?:reply|report|flag|like|likes|\d+\s+likes?|share|edit|delete|quote|permalink|"
        r"load more|show more|see more|view more|more|menu|close|search|home|back)"
        r"(?:\s*[|·•]\s*\w+)*\s*$",
        r"^(?:rating\s*:\s*)?[+-]?\d+\s+(?:votes?|points?|likes?|replies|comments?|shares?|"
        r"views?|reads?)$",
        # a picture and its credit: "Image 3 of 5", "(Image: Getty)", "Credit: ...", "/Getty Images"
        r"^(?:image|photo|picture|slide)\s+\d+\s+(?:of|/)\s+\d+\b",
        r"^\d+\s+of\s+\d+\s",
        r"\((?:image|photo|picture|credit|pic)s?\s*:[^)]{1,60}\)\s*$",
        r"\b(?:credit|photo|image|picture)s?\s*:\s*[\w .,'’&/-]{1,60}$",
        r"/\s*(?:getty images|afp|reuters|ap|epa|shutterstock|alamy)(?:\s+file(?: photo)?)?\s*$",
        # links to other stories: "Read more: ...", "SEE MORE: ...", "Headline [INSIGHT]"
        r"^(?:read more|see more|read also|also read|watch|listen|more|related)\s*(?:»|>|:)",
        # a tag after a headline ("[INSIGHT]"), a credit after a caption ("... [Jane Doe/AFP]");
        # a source's name alone in brackets ("[ Wired ]") cites a paragraph of a round-up
        r"(?-i:\[\s*[A-Z][A-Z ]{2,20}\])\s*\|?$",
        r"\S.{10,}\w\s\[[^\]\s][^\]]{1,40}\]$",
        r"^(?:click|tap) (?:to|here)\b",
        # a teaser cut off mid-clause by its site: "... taken to hospital,...", "... after..."
        # (a writer's own trailing "but …" or "ready for…" has a space or the one character)
        r"(?:,|\b(?:a|an|and|as|at|after|before|but|by|for|from|in|of|on|or|that|the|to|"
        r"with))\.{3}\s*$",
        r"^(?:also|more) on [\w-]+\.(?:com|org|net|co\.uk|tv|info|news)\b",  # "Also on rt.com ..."
        r"^follow [\w .&'-]{1,30} on\s*:?$",  # "Follow RT on" (its icons were pictures)
        r"^(?:trends?|trending|hot topics?)\s*:",
        r"\(opens in (?:a )?new window\)",
        # metadata lines: "Publication date: ...", "accessed 12 March 2026", counters
        r"^(?:publication|publishing|published|posted|release|last modified|modified|updated)"
        r"\s*(?:date|on|at)?\s*:",
        r"^\(?(?:last\s+)?(?:accessed|retrieved|viewed)\s+(?:on\s+)?\d",
        # a page's date line with more on it: "Published Wed, Nov 20 2019 4:29 AM EST
        # Updated an hour ago" (a sentence that starts so ends with a full stop)
        rf"^(?:first\s+|last\s+)?(?:published|updated|posted|modified)\b(?=.*(?:{_DATE}|{_TIME}|"
        r"\bago\b)).{0,90}(?<![.!?])$",
        # a byline with the writer's handle: "Jane Doe @janedoe"
        r"^(?-i:[A-Z][\w'’-]+(?: [A-Z][\w.'’-]+){1,3})\s+@\w+(?:\s*[/|·•-]\s*.{0,30})?$",
        r"\b(?:accessed|retrieved)\s+(?:on\s+)?(?:\d{1,2}\s+[A-Za-z]+|[A-Za-z]+\s+\d{1,2}),?"
        r"\s+\d{4}\.?\)?$",
        # a site's counter: its readers, or people who do what readers do ("More than 100
        # million people may have perished" is news)
        r"^(?:more than|over|nearly|almost|some|join)\s+[\d,.]+\s*(?:k|m|million|thousand)?\s+"
        r"(?:(?:readers|subscribers|followers)\b|(?:people|members|users|visitors)\b.{0,60}"
        r"\b(?:read|follow|subscribe|trust|visit|join|rely on|turn to|count on)\b)",
        r"^[\d,.]+\s*(?:k|m)?\s+(?:readers|subscribers|followers|views|shares|comments)\b",
        # share and follow buttons, one network a line
        r"^(?:facebook|twitter|linkedin|whatsapp|pinterest|reddit|telegram|tumblr|email|e-mail|"
        r"print|instagram|youtube|flipboard|messenger|copy link|google\+?|sms|x)\s*$",
        # breadcrumbs and section lists joined by separators: "Home › News › World"
        r"^(?:[^|›»>/]{1,30}\s*[|›»>/]\s*){2,}[^|›»>/]{0,30}$",
        r"^you are (?:at|here)\s*:?$",
        r"^(?:all )?rights reserved\b|^©|\(c\)\s*\d{4}",
    )
]
_COOKIES = re.compile(r"\bcookies?\b", re.IGNORECASE)
_CONSENT = re.compile(
    r"\b(?:website|browser|browsing|consent|opt[- ]?out|your experience|necessary|preferences|"
    r"third[- ]party|analytics)\b",
    re.IGNORECASE,
)
# Lines that end an article's body on a page: what follows is comments, related stories,
# tags or an author box.
_END_OF_BODY = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^\W*(?:\d+\s+)?(?:top rated |latest |all |reader |readers'? |user )?"
        r"(?:comments?|responses?|replies|reactions?|thoughts on\b.*|"
        r"responses to\b.*|comments? on\b.*)\s*(?:\(\d+\))?\W*$",
        r"^share your (?:thoughts|comments|views)\b",
        r"^more (?:from |on |in )?(?:the )?(?-i:[A-Z][\w&' -]{2,30})$",
        r"^(?:leave|post|add|write|join|view|show|read)\s+(?:a |the |your |all |\d+ )?"
        r"(?:reply|comments?|discussion|conversation)\b",
        r"^(?:related|recommended|more from\b.{0,40}|more (?:stories|articles|news)|"
        r"you (?:may|might|will) (?:also )?(?:like|enjoy|be interested)|read next|"
        r"most (?:read|popular|viewed|shared)|trending(?: now)?|top stories|popular now|"
        r"latest (?:news|stories)|editor'?s picks|what to read next|around the web|"
        r"other (?:stories|articles)|in other news|from the web|recommended for you|"
        r"sponsored (?:stories|links)|promoted stories|don'?t miss)"
        r"(?:\s+(?:stories|articles|posts|news|links|content|videos))?\s*[:.!]*$",
        r"^(?:related\s+)?(?:tags|topics|filed under|categories|keywords)\s*:",
        r"^share this(?: article| story| post| page)?\s*:?$",
        r"^(?:about the author|author'?s? bio|more by this author)\s*:?$",
        # a press release's notes after its news: "About Harbour Tools", "Media contact:"
        r"^(?:about (?-i:[A-Z])[\w&.'’ -]{1,40}|(?:media|press|investor) contacts?|"
        r"forward[- ]looking statements?|safe harbou?r statement)\s*:?$",
        r"^follow (?:me|him|her|them)\b.{0,30}\bon (?:twitter|x|linkedin|facebook|instagram)\b",
        r"^(?:previous|next) (?:post|article|story)\s*:?$",
        r"^want more stories like this\?",
        r"^(?:like|enjoy(?:ed)?|liked) this (?:story|article|post)\?",
        r"^share (?:it|this|the story|the article) with (?:a|your) friends?\b",
        r"^(?:sign up|subscribe)\b.{0,60}$",
    )
]
# The line that opens the comments with the article's headline in it.
_COMMENTS_ON = re.compile(
    r"^\W*\d+\s+(?:thoughts|responses|replies|comments?|reactions)\s+(?:on|to)\s+[\"“‘'].{0,200}$",
    re.IGNORECASE,
)
_PROSE = frozenset({"good", "neargood"})
# A line that opens with a wire dateline: "NEW YORK (Reuters) - ", "(CNN) ", "CAIRO — ".
_LEDE = re.compile(
    r"^(?:(?:[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3}(?:, [A-Z][\w.]+(?: [A-Z][\w.]+)?)?"
    r"(?:, [A-Z][a-z]{2,8}\.? \d{1,2})?\s*)?\([A-Z][\w .&-]{1,30}\)\s*(?:[-—–:]\s*)?"
    r"|[A-Z][A-Z'’.-]{2,}(?: [A-Z][A-Z'’.-]+){0,3}(?:, [A-Z][\w.]+(?: [A-Z][\w.]+)?)?"
    r"\s+(?:—|–|-{1,2})\s+)[\"“A-Z]"
)
# How many lines before the body's run a lede with a dateline may stand.
LEDE_REACH = 3
_COMMENTS = re.compile(
    r"\b(?:comments?|responses?|replies|thoughts on|reply|discussion|conversation)\b",
    re.IGNORECASE,
)
# The line that opens the writer's box after an article: "About the author", "Follow me on
# Twitter or LinkedIn." (the writer's name and first-person bio follow).
_AUTHOR_BOX = re.compile(
    r"^(?:about the author|author'?s? bio|more by this author|follow (?:me|him|her|them)\b"
    r".{0,30}\bon (?:twitter|x|linkedin|facebook|instagram)\b)",
    re.IGNORECASE,
)
# A word that starts with a capital (or is a number), for Title Case headlines.
_CAPITALISED = re.compile(r"^[\"'“‘(]*(?:[A-Z]|\d)")


@functools.cache
def _stoplists() -> dict[str, frozenset[str]]:
    import justext  # jusText ships its stop-word lists: nothing is downloaded

    return {
        name: frozenset(w.lower() for w in justext.get_stoplist(name))
        for name in sorted(justext.get_stoplists())
    }


def stoplist_for(lines: Sequence[str]) -> frozenset[str]:
    """The jusText stop-word list of the text's language: the one that covers most of its
    words (English on a tie).

    >>> "the" in stoplist_for(["The river rose in the night."])
    True
    """
    counts = Counter(w.lower().strip(_STRIP) for line in lines for w in line.split())
    lists = _stoplists()

    def coverage(name: str) -> tuple[int, bool]:
        words = lists[name]
        return sum(c for w, c in counts.items() if w in words), name == "English"

    return lists[max(lists, key=coverage)]


def stopword_density(line: str, stop: frozenset[str]) -> float:
    words = line.split()
    if not words:
        return 0.0
    return sum(w.lower().strip(_STRIP) in stop for w in words) / len(words)


def is_furniture(line: str) -> bool:
    """A line that is page furniture wherever it stands: a date or a time alone, a picture
    credit, a comment's header, a link to another story or its teaser, a site counter, a
    share button."""
    if _COOKIES.search(line) and _CONSENT.search(line):
        return True  # a page's cookie notice runs long; on a page it is never the article
    if is_teaser(line):
        return True
    if len(line) > 200:
        return False
    return any(rule.search(line) for rule in _FURNITURE) or ends_body(line)


# Short words a headline in Title Case capitalises and a sentence does not.
_SMALL_WORDS = frozenset(
    re.findall(
        r"\w+",
        "a an the and but or nor for of to in on at by with from after before over into as "
        "is are was be its it his her their than up down off about",
    )
)
_EDGE = "\"'‘’“”()[],:;!?."


def is_teaser(line: str) -> bool:
    """Another story's teaser: its headline in Title Case run into its first sentence, as a
    sidebar of related stories gives them in text.

    >>> is_teaser("Fares To Rise In April For The First Time The board said they would rise.")
    True
    >>> is_teaser("The Sallow Hydro Authority said on Monday that the dam would be examined.")
    False
    """
    words = line.split()
    if len(words) < 10:
        return False
    run = small = 0
    for i, word in enumerate(words):
        core = word.strip(_EDGE)
        if not core or not (core[0].isupper() or core[0].isdigit()):
            break
        run += 1
        small += i > 0 and core.lower() in _SMALL_WORDS
    # a headline's run of capitals (two short words among them), then a sentence goes on
    return (
        (run >= 5 and small >= 2 and len(words) - run >= 5)
        or _headline_into_dateline(line)
        or _headline_into_sentence(line, alone=True) is not None
    )


# Words that open a teaser's sentence ("... impeachment saga A pro-Trump smear campaign ..."):
# in the middle of a sentence of prose they are never capitalised and then followed by a word
# in lower case ("told The Times" names a paper; "vitamin A is" is not an article before a word).
_OPENERS = frozenset(
    re.findall(
        r"\w+",
        "a an the this these those its their his her our your even more here it now what how "
        "why we you they he she in after as if when while with for there some many most",
    )
)
_CLAUSE_END = re.compile(r"[.!?…,;][\"'”’)\]]*$")


def _headline_into_sentence(line: str, *, alone: bool = False) -> int | None:
    """Where another story's first sentence starts when its headline in sentence case runs
    into it with no stop between ("Council votes to close the pier Even its backers said
    ..."): the index of the word, or None. The sentence opens with a capitalised short word
    (an article, a pronoun, "Even", "More") after a word of the headline that ends without
    punctuation, and goes on in lower case; the headline has four words or more and no
    sentence end, the sentence five or more and one. A capital "A" may be a letter ("vitamin
    A tablets"), so with ``alone`` (no other teaser near the line) it is not taken.

    >>> _headline_into_sentence("Council votes to close the old pier for good A report "
    ...     "found the pier unsafe last spring.")
    9
    >>> _headline_into_sentence("The council said the word “We” was painted on the pier.")
    """
    words = line.split()
    if len(words) < 9 or not _SENTENCE_END.search(line) or _LEDE.match(line):
        return None
    for i in range(4, min(len(words) - 4, 24)):
        prev, word, nxt = words[i - 1], words[i], words[i + 1]
        if _CLAUSE_END.search(prev):
            return None  # a sentence or a clause ended before: prose, not a headline
        if word[0] in "\"'“‘(" or word[-1] in "\"'”’)" or prev[-1] == ")":
            continue  # a quoted word; a dateline's "(Agency)" before the lede
        core = word.strip(_EDGE)
        opener = core.lower() in _OPENERS and core[0].isupper()
        if not opener or not (core == "A" or core[1:].islower()) or (alone and core == "A"):
            continue
        if not prev[-1].isalnum() and prev[-1] not in '”’"':
            continue
        after = nxt.strip(_EDGE)
        if after and after[0].islower() and (core != "A" or after not in _SMALL_WORDS):
            return i
    return None


# A picture's credit on a line of its own: "Image: Jane Doe", "(Image credit: Harbour
# Board)", "Photo by Jane Doe/Getty Images", "Jane Doe/Meridian Press/Getty Images".
_CREDIT = re.compile(
    r"^\(?(?:image|photo|picture|pic|photograph)s?\s*(?:credit)?\s*:[^)]{1,60}\)?\s*$"
    r"|^\(?(?:image|photo|picture)s?:? (?:by|courtesy|credit)\b.{0,60}$"
    r"|^(?:photo )?credit\s*:.{1,60}$"
    r"|^[\w .,'’&-]{0,40}(?:/[\w .,'’&-]{0,40}){0,2}/[\w .,'’&-]{0,30}\b(?:getty images|afp|"
    r"reuters|ap|epa|shutterstock|alamy|images|photos|pictures|press)\W*$",
    re.IGNORECASE,
)
# A caption is a sentence or two, this many words at most.
CAPTION_WORDS = 40


def is_credit(line: str) -> bool:
    """A picture's credit alone on its line.

    >>> is_credit("(Image credit: Harbour Board)"), is_credit("Jane Doe/Meridian/Getty Images")
    (True, True)
    >>> is_credit("Ferry fares/routes")
    False
    """
    return len(line.split()) <= 12 and bool(_CREDIT.search(line))


def captions(lines: Sequence[str]) -> list[bool]:
    """Which lines are a picture's caption: a sentence or two (:data:`CAPTION_WORDS` words at
    most) right above the picture's credit line ("Rescue crews on Quay Street on Tuesday." over
    "Jane Doe/Meridian Press/Getty Images"). A paragraph of the article does not stand over a
    credit; a picture's caption does.

    >>> captions(["Crews clear mud from the road on Thursday.", "Photo: Mira Holt", "Next."])
    [True, False, False]
    """
    out = [False] * len(lines)
    for i in range(len(lines) - 1):
        line = lines[i]
        words = len(line.split())
        if not (4 <= words <= CAPTION_WORDS) or not _SENTENCE_END.search(line):
            continue
        if len(re.findall(r"[.!?][\"'”’)]*\s+[\"“‘(]?[A-Z]", line)) > 1:
            continue  # three sentences or more: a paragraph
        out[i] = is_credit(lines[i + 1])
    return out


# Teasers of a listing of other stories stand this close together (lines apart), this many.
LISTING_REACH = 3
LISTING_TEASERS = 3


def _title_into_sentence(line: str) -> bool:
    """A headline in Title Case (four capitalised words or more, a capitalised short word
    among them: "Fares To Rise", "Cheese Shops For ...") run into a sentence that goes on in
    lower case ("... Shops Wondering where to find ..."). Alone, a line of prose that opens
    with a name has the same shape; three of them together are a listing of teasers.

    >>> _title_into_sentence("Harbour Board Votes To Raise Fares Again The board said fares "
    ...     "would rise in May.")
    True
    >>> _title_into_sentence("Sallow Hydro Authority engineers said the dam would hold.")
    False
    """
    words = line.split()
    if len(words) < 9 or not _SENTENCE_END.search(line):
        return False
    first_lower = next(
        (
            i
            for i, w in enumerate(words)
            if (core := w.strip(_EDGE)) and core[0].islower() and core.lower() not in _SMALL_WORDS
        ),
        None,
    )
    if first_lower is None or len(words) - first_lower < 4:
        return False
    # the sentence's first word stands before its first word in lower case and the short
    # words before that ("... In Detroit In the market ...")
    start = first_lower - 1
    while (
        start > 0
        and words[start].strip(_EDGE).lower() in _SMALL_WORDS
        and words[start][0].islower()
    ):
        start -= 1
    head = words[:start]
    if len(head) < 4 or not _CAPITALISED.match(words[start]) or head[-1][-1] == ",":
        return False
    if any(re.search(r"\w{3}[.!][\"'”’)\]]*$", w) for w in head):
        return False  # a sentence ended inside
    capitalised = [w for w in head if _CAPITALISED.match(w)]
    small = [w for w in head[1:] if w[:1].isupper() and w.strip(_EDGE).lower() in _SMALL_WORDS]
    return len(capitalised) >= 4 and bool(small)


def teaser_listing(lines: Sequence[str]) -> list[bool]:
    """Which lines are teasers of a listing of other stories, each a headline run into its
    first sentence: lines of that shape (:func:`_headline_into_sentence`,
    :func:`_title_into_sentence`), :data:`LISTING_TEASERS` or more within
    :data:`LISTING_REACH` lines of each other."""
    shaped = [
        _headline_into_sentence(line) is not None or _title_into_sentence(line) for line in lines
    ]
    out = [False] * len(lines)
    for i, s in enumerate(shaped):
        if s:
            near = shaped[max(0, i - LISTING_REACH) : i + LISTING_REACH + 1]
            out[i] = sum(near) >= LISTING_TEASERS
    return out


# A wire dateline inside a line ("... to visit Pakistan COLOMBO: Newly-elected ..."): a
# related story's headline in sentence case run into its lede.
_INNER_DATELINE = re.compile(
    r"(?<=[\w'’”)\]])\s+(?P<place>[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){0,2})"
    r"(?:,\s+[A-Z][a-z]+)?\s*[:—–]\s+(?=[\"“‘A-Z])"
)
# Words after which capitals are a name being spoken to or of ("told the UNICEF: ..."), not
# the place of a dateline.
_BEFORE_A_NAME = frozenset(
    [
        "a",
        "an",
        "and",
        "at",
        "by",
        "for",
        "from",
        "of",
        "on",
        "said",
        "says",
        "the",
        "to",
        "told",
        "via",
        "with",
    ]
)


def _headline_into_dateline(line: str) -> bool:
    """A related story's headline (four words or more, no sentence end) run into its lede,
    which opens with a wire dateline in capitals ("NEW DELHI: The Supreme Court ...").

    >>> _headline_into_dateline("Port board to raise fares twice PORT AVERLY: The harbour "
    ...     "board said on Monday that ferry fares would rise in April and again in May.")
    True
    >>> _headline_into_dateline("PORT AVERLY: The harbour board said on Monday that ferry "
    ...     "fares would rise in April and again in May.")
    False
    """
    for m in _INNER_DATELINE.finditer(line):
        head = line[: m.start()].split()
        if (
            len(head) < 4
            or _SENTENCE_END.search(" ".join(head))
            or re.search(r"[.!?][\"'”’)]*\s", line[: m.start()])
        ):
            continue
        if head[-1].lower() in _BEFORE_A_NAME or len(re.sub(r"\W", "", m["place"])) < 5:
            continue
        if len(line[m.end() :].split()) >= 8:
            return True
    return False


def page_numbers(line: str) -> bool:
    """A pager: three or more numbers alone on a line, counting up from 1 ("1 2 3 4 Next").

    >>> page_numbers("1 2 3 4 5 ›"), page_numbers("3 4 5"), page_numbers("1 2")
    (True, False, False)
    """
    numbers = re.findall(r"\d+", line)
    if len(numbers) < 3 or re.search(
        r"[^\W\d_]{3,}", re.sub(r"(?i)next|prev\w*|last|first", "", line)
    ):
        return False
    return [int(n) for n in numbers] == list(range(1, len(numbers) + 1))


def ends_body(line: str) -> bool:
    """A line after which a page has comments, related stories, tags or an author box."""
    if _COMMENTS_ON.match(line):
        return True  # "12 thoughts on “...”" repeats the headline, however long
    if page_numbers(line):
        return True  # the pager of the reviews or comments under an article, in any language
    return len(line) <= 80 and any(rule.search(line) for rule in _END_OF_BODY)


def starts_comments(line: str) -> bool:
    """A line that opens the readers' comments or the writer's author box (a box of related
    links may stand inside an article's body; comments and an author box never do)."""
    return bool(_COMMENTS.search(line) or _AUTHOR_BOX.search(line))


def is_headline_shaped(line: str, stop: frozenset[str]) -> bool:
    """Title Case (or capitals) and no closing punctuation: a headline, a menu, a kicker."""
    if _SENTENCE_END.search(line):
        return False
    words = [w for w in line.split() if w.strip(_STRIP)]
    content = [w for w in words if w.lower().strip(_STRIP) not in stop]
    if len(words) < 2 or not content:
        return False
    capitalised = sum(bool(_CAPITALISED.match(w)) for w in content)
    return capitalised / len(content) >= 0.75


def is_prose(line: str, stop: frozenset[str]) -> bool:
    """A sentence or more: closing punctuation, a few words, some of them stop words."""
    return (
        bool(_SENTENCE_END.search(line))
        and len(line.split()) >= 4
        and stopword_density(line, stop) >= STOPWORDS_PROSE
    )


def line_class(line: str, stop: frozenset[str], boilerplate: Callable[[str], bool]) -> str:
    """jusText's context-free class of one line: ``bad``, ``short``, ``neargood`` or ``good``."""
    if boilerplate(line) or is_furniture(line):
        return "bad"
    if len(line) < LENGTH_LOW or is_headline_shaped(line, stop):
        return "short"
    density = stopword_density(line, stop)
    if density >= STOPWORDS_HIGH:
        prose = len(line) > LENGTH_HIGH_PROSE and _SENTENCE_END.search(line)
        return "good" if len(line) > LENGTH_HIGH or prose else "neargood"
    if density >= STOPWORDS_LOW or is_prose(line, stop):
        return "neargood"
    return "bad"


def looks_like_page(lines: Sequence[str], boilerplate: Callable[[str], bool]) -> bool:
    """Whether text is a whole page's rather than an article's: several lines of furniture,
    counting a menu (three or more short lines in a row that are not sentences). Without a
    line of explicit furniture, only menus above the first line of prose count (a page's
    navigation): a page's body keeps no explicit furniture and opens with prose, so it is
    never taken for a page again (a list in it, a product's features or a table's rows,
    would read as menus, and a second pass would cut the body down to its longest run)."""
    if len(lines) < MIN_FURNITURE_LINES:
        return False
    furniture = explicit = sum(boilerplate(line) or is_furniture(line) for line in lines)
    run = 0
    for line in lines:
        if len(line) < LENGTH_LOW and not _SENTENCE_END.search(line):
            run += 1
            if run >= 3:
                furniture += 1
        elif not explicit:
            break
        else:
            run = 0
    return furniture >= MIN_FURNITURE_LINES


def page_body(
    lines: Sequence[str], boilerplate: Callable[[str], bool], title: str | None = None
) -> list[str]:
    """The lines of a page's text that are its article (see the module docstring)."""
    keep, _ = classify_page(lines, boilerplate, title)
    return [line for line, k in zip(lines, keep, strict=True) if k]


def headline_at(lines: Sequence[str], title: str | None) -> int | None:
    """The first line that repeats the page's title (a site name after it aside): where
    the article starts on a page."""
    if not title:
        return None
    wanted = " ".join(_TOKEN.findall(title.lower()))
    n = len(wanted.split())
    if n < 2:
        return None
    for i, line in enumerate(lines):
        got = " ".join(_TOKEN.findall(line.lower()))
        m = len(got.split())
        if not got or m > 2 * n:
            continue
        if (
            got == wanted
            or (m >= max(2, n / 2) and got in wanted)
            or (m >= 2 and wanted.startswith(got + " "))
            or (n >= 3 and wanted in got)
        ):
            return i
    return None


def _content_words(line: str, stop: frozenset[str]) -> set[str]:
    return {w for w in (m.lower() for m in _WORD.findall(line)) if len(w) > 2 and w not in stop}


def body_list_items(
    lines: Sequence[str],
    good: Sequence[bool],
    explicit: Sequence[bool],
    stop: frozenset[str],
) -> list[bool]:
    """Which lines are items of a list in the article's body (a tour's dates, a table's
    rows, a recipe's steps): a run of at least :data:`MIN_LIST_ITEMS` different lines that
    are neither prose (``good``) nor explicit furniture, right after a line of prose, at
    least :data:`LIST_SHARED` of whose items use a word of the prose on either side (or of
    the list's part before a note between). A menu or a list of related links stands apart
    from the prose (a heading, a breadcrumb, a date line between) or shares none of its words.

    >>> body_list_items(["Bake the loaves at a low heat, and then let the loaves cool.",
    ...     "Loaves: 2", "Heat: low", "Bake: 1 hour", "Cool: 10 minutes", "Home"],
    ...     [True, False, False, False, False, False], [False] * 5 + [True],
    ...     frozenset({"the", "at", "a", "and", "then", "let"}))
    [False, True, True, True, True, False]
    """
    items = [False] * len(lines)
    # A list broken by a line of prose (a tip, a note) goes on with the words of its items.
    carried: set[str] = set()
    carried_end = -1
    i = 0
    while i < len(lines):
        if good[i] or explicit[i]:
            i += 1
            continue
        j = i
        while j < len(lines) and not good[j] and not explicit[j]:
            j += 1
        # the prose on either side: its good lines in a row, up to LIST_CONTEXT of them
        before = range(i - 1, max(-1, i - 1 - LIST_CONTEXT), -1)
        after = range(j, min(len(lines), j + LIST_CONTEXT))
        context = [*takewhile(good.__getitem__, before), *takewhile(good.__getitem__, after)]
        after_prose = i > 0 and good[i - 1]  # a list follows the paragraph that opens it
        vocab = {w for k in context for w in _content_words(lines[k], stop)}
        if carried_end >= 0 and all(good[carried_end:i]):
            vocab |= carried
        worded = [_content_words(lines[k], stop) for k in range(i, j)]
        worded = [w for w in worded if w]
        distinct = len({lines[k] for k in range(i, j) if _content_words(lines[k], stop)})
        shared = sum(1 for w in worded if w & vocab)
        if after_prose and distinct >= MIN_LIST_ITEMS and shared >= LIST_SHARED * len(worded):
            items[i:j] = [True] * (j - i)
            carried, carried_end = set().union(*worded), j
        elif after_prose:
            end = _uniform_list_end(lines, i, j, vocab, stop)
            items[i:end] = [True] * (end - i)
        i = j
    return items


# A separator that rows of one table or schedule share ("June 9 - Tampa @ Bay Hall",
# "Step 2: ...", "England (Group A): ...").
_ROW_SEPARATORS = ("–", "—", " - ", "@", ":", "(", "|", "$", "%", "/")
_ROW_LEAD = re.compile(rf"^(?:\d|{_MONTH}\s+\d|#\d)", re.IGNORECASE)


def _row_shape(line: str) -> tuple[bool, frozenset[str]]:
    """What the rows of one table share: a leading number or date, the separators."""
    return bool(_ROW_LEAD.match(line)), frozenset(s for s in _ROW_SEPARATORS if s in line)


def _same_shape(a: str, b: str) -> bool:
    """Two rows of one table: both lead with a number or neither does, and they share a
    separator (a row may add one: a venue's "(formerly ...)"), or have none."""
    (lead_a, seps_a), (lead_b, seps_b) = _row_shape(a), _row_shape(b)
    return lead_a == lead_b and (bool(seps_a & seps_b) or not (seps_a or seps_b))


def _uniform_list_end(
    lines: Sequence[str], i: int, j: int, vocab: set[str], stop: frozenset[str]
) -> int:
    """Where a list of rows of one shape that follows the body's prose ends (``i`` when
    there is none): an optional heading, then at least :data:`MIN_LIST_ITEMS` rows in a row
    with one shape that has a separator or a leading number or date (a tour's dates, a
    schedule, a table), the heading or a row using a word of the prose. Related headlines
    have no such shape; a run of them after the body is not its list.

    >>> _uniform_list_end(["Harrow Lanterns tour dates", "April 3 - Sallow @ Quay Hall",
    ...     "April 5 - Kessen @ Mill Arena", "April 9 - Varden @ Riverside",
    ...     "April 12 - Tollan @ Harbour Hall", "Most Read Stories"], 0, 6, {"tour"}, frozenset())
    5
    """
    start = i + 1 if i + 1 < j and not _same_shape(lines[i], lines[i + 1]) else i
    lead, separators = _row_shape(lines[start]) if start < j else (False, frozenset())
    if not (lead or separators):
        return i
    end = start
    while end < j and _same_shape(lines[start], lines[end]):
        end += 1
    if len({lines[k] for k in range(start, end)}) < MIN_LIST_ITEMS:
        return i
    if not any(_content_words(lines[k], stop) & vocab for k in range(i, end)):
        return i
    return end


def _heaviest_run(
    lines: Sequence[str],
    classes: Sequence[str],
    good: Sequence[bool],
    begin: int,
    items: Sequence[bool] | None = None,
    neutral: Sequence[bool] | None = None,
) -> tuple[float, tuple[int, int] | None]:
    """The heaviest run of good lines from line ``begin`` on (maximum-sum segment) and its
    weight. A good line alone between others is a teaser more often than prose; a line that
    repeats an earlier one (cleaning keeps it once) weighs nothing; an item of a list in the
    body (``items``) weighs :data:`LIST_WEIGHT` of its length. A ``neutral`` line (a caption:
    furniture that a page sets inside its article as often as around it) neither weighs nor
    costs."""
    best, best_span, total, start = 0.0, None, 0.0, begin
    seen: set[str] = set()
    for i in range(begin, len(lines)):
        line = lines[i]
        if total <= 0:
            total, start = 0.0, i
        if line in seen or (neutral is not None and neutral[i]):
            # no weight, but it may stand inside the run
            if best_span is not None and best_span[1] == i - 1 and total == best:
                best_span = (best_span[0], i)
            continue
        seen.add(line)
        if good[i]:
            # A short line that its neighbours made good adds nothing of its own.
            alone = not (i > 0 and classes[i - 1] in _PROSE and lines[i - 1] != line) and not (
                i + 1 < len(lines) and classes[i + 1] in _PROSE and lines[i + 1] != line
            )
            if classes[i] in _PROSE:
                total += len(line) * (ALONE_WEIGHT if alone else 1.0)
        elif items is not None and items[i]:
            total += len(line) * LIST_WEIGHT
        elif ends_body(line) and starts_comments(line):
            if best >= BODY_BEFORE_COMMENTS:
                break  # readers' comments follow the article: nothing after them is its body
            total -= END_OF_BODY_COST
        else:
            total -= BAD_LINE_COST + BAD_CHAR_COST * len(line)
        if total > best:
            best, best_span = total, (start, i)
    return best, best_span


def classify_page(
    lines: Sequence[str], boilerplate: Callable[[str], bool], title: str | None = None
) -> tuple[list[bool], tuple[int, int] | None]:
    """Whether each line of a page's text is the article's, and the body's span of lines."""
    from justext.core import PathInfo, revise_paragraph_classification
    from justext.paragraph import Paragraph

    if not lines:
        return [], None
    stop = stoplist_for(lines)
    # A caption inside the article weighs nothing in its run; a listing's teasers cost as any
    # furniture does (weightless, they would let the run reach a good line beyond them).
    caption = captions(lines)
    listing = [t or c for t, c in zip(teaser_listing(lines), caption, strict=True)]
    classes = [
        "bad" if teaser else line_class(line, stop, boilerplate)
        for line, teaser in zip(lines, listing, strict=True)
    ]
    paras = []
    for line, cls in zip(lines, classes, strict=True):
        p = Paragraph(PathInfo())
        p.append_text(line)
        p.cf_class = cls
        p.heading = False
        paras.append(p)
    revise_paragraph_classification(paras)
    good = [p.class_type == "good" for p in paras]
    explicit = [
        teaser or boilerplate(line) or is_furniture(line)
        for line, teaser in zip(lines, listing, strict=True)
    ]
    items = body_list_items(lines, good, explicit, stop)

    # The heaviest run of good lines (maximum-sum segment), after the headline when the page
    # repeats its title there. The title repeated after the article (a related link, a
    # footer) does not start it: a run before the title's line that outweighs every run
    # after it is the body (text path 0.900 -> 0.902 on scrapinghub-aeb).
    begin = headline_at(lines, title) or 0
    best, best_span = _heaviest_run(lines, classes, good, begin, items, caption)
    if begin:
        whole, whole_span = _heaviest_run(lines, classes, good, 0, items, caption)
        if whole_span is not None and whole > best:
            best_span, begin = whole_span, 0
    if best_span is None:  # no run of prose at all: keep what is not explicit furniture
        return [not e for e in explicit], None
    first, last = best_span
    last = _before_a_listing(lines, classes, first, last)
    last = _before_the_writers_box(lines, first, last)
    # An opening or closing line of prose too short for jusText ("No one was hurt.") belongs.
    while (
        last + 1 < len(lines) and classes[last + 1] == "short" and is_prose(lines[last + 1], stop)
    ):
        last += 1
    while first > begin and classes[first - 1] == "short" and is_prose(lines[first - 1], stop):
        first -= 1
    last = _through_a_box_to_the_cut(lines, classes, stop, last)
    last = _through_later_sections(lines, classes, stop, first, last)
    # The lede that opens with a wire dateline ("CAIRO (Reuters) - ...") is the article's
    # first line, though a caption or a byline may stand between it and the rest.
    for back in range(first - 1, max(begin, first - 1 - LEDE_REACH) - 1, -1):
        if _LEDE.match(lines[back]) and classes[back] in _PROSE:
            first = back
            # a line of prose too short for jusText before the lede belongs, as above
            while (
                first > begin and classes[first - 1] == "short" and is_prose(lines[first - 1], stop)
            ):
                first -= 1
            break
    keep = [
        first <= i <= last
        and (good[i] or items[i] or (classes[i] != "bad" and is_prose(line, stop)))
        for i, line in enumerate(lines)
    ]
    lede = _lede_under_headline(lines, classes, good, stop, headline_at(lines, title), first)
    if lede is not None:
        keep[lede[0] : lede[1] + 1] = [True] * (lede[1] + 1 - lede[0])
        first = lede[0]
    _drop_inline_teasers(lines, keep, classes, items, stop)
    return keep, (first, last)


# A date alone on its line, without a time: a teaser's date in a listing of stories.
_DATE_ALONE = re.compile(rf"^{_DATE}\s*$", re.IGNORECASE)
# A listing of other stories stamps this many of its teasers with a date on a line.
LISTING_DATES = 3


def _before_a_listing(lines: Sequence[str], classes: Sequence[str], first: int, last: int) -> int:
    """The body's last line when its run goes on through a line that ends a body ("More
    from the Courier", "Related links:") into a listing of other stories, each with its
    writer, its date on a line and its first sentence (a good line), or each a headline
    over one paragraph, most of its paragraphs alone between lines that are not prose: the
    line before that marker. A box of related links inside the body has no dates, and the
    body's paragraphs after it follow each other; else ``last``."""
    for i in range(first + 1, last + 1):
        if not ends_body(lines[i]):
            continue
        after = range(i + 1, last + 1)
        dated = sum(1 for k in after if _DATE_ALONE.match(lines[k]))
        prose = [k for k in after if classes[k] in _PROSE]
        alone = [
            k
            for k in prose
            if classes[k - 1] not in _PROSE
            and (k + 1 >= len(lines) or classes[k + 1] not in _PROSE)
        ]
        if dated >= LISTING_DATES or (len(alone) >= LISTING_DATES and 2 * len(alone) >= len(prose)):
            return i - 1
    return last


# The writer's box: how far above the body the writer's name may stand (the byline), and how
# many lines of prose after the box's first line may still be inside the body's run.
BYLINE_REACH = 40
BOX_PROSE = 4
_NAME_OPENS = re.compile(r"^(?:by\s+)?([A-Z][\w'’-]+(?: [A-Z][\w'’.-]+){1,2})(?=[\s,|·•]|$)")


def _before_the_writers_box(lines: Sequence[str], first: int, last: int) -> int:
    """The body's last line when its run goes on into the writer's box: a line of the
    writer's name alone, or after a word or a few ("About Jane Doe", in any language), whose name
    opens a short line above it (the byline) and stands in a line of prose next to it
    (the bio: "Jane Doe is ...", "... Jane Doe has reported ..."), with a few lines of prose
    at most after it in the run. The line before it too when it is the bio. Else ``last``."""
    for i in range(first + 2, last + 1):
        words = lines[i].split()
        if _SENTENCE_END.search(lines[i]) or len(words) > 5:
            continue
        names = {
            m.group(1)
            for k in range(max(0, first - BYLINE_REACH), i - 1)
            if len(lines[k]) <= 100
            and not _SENTENCE_END.search(lines[k])
            and (m := _NAME_OPENS.match(lines[k]))
        }
        for name in names:
            n = len(name.split())
            if " ".join(words[-n:]) != name or len(words) > n + 3:
                continue
            near = [k for k in (i - 1, i + 1, i + 2) if first <= k <= last and name in lines[k]]
            after = sum(1 for k in range(i + 1, last + 1) if len(lines[k]) >= LENGTH_LOW)
            if not near or after > BOX_PROSE:
                continue
            bio = lines[i - 1].startswith(name + " ")
            return i - 2 if bio else i - 1
    return last


# A box of related links inside the body has this many lines at most.
BOX_LINES = 8


def _through_a_box_to_the_cut(
    lines: Sequence[str], classes: Sequence[str], stop: frozenset[str], last: int
) -> int:
    """The body's last line when the page's text was cut off by a size cap (its last line
    stops mid-sentence): a box of related links inside the article (a few lines of links
    and headlines) leaves the article's last paragraphs after it out of the heaviest run,
    as nothing follows them; they are its body. Else ``last``."""
    if not lines or last >= len(lines) - 1:
        return last
    tail = lines[-1]
    # a sentence cut off after a few words has a stop word ("Despite the paucity of rol"); a
    # menu's last item has none
    few = len(tail.split()) < 6 and not (len(tail.split()) >= 3 and stopword_density(tail, stop))
    if _SENTENCE_END.search(tail) or few or is_headline_shaped(tail, stop):
        return last
    box = [i for i in range(last + 1, len(lines) - 1) if classes[i] not in _PROSE]
    after = [i for i in range(last + 1, len(lines) - 1) if classes[i] in _PROSE]
    if not after or len(box) > BOX_LINES or any(i > after[0] for i in box):
        return last
    if any(ends_body(lines[i]) and starts_comments(lines[i]) for i in box):
        return last
    return len(lines) - 1


# An article's subheading: a few words, no sentence end.
SUBHEADING_WORDS = 6
# The article's own subheadings inside the body's run, of one shape, at least this many.
MIN_SUBHEADINGS = 2


def _heading_shape(line: str, stop: frozenset[str]) -> str | None:
    """The shape of a subheading ("capitals" or "title"), or None for any other line."""
    words = line.split()
    if not words or len(words) > SUBHEADING_WORDS or _SENTENCE_END.search(line):
        return None
    letters = [c for c in line if c.isalpha()]
    if len(letters) >= 3 and all(c.isupper() for c in letters):
        return "capitals"
    if len(words) >= 2 and is_headline_shaped(line, stop):
        return "title"
    return None


def _through_later_sections(
    lines: Sequence[str], classes: Sequence[str], stop: frozenset[str], first: int, last: int
) -> int:
    """The body's last line when the article goes on after its run with one more section:
    a subheading of the shape that heads :data:`MIN_SUBHEADINGS` or more of the article's
    sections inside the run ("US FALLS", "FRANCE WINS" over each part of a round-up), then
    its paragraphs of prose. A last section's short paragraphs, cut from the run by its
    heading's cost, are the article's; a listing after the article has no such heading over
    prose. Else ``last``.

    >>> lines = ["The league opened on Monday with three games in the north of the city.",
    ...     "NORTH WINS", "The north side won the first game by two goals at home tonight.",
    ...     "WEST FALLS", "The west side lost its game to the south by a single goal late.",
    ...     "SOUTH AHEAD", "The south side leads.", "More from the Courier"]
    >>> _through_later_sections(lines, ["good", "bad", "good", "bad", "good", "bad",
    ...     "short", "bad"], frozenset({"the", "on", "by", "a", "at", "in", "of", "to",
    ...     "with"}), 0, 4)
    6
    """
    shapes = Counter(
        shape
        for i in range(first + 1, last)
        if (shape := _heading_shape(lines[i], stop))
        and classes[i + 1] in _PROSE
        and classes[i - 1] in _PROSE
    )
    while last + 2 < len(lines):
        shape = _heading_shape(lines[last + 1], stop)
        if not shape or shapes[shape] < MIN_SUBHEADINGS or ends_body(lines[last + 1]):
            break
        end = last + 2
        while end < len(lines) and (
            classes[end] in _PROSE or (classes[end] == "short" and is_prose(lines[end], stop))
        ):
            end += 1
        if end == last + 2:
            break
        last = end - 1
    return last


# How many lines (a byline, a date, share buttons) may stand between a headline and its lede.
LEDE_GAP = 5


def _lede_under_headline(
    lines: Sequence[str],
    classes: Sequence[str],
    good: Sequence[bool],
    stop: frozenset[str],
    head: int | None,
    first: int,
) -> tuple[int, int] | None:
    """The article's opening paragraphs when they stand right under its headline (a byline,
    a date, share buttons between: short lines, no prose) and a box (a video, a product
    list, "Don't miss") cuts them from the heavier run the body's span starts with: their
    span of lines, else None. Only good lines of prose in a row count, so a teaser alone is
    not a lede."""
    if head is None or first <= head + 1:
        return None
    k = head + 1
    while k < min(first, head + 1 + LEDE_GAP) and classes[k] != "good":
        if classes[k] in _PROSE or len(lines[k]) >= LENGTH_LOW:
            return None
        k += 1
    if k >= first or classes[k] != "good":
        return None
    end = k
    while end + 1 < first and good[end + 1] and classes[end + 1] in _PROSE:
        end += 1
    if end == k or not all(is_prose(lines[i], stop) for i in range(k, end + 1)):
        return None  # a lede of one line alone is a standfirst or a teaser
    return k, end


# A related story's headline that a page sets between an article's paragraphs has this many
# words or more (a subheading of the article is often shorter, and uses its words).
TEASER_WORDS = 5


def _stems(line: str, stop: frozenset[str]) -> set[str]:
    return {w[:5] for w in _content_words(line, stop) if len(w) > 3}


def _drop_inline_teasers(
    lines: Sequence[str],
    keep: list[bool],
    classes: Sequence[str],
    items: Sequence[bool],
    stop: frozenset[str],
) -> None:
    """Leave out another story's headline set between the article's paragraphs ("Man Shot
    at Gas Station Dies at Hospital" inside a report of a rescue): a kept line shaped like a
    headline, of :data:`TEASER_WORDS` words or more, that uses none of the words of the
    article's prose (by their first five letters)."""
    prose = [i for i, k in enumerate(keep) if k and classes[i] in _PROSE]
    for i, line in enumerate(lines):
        if not keep[i] or items[i] or classes[i] in _PROSE or len(line.split()) < TEASER_WORDS:
            continue
        # alone between two paragraphs of prose: a list's rows and a section's heading
        # over a list are not
        if not (0 < i < len(lines) - 1 and classes[i - 1] in _PROSE and classes[i + 1] in _PROSE):
            continue
        if not is_headline_shaped(line, stop):
            continue
        vocab = {w for k in prose if k != i for w in _stems(lines[k], stop)}
        if vocab and not _stems(line, stop) & vocab:
            keep[i] = False
