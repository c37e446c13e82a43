"""Article text as a reader wants it: boilerplate gone, repeats kept once, sentences unglued.

:func:`clean_text` is idempotent (``clean_text(clean_text(x)) == clean_text(x)``) and only
ever drops whole paragraphs that match a boilerplate rule or repeat an earlier one. Its
output is the text every offset in storydesk refers to. Paragraphs are separated by one
blank line.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from itertools import pairwise

import ftfy

from .furniture import looks_like_page, page_body

__all__ = [
    "DATELINE",
    "clean_article",
    "clean_text",
    "cut_off",
    "drop_partial_sentence",
    "is_boilerplate",
    "is_insert",
    "paragraphs",
]

# A boilerplate rule only removes a paragraph up to this many words: a long paragraph that
# happens to mention cookies or a privacy policy is content. Reader contact forms run long
# and have wording no article uses, so their rules may remove longer paragraphs.
_MAX_BOILERPLATE_WORDS = 50
_MAX_FORM_WORDS = 140

_BOILERPLATE = [
    re.compile(p, re.IGNORECASE)
    for p in (
        # cookie and consent notices
        r"\bcookies?\b.{0,60}\b(agree|accept|consent|policy|settings|continu\w*|browsing|browse)\b",
        r"\b(agree|accept|consent|continu\w*|browsing|browse)\b.{0,60}\bcookies?\b",
        r"^(we|this (site|website)) (use|uses) (cookies|tracking)",
        r"\bmanage (your )?(consent|privacy) (preferences|settings)\b",
        # media players, captions and credits
        r"^media playback is (unsupported|not supported|unavailable)",
        r"^(image|media|video|photo|picture|audio) ?(caption|copyright|credit)(?-i:(?![a-z]))",
        r"^(photo|photograph|picture|image|video|file photo|graphic)s?\s*(:|/|\||by\b)",
        r"^\(?(photo|image|picture)s?:? (by|courtesy|credit)\b",
        r"\b(ap|afp|reuters|epa|getty images?|afp/getty images|shutterstock|anadolu)"
        # (a credit's name is a few words: "ePA/ePF und ... Lösungen." in prose is none)
        r"( photo| via getty images)?\s*(/|\|)\s*[\w .'-]{1,40}\)?$",
        r"^\(?(ap|afp|reuters|epa) photo\b",
        r"^(credit|source|copyright|©)\s*:",
        r"^(copyright|©)\s*(\d{4}|\w+)",
        r"\ball rights reserved\b",
    )
]
_FORM = [
    re.compile(p, re.IGNORECASE)
    for p in (
        # reader call-outs and contact forms
        r"\b(send|share|tell) us (your|about)\b",
        r"^(are|were) you (in|at|near|affected|there|caught)\b.*\?",
        r"^(have|has) (you|your family) been affected\b",
        r"\b(using|use|fill in|complete) the form below\b",
        r"^your contact details$",
        r"\bif you are happy to be contacted\b",
        r"^(terms (and|&) conditions|terms of (use|service))\.?$",
        r"^(the )?(\w+'s )?privacy (policy|notice|statement)\.?$",
        r"^(read|see|please read) (our|the) (terms|privacy|house rules|community)",
        r"\byour (comments?|contact details) will (never )?be published\b",
        # a long author box: "Mira Holt (@mholt) is a freelance writer based in ... Her work
        # has appeared in ... Follow her on Twitter." (the writer's own words, not news)
        r"^(?-i:[A-Z][\w'’-]+(?: [A-Z][\w.'’-]+){1,3})(?: \([^)]{1,60}\))? is (a|an|the) "
        r"([\w-]+,? ){0,4}(reporter|correspondent|writer|editor|journalist|columnist|"
        r"educator|author|contributor|producer|photographer)\b(?=.*\b(follow (him|her|them)|"
        r"twitter|has appeared|based in|previously|joined)\b)",
        # a press release's paragraph about the company, with or without its "About X"
        # heading: the company as subject of "is headquartered in" or "is a leading
        # provider of", and its size, offices, listing or address in the same paragraph
        r"^(?-i:[A-Z][\w&.'’-]*(?: (?:[A-Z][\w&.'’-]*|&|of|and)){0,5})(?: \([^)]{1,60}\))?,? "
        r"(is|are) (headquartered|based) in\b(?=.*\b(employs|employees|subsidiaries|"
        r"listed on|nyse|nasdaq|www\.))",
        r"^(?-i:[A-Z][\w&.'’-]*(?: (?:[A-Z][\w&.'’-]*|&|of|and)){0,5})(?: \([^)]{1,60}\))?,? "
        r"(is|are) (a|an|the) (leading|global|world'?s? leading|world-leading|premier|pioneering|"
        r"trusted|fast-growing|largest)\b.{0,80}\b(provider|supplier|company|manufacturer|"
        r"developer|maker|firm|platform|leader|group)\b(?=.*\b(employs|employees|"
        r"subsidiaries|headquartered|founded in|listed on|nyse|nasdaq|www\.|"
        r"for more information))",
        r"\bforward-looking statements?\b.{0,200}\b(within the meaning|risks and "
        r"uncertainties|private securities litigation reform)\b",
    )
]
_BOILERPLATE += [
    re.compile(p, re.IGNORECASE)
    for p in (
        # a contact prompt: short, or it is a paragraph of prose that gives an address in
        # passing ("As always, you're welcome to email us at ...")
        r"\b(get in touch|contact us|email us|whatsapp us)\b.*\b(email|form|number|whatsapp|@)",
        # share, follow, subscribe prompts and navigation
        r"^(share|tweet|email|print|save|copy link|comment)( (this|the) (article|story|page|link))?"
        r"( (on|via|with) \w+( \w+)?)?\s*[:!.]?$",
        r"^(share|follow) (us|this)\b.*\b(facebook|twitter|instagram|whatsapp|linkedin|x|email)\b",
        r"^(subscribe|sign up|register)\b.*"
        r"\b(newsletter|updates|alerts|free|daily|briefing|inbox)\b",
        r"\bsubscribe to (our|the) \w+",
        r"^(download|get) (our|the) (free )?app\b",
        r"^(click|tap) here\b",
        r"^(advertisement|advertising|sponsored( content)?|ad feedback|story continues below)$",
        r"^(related|read more|more on this story|most read|recommended|see also)\s*[:|]?"
        r"(\s.*)?$",
        r"^(skip to (main )?content|back to top|jump to)\b",
        r"^(update|updated|last updated|published|posted) (on |at )?\d",
        # page metadata: "Publication date: ...", a citation's "accessed ...", site counters
        r"^.{0,40}\b(publication|publishing|release|posting) date\s*:",
        r"^(first |originally )?(published|posted)( on| at)?\s*:",
        r"^\(?(last )?(accessed|retrieved)( on)?:? \d",
        r"\b(accessed|retrieved)( on)? (\d{1,2} [a-z]+|[a-z]+ \d{1,2}),? \d{4}[.)]*$",
        r"^(more than|over|nearly|almost|join) [\d,.]+ ?(k|m|million|thousand)? "
        r"(readers|subscribers|people|members|followers|visitors)\b.{0,80}"
        r"\b(read|follow|subscribe|trust|visit|join|rely|turn to|count on)",
        # a caption that ends with its credit: "... on Monday. (Photo: Jane Doe)"
        r"\((photo|image|picture|credit|pic)s?\s*:\s*[^)]{1,60}\)$",
        # contributor and production credits
        r"\bcontributed (reporting |to this (report|article|story))",
        r"^(additional |with )?reporting (by|from)\b",
        r"^(writing|editing|edited|compiled|produced) by\b",
        r"^\(?(reporting|writing) by .{0,120}(editing|additional reporting) by\b",
        # an author box: "Jane Doe covers transport for the Voice." / "Jane Doe is a senior
        # correspondent at the Herald." (a short paragraph: a longer one is content)
        r"^(?-i:[A-Z][\w'’-]+(?: [A-Z][\w.'’-]+){1,3}) (covers|reports on|writes about|"
        r"has (covered|reported on)) .{0,120}\b(for|at) (the )?(?-i:[A-Z])",
        r"^(?-i:[A-Z][\w'’-]+(?: [A-Z][\w.'’-]+){1,3}) is (a|an|the) ([a-z]+ ){0,3}"
        r"(reporter|correspondent|writer|editor|journalist|columnist)\b.{0,60}\b(for|at) "
        r"(the )?(?-i:[A-Z])",
        # a press release's legal notice and its contacts
        r"^(media|press|investor( relations)?) contacts?\s*:",
        # "Jane Doe is the Courier's deal curator and ...": a short bio with the outlet's name
        r"^(?-i:[A-Z][\w'’-]+(?: [A-Z][\w.'’-]+){1,3}) is (the )?(?-i:[A-Z])[\w&.' -]{0,40}['’]s "
        r"([a-z-]+ ){0,3}(reporter|correspondent|writer|editor|journalist|columnist|curator|"
        r"contributor|producer|critic|analyst|host)\b",
        # a byline with the writer's handle: "Jane Doe @janedoe / 2 days"
        r"^(?-i:[A-Z][\w'’-]+(?: [A-Z][\w.'’-]+){1,3})\s+@\w+(\s*[/|·•-]\s*.{0,30})?$",
        # how to reach the writer: "Have a tip? Jane Doe may be reached at jdoe@... ."
        r"\b(may|can) be (reached|contacted) (at|by|via|on)\b.{0,80}(@|\bemail\b|\btwitter\b)",
        r"^(written|posted|words|reported|story|text) by [A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,3}"
        r"(\s*[,|/-].{0,60}| on .{0,40})?$",
        r"^(?-i:[A-Z][\w'’-]+(?: [A-Z][\w.'’-]+){1,3}),? (staff|senior|contributing|"
        r"special|chief|political|foreign)? ?(writer|reporter|correspondent|contributor)$",
        # a byline with its date: "Jane Doe | Meridian Press | March 9, 2026", "By Jane Doe
        # Updated 9:14 AM EST, Mon March 9, 2026"
        r"^(by )?(?-i:[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3})(\s*[|·•,]\s*[\w .'’&-]{1,40}?){0,2}"
        r"\s*[|·•,]?\s*((updated|published|posted)\b\s*:?\s*)?([\d:. apmest]+,?\s*)?"
        r"([a-z]{3,9},?\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+"
        r"\d{1,2},?\s+\d{4}\W*$",
        # a byline alone on its line: "By Jane Doe", "Jane Doe ," "Jane Doe | Herald"
        r"^by [A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,3}( and [A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,3})?"
        r"(\s*[,|/-].{0,60})?$",
    )
]
# A promotion or a caption, which a page may put inside the article's text: a sentence
# that matches is never the article's (summaries leave it out too, see is_insert).
_INSERTS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        # the site's own promotions: newsletters, alerts, its app, its forums ("Get
        # breaking news alerts and special reports.", "Click to subscribe!")
        r"^(get|receive|sign up|subscribe|register|join|download|follow|listen|"
        r"start your day|stay (up to date|informed|in the know|connected)|never miss|"
        r"don'?t miss|be the first|want more)\b.{0,120}\b(newsletters?|alerts?|inbox|"
        r"e-?mails?|app|subscriptions?|podcasts?|forums?|special reports|breaking news|"
        r"briefing|updates)\b",
        r"\b(click|tap) (here )?to (subscribe|sign up|download|read more|watch|listen)\b",
        r"\bdelivered (to your inbox|(every|each) ?(weekday|day|morning|week)|weekday mornings)",
        r"^follow\b.{0,60}\bon (facebook|twitter|instagram|x|linkedin|tiktok|youtube|threads)\W*$",
        # a photo caption: a picture agency's date with its weekday ("..., Tuesday, March
        # 10, 2026, in ...": an article says "on Tuesday"), a credit or a file-photo note
        r"^(?!.*\b(said|says|told|according to|will|would)\b).*\b(mon|tues|wednes|thurs|"
        r"fri|satur|sun)day,? (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? "
        r"\d{1,2},? \d{4}\b",
        r"\(((ap|afp|epa) )?(photo|image|picture|pic)s? (by|courtesy|credit)\b[^)]{1,100}\)\.?$",
        r"\((?-i:AP|AFP|Reuters|EPA|Getty|Xinhua)( photo)?/[^)]{1,80}\)\.?$",
        r"[.!?][\"”’)]*\s+(?-i:Getty(?: Images)?|AFP|Shutterstock|iStock|Alamy|Reuters|AP|EPA)$",
        r"\s/\s*(?-i:AP|AFP|Reuters|EPA|Getty Images)( file( photo)?)?$",
        r"^(in )?this\b.{0,60}\bfile (photo|image|picture)\b",
        # a caption written as a sentence: "This satellite image from ... shows fires ..."
        r"^(?!.*\b(said|says|told|according to)\b)(this|the|a|an|in this) ([\w’'-]+ ){0,4}"
        r"(image|photo|photograph|picture|map|graphic|screenshot|still)\b.{0,80}"
        r"\b(shows|showing|taken|released by|provided by|obtained by)\b",
        # a subscription's promotion: "12 issues for £11.99", "for as little as Rs 599 for
        # the first year" (not "Use code ...": a deals article's own line)
        r"\b\d+ issues? for\b",
        r"\bfor as little as\b.{0,80}\b(first (year|month)|a (month|year)|per (month|year))\b",
        # where someone or something stands in the picture: "A man rides past the settlement
        # (background) on November 19, 2026.", "Rescuers (L) carry ..."
        r"^(?!.*\b(said|says|told|according to)\b).*\((background|foreground|left|centre|"
        r"center|front|top|bottom|l|c|l to r|from left|2nd (l|left|r|right))\)",
    )
]
_BOILERPLATE += _INSERTS
_BYLINE_ALONE = re.compile(r"^[A-Z][\w'’-]+(?: [A-Z][\w.'’-]+){1,3}\s*,$")
# A dateline on its own line: "CAIRO", "PORT AVERLY, Caldonia, March 10 (Meridian Press) -".
_DATELINE_ALONE = re.compile(
    r"^[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3}"
    r"(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?"
    r"(?:, [A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)?"
    r"\s*(?:\([A-Za-z .&-]{1,40}\))?\s*(?::|—|–|-{1,2})?$"
)
# A byline run into a dateline: "By Jane Doe, CAIRO (Reuters) - The army said ...", "By
# Jane Doe PORT AVERLY, Caldonia - ...", "By Jane Doe, Meridian Press PORT AVERLY, ...": "By"
# and a few capitalised words (names, "and", an agency), then a dateline. A page store's
# text may hold the byline's date and time too: "By Jane Doe | March 10, 2026 | CAIRO - ",
# "By Jane Doe · Updated 9:14 AM EST, Tue March 10, 2026 CAIRO - ".
_BYLINE_WORD = re.compile(
    r"(?:and|[A-Z][\w.'’&-]*,?|[|·•/]|(?:updated|published|posted|on|at),?|"
    r"\d{1,2}(?:st|nd|rd|th)?,?|\d{4},?|\d{1,2}[:.]\d\d,?|[ap]\.?m\.?,?)"
)
_MAX_BYLINE_WORDS = 16

_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_GLUED = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z])|(?<=[a-z]{2}[.!?][\"”’)])(?=[A-Z“\"])")
# A dateline opening a wire story: "PORT AVERLY, Caldonia, March 10 (Meridian Press) - ",
# "CAIRO (AFP) - ", "Cairo: ", "Springfield, IL, United States: ".
DATELINE = re.compile(
    r"^(?:[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3}"
    r"|[A-Z][a-z]+(?: [A-Z][a-z]+)?(?=(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?){0,2}\s*(?:\(|:)))"
    r"(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?){0,2}"
    r"(?:, [A-Z][a-z]{2,8}\.? \d{1,2})?"
    r"\s*(?:\([A-Za-z .&-]{1,40}\))?"
    r"\s*(?::|—|–|-{1,2})\s+"
)
_KEY = re.compile(r"[\W_]+")
# A paragraph whose words (this many characters of them or more) stand, in order, in the
# paragraphs before it repeats them; a shorter one must repeat one paragraph whole.
_MIN_CONTAINED_CHARS = 40
_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")

_QUOTE_MAP = {
    "„": "“",
    "‟": "“",
    "〝": "“",
    "〞": "”",
    "«": "“",
    "»": "”",
    "″": '"',
    "´": "'",
    "‛": "‘",
}


def paragraphs(text: str) -> list[str]:
    """Split text into paragraphs: blank-line blocks, and lines within a block unless the
    block is hard-wrapped prose (most lines stop mid-sentence), which is joined back."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        inner = lines[:-1]
        long_lines = sorted(len(line) for line in lines)[len(lines) // 2] >= 30
        # Hard-wrapped lines run to about the same width; a page's menu lines and its
        # paragraphs, one a line, do not.
        width = max(len(line) for line in lines)
        even = sum(1 for line in inner if len(line) >= 0.6 * width) >= 0.8 * len(inner)
        wrapped = (
            len(lines) > 2
            and long_lines
            and even
            and sum(1 for line in inner if not _SENTENCE_END.search(line)) > 0.5 * len(inner)
        )
        if wrapped:
            out.append(" ".join(lines))
        else:
            out.extend(_join_continued(lines))
    return out


def _join_continued(lines: list[str]) -> list[str]:
    """Lines joined where one stops mid-sentence at a line's width and the next goes on in
    lower case: a short hard-wrapped paragraph (two lines) that :func:`paragraphs` cannot
    tell by the evenness of its lines.

    >>> _join_continued(["The toll rose to 19 on Tuesday, the ministry said as", "crews dug."])
    ['The toll rose to 19 on Tuesday, the ministry said as crews dug.']
    >>> _join_continued(["Home", "news"])
    ['Home', 'news']
    """
    out = lines[:1]
    for line in lines[1:]:
        last = out[-1]
        if len(last) >= 40 and not _SENTENCE_END.search(last) and line[:1].islower():
            out[-1] = f"{last} {line}"
        else:
            out.append(line)
    return out


# A character ftfy (as :func:`_fix_characters` calls it) may change: anything but a tab, a
# line break, printable ASCII other than "&" (which may open an HTML entity) and the curly
# quotes “ ” ‘ ’ (which cleaning makes of `` and '': the fixpoint's second pass meets them).
# ASCII text holds no mojibake, ligature, wide form, surrogate, C1 or other control
# character, terminal escape, "\r" or un-normalised form. The curly quotes are four
# characters that continue a UTF-8 sequence once encoded (bytes 0x91-0x94 in the Windows
# code pages), or start one (0xD2-0xD5 in Mac Roman) that no byte of such text continues,
# so no re-decoding of the text as mojibake succeeds and ftfy returns it as it is.
_FTFY_MAY_CHANGE = re.compile(r"[^\t\n -%'-~“”‘’]")


def _fix_characters(text: str) -> str:
    """``ftfy.fix_text(text, uncurl_quotes=False, normalization="NFC")``, skipped for text
    it returns unchanged (:data:`_FTFY_MAY_CHANGE`): most news text, and ftfy took a third
    of cleaning.

    >>> _fix_characters("Caf\u00c3\u00a9 opens"), _fix_characters("“Cafe” opens")
    ('Café opens', '“Cafe” opens')
    """
    if not _FTFY_MAY_CHANGE.search(text):
        return text
    return ftfy.fix_text(text, uncurl_quotes=False, normalization="NFC")


def _normalise_characters(text: str) -> str:
    text = _fix_characters(text)
    text = _INVISIBLE.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("``", "“").replace("''", "”")
    for odd, fixed in _QUOTE_MAP.items():
        text = text.replace(odd, fixed)
    # A backtick between letters, or closing a plural possessive, is an apostrophe;
    # any other backtick opens a single quote.
    text = re.sub(r"(?<=\w)`(?=\w)|(?<=s)`(?=\s)", "'", text)
    text = text.replace("`", "‘")
    return unicodedata.normalize("NFC", text)


# A link's hover card that a page's text runs into the sentence: the person's name, the name
# again (perhaps with a middle name), the card's headlines, then "MORE" before the sentence
# goes on ("Rep. Jane Doe Jane Ann Doe Headline | Headline MORE (D-Ohio) said ..."). The card
# goes; the name stays.
_NAME_WORD = r"[A-Z][\w.'’-]+"
_HOVER_CARD = re.compile(
    rf"\b(?P<name>(?P<first>{_NAME_WORD})(?: {_NAME_WORD}){{0,2}} (?P<last>{_NAME_WORD})) "
    rf"(?P=first)(?: {_NAME_WORD}){{0,2}} (?P=last) [^\n]{{10,800}}? MORE(?= \()"
)


def _fix_paragraph(paragraph: str) -> str:
    paragraph = _SPACES.sub(" ", paragraph).strip()
    paragraph = _GLUED.sub(" ", paragraph)
    paragraph = _HOVER_CARD.sub(r"\g<name>", paragraph)
    return _cut_byline(paragraph)


def _cut_byline(paragraph: str) -> str:
    """A paragraph less a byline run into its dateline. The byline ends at a comma when
    one can ("By JANE DOE, CAIRO (Reuters) -"), else at the first word a dateline starts.

    >>> _cut_byline("By Jane Doe PORT AVERLY, Caldonia - The dam held.")
    'PORT AVERLY, Caldonia - The dam held.'
    """
    if not paragraph.startswith("By "):
        return paragraph
    words = list(re.finditer(r"\S+", paragraph))[: _MAX_BYLINE_WORDS + 2]
    cuts: list[int] = []
    for i in range(1, len(words) - 1):
        if not _BYLINE_WORD.fullmatch(words[i].group()):
            break
        cuts.append(i + 1)
    by_comma = [i for i in cuts if words[i - 1].group().endswith(",")]
    for i in [*by_comma, *cuts]:
        rest = paragraph[words[i].start() :]
        if DATELINE.match(rest):
            return rest
    return paragraph


def is_boilerplate(paragraph: str) -> bool:
    """Whether a whole paragraph is page furniture rather than article content."""
    words = len(_WORD.findall(paragraph))
    if words <= _MAX_FORM_WORDS and any(rule.search(paragraph) for rule in _FORM):
        return True
    if words > _MAX_BOILERPLATE_WORDS:
        return False
    if _BYLINE_ALONE.match(paragraph) or _DATELINE_ALONE.match(paragraph):
        return True
    return any(rule.search(paragraph) for rule in _BOILERPLATE)


def is_insert(sentence: str) -> bool:
    """Whether a sentence is the page's promotion or a photo caption, not the article's:
    "Get breaking news alerts and special reports.", "Click to subscribe!", "Rescue crews on
    Quay Street, Tuesday, March 10, 2026.", a credit at its end."""
    return len(_WORD.findall(sentence)) <= _MAX_BOILERPLATE_WORDS and any(
        rule.search(sentence.strip()) for rule in _INSERTS
    )


def _key(paragraph: str) -> str:
    return _KEY.sub(" ", DATELINE.sub("", paragraph)).strip().lower()


def _is_caption_like(paragraph: str) -> bool:
    return len(_WORD.findall(paragraph)) <= 15 and not _SENTENCE_END.search(paragraph)


# The end of a sentence inside a paragraph: closing punctuation, then a space and a capital,
# a digit or an opening quote (an initial or a title such as "Dr." is not one).
_SENTENCE_BREAK = re.compile(
    r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bNo)(?<!\bGen)"
    r"(?<!\bSen)(?<!\bRep)(?<!\bGov)(?<!\bLt)(?<!\bCol)(?<!\bSgt)(?<!\bProf)"
    r"[.!?…][\"'”’)\]]*(?=\s+[\"“‘'(]?[A-Z0-9])"
)
# Where to cut text that stops mid-sentence: also before a lower-case word, after a
# sentence end that follows a word of three or more lower-case letters (no abbreviation
# such as "U.S." or "a.m."): "... on independence. new" keeps its sentence.
_LOOSE_BREAK = re.compile(r"(?<=[a-z]{3})[.!?…][\"'”’)\]]*(?=\s)")
# A link that ends a paragraph: an embedded post's "pic.twitter.com/..." or a site's address.
_LINK_END = re.compile(
    r"(?:https?://|www\.|pic\.twitter\.com/)\S+$|\b[\w-]+\.(?:com|org|net|gov|co\.uk)(?:/\S*)?$"
)
# A paragraph this long that ends without closing punctuation was cut off, not written so.
_MIN_CUT_WORDS = 6


def cut_off(text: str) -> bool:
    """Whether text ends mid-sentence, as text cut by a size cap does: its last paragraph is
    prose (several words, not a headline) with no closing punctuation.

    >>> cut_off("The river rose.\\n\\nOfficials said the water would recede by")
    True
    >>> cut_off("The river rose.\\n\\nPhoto: Jane Doe")
    False
    """
    text = text.rstrip()
    last = text.rsplit("\n", 1)[-1].strip()
    words = _WORD.findall(last)
    if len(words) < _MIN_CUT_WORDS or _SENTENCE_END.search(last):
        return False
    if last[-1] in "»”\"')]":  # a closing quote or bracket: a quote, a credit, a parenthesis
        return False
    # an embedded post ends with its picture's link, a note with a site's address
    if _LINK_END.search(last):
        return False
    # A headline or a credit line: most words capitalised.
    lower = sum(1 for w in words if w[0].islower())
    return lower >= len(words) / 3


def drop_partial_sentence(text: str) -> str:
    """``text`` less its unfinished last sentence when it ends mid-sentence (see
    :func:`cut_off`); the same text otherwise.

    >>> drop_partial_sentence("The river rose. Officials said the water would recede by")
    'The river rose.'
    >>> drop_partial_sentence("The court ruled on Thursday on independence. new and the")
    'The court ruled on Thursday on independence.'
    """
    paras = text.split("\n\n")
    return "\n\n".join(_drop_partial_sentence(paras))


def _drop_partial_sentence(paras: list[str]) -> list[str]:
    """Leave out the unfinished last sentence of text cut off by a size cap (its last
    paragraph back to its last sentence end; the whole paragraph when it has none), unless
    nothing would be left."""
    if not paras or not cut_off(paras[-1]):
        return paras
    last = paras[-1]
    end = max(
        (m.end() for pattern in (_SENTENCE_BREAK, _LOOSE_BREAK) for m in pattern.finditer(last)),
        default=0,
    )
    if end:
        return [*paras[:-1], last[:end]]
    return paras[:-1] if len(paras) > 1 else paras


def clean_text(text: str, title: str | None = None, *, page: bool | None = None) -> str:
    """Clean an article's text.

    Removes boilerplate paragraphs, keeps a repeated paragraph once (a dateline prefix such
    as ``CAIRO:`` does not make it different), drops short captions that repeat, drops a
    first paragraph that only repeats the title, splits glued sentences and normalises
    quote marks.

    With ``page=None`` text that looks like a whole page's (menus, sidebars, comments: see
    :mod:`storydesk.furniture`) is cut down to its article line by line; ``page=False``
    (text an HTML reader already extracted) skips that. Text cut off mid-sentence by a size
    cap loses its unfinished last sentence.

    >>> clean_text("Talks resumed.Kerry arrived.\\n\\nShare this article")
    'Talks resumed. Kerry arrived.'
    """
    return clean_article(text, title, page=page)[0]


def clean_article(
    text: str, title: str | None = None, *, page: bool | None = None
) -> tuple[str, bool]:
    """:func:`clean_text`, and whether the text was cut off mid-sentence (its unfinished
    last sentence left out).

    >>> clean_article("The river rose.\\n\\nOfficials said the water would recede by")
    ('The river rose.', True)
    """
    truncated = False
    # Each step is meant to be idempotent, but ftfy, the quote rules and whitespace rules can
    # hand each other new work on odd input (a C1 control next to a no-break space): run the
    # whole pass to a fixpoint, so that cleaning clean text never changes it.
    for _ in range(5):
        cleaned, cut = _clean_once(text, title, page)
        truncated = truncated or cut
        if cleaned == text:
            break
        text = cleaned
    return text, truncated


# A line that heads this many different paragraphs or more is the article's own: the same
# question put to each guest of an interview, a row label of a table.
MIN_HEAD_REPEATS = 3


def _repeated_heads(keys: list[str]) -> set[str]:
    """Keys of paragraphs that recur at least :data:`MIN_HEAD_REPEATS` times, each time
    before a different paragraph and after a different one: the same question put to each
    guest ("What got you cooking?" then each one's answer), a table's row label. A block that
    repeats whole (a print copy, a teaser) repeats its neighbours too.

    >>> _repeated_heads(["q", "a1", "q", "a2", "q", "a3", "x", "y", "x", "y"])
    {'q'}
    """
    around: dict[str, set[tuple[str, str]]] = {}
    for i, key in enumerate(keys):
        prev = keys[i - 1] if i else ""
        nxt = keys[i + 1] if i + 1 < len(keys) else ""
        around.setdefault(key, set()).add((prev, nxt))
    counts = Counter(keys)
    return {
        key
        for key, seen in around.items()
        if key
        and counts[key] >= MIN_HEAD_REPEATS
        and len({prev for prev, _ in seen}) == counts[key]
        and len({nxt for _, nxt in seen}) == counts[key]
    }


# A table's row label is shorter than a line of prose (furniture.LENGTH_LOW).
ROW_CHARS = 70


def _table_rows(keys: list[str], paras: list[str]) -> set[str]:
    """Keys of short paragraphs that recur at least :data:`MIN_HEAD_REPEATS` times with a
    paragraph found nowhere else between each two of them: the rows of a table that the
    article repeats under each of its headings (a meal plan's "Pre-workout meal" under each
    day's heading). A caption and its alt text repeat side by side; a box that repeats
    whole has nothing of its own between its copies.

    >>> keys = ["day 1", "to eat", "two eggs", "day 2", "to eat", "two eggs", "day 3",
    ...     "to eat", "two eggs", "x y", "x y"]
    >>> sorted(_table_rows(keys, [k.capitalize() for k in keys]))
    ['to eat', 'two eggs']
    """
    counts = Counter(keys)
    where: dict[str, list[int]] = {}
    for i, (key, p) in enumerate(zip(keys, paras, strict=True)):
        # a label of one word ("Video", "Photo:") marks what a page embeds, not a row
        # a longer row is no sentence (a pull quote repeats one of the article's sentences)
        row = len(p) < ROW_CHARS or not _SENTENCE_END.search(p)
        if key and counts[key] >= MIN_HEAD_REPEATS and row and " " in p:
            where.setdefault(key, []).append(i)
    # The lines between two rows differ from one row to the next (two plans' days may
    # repeat a day's dishes); a block repeated whole brings the same lines between each
    # two of its copies, and a caption's alt text stands right beside it.
    gaps = {key: [tuple(keys[a + 1 : b]) for a, b in pairwise(at)] for key, at in where.items()}
    rows = {
        key
        for key, between in gaps.items()
        if all(between) and all(g != h for g, h in pairwise(between))
    }
    if not rows:
        return rows
    # Inside the table (from its first row to its last), a row that recurs only twice is
    # a row too (two days with the same dish), when its copies are apart.
    at = [i for i, key in enumerate(keys) if key in rows]
    copies: dict[str, list[int]] = {}
    for i, (key, p) in enumerate(zip(keys, paras, strict=True)):
        row = len(p) < ROW_CHARS or not _SENTENCE_END.search(p)
        if key and key not in rows and counts[key] >= 2 and at[0] < i < at[-1] and row:
            copies.setdefault(key, []).append(i)
    rows |= {
        key
        for key, seen in copies.items()
        if len(seen) == counts[key] and all(b > a + 1 for a, b in pairwise(seen))
    }
    return rows


def _clean_once(text: str, title: str | None, page: bool | None) -> tuple[str, bool]:
    paras = [_fix_paragraph(p) for p in paragraphs(_normalise_characters(text))]
    paras = [p for p in paras if p]
    if page is not False and looks_like_page(paras, is_boilerplate):
        paras = page_body(paras, is_boilerplate, title)
    paras = [p for p in paras if not is_boilerplate(p)]
    keys = [_key(p) for p in paras]
    counts = Counter(keys)
    heads = _repeated_heads(keys) | _table_rows(keys, paras)
    title_key = _key(_fix_paragraph(_normalise_characters(title))) if title else None
    kept: list[str] = []
    seen: set[str] = set()
    before = " "  # the keys of the kept paragraphs, run together
    for p in paras:
        key = _key(p)
        if not key or (not kept and key == title_key):
            continue
        # In text an HTML reader extracted (it leaves alt text out) a short line that
        # repeats is the article's own: a step of a recipe, the credit line of each
        # embedded post. In a page's text it is the alt text and caption of one picture.
        if _is_caption_like(p) and key not in heads:
            if page is not False and counts[key] > 1:
                continue
            if page is False:
                kept.append(p)
                continue
        # A paragraph the text already holds: a repeat, the whole article again on one line
        # (a page's summary or print copy), a teaser cut with "..." from the standfirst.
        if key in heads:
            kept.append(p)
            continue
        if key in seen or (len(key) >= _MIN_CONTAINED_CHARS and f" {key} " in before):
            continue
        seen.add(key)
        kept.append(p)
        before += f"{key} "
    whole = _drop_partial_sentence(kept)
    return "\n\n".join(whole), whole != kept
