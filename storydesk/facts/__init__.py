"""Numeric facts: counts and amounts with what they count, and how sources compare.

:func:`extract_facts` is a pure function of an article (cleaned text, publication date) and
its spaCy ``Doc`` (the pipeline of :func:`storydesk.nlp.load_pipeline`, with NER). It
returns :class:`Fact` records whose ``text == article.text[start:end]``.

What is a fact, and what is not:

* **Facts**: numbers the NER labels CARDINAL, MONEY, QUANTITY or PERCENT, and numbers it
  missed that count a noun, written in digits ("572", "86,000", "1.8 million", "$4.4
  billion", "$57m", "20%") or words ("Fifteen", "twenty-seven", "a dozen"), that count or
  measure something the parse names: the noun they count ("572 Palestinians"), the verb
  whose subject or object that is, or the toll or total they are the value of ("the death
  toll rose to 798", "put the number of terrorists killed at around 1,000"). A bare number
  with nothing to say what it counts is not kept.
* **Not facts**: dates, times, durations and ages (NER DATE / TIME: "14-day",
  "72-year-old"; also "aged 72" and "Name, 72,"), ordinals, years, phone numbers and other
  digit groups ("555-1234"), identifiers ("Resolution 1701", "Flight 17"), ranges
  ("20-40,000"), and vague quantities ("dozens", "hundreds of people"): they have no value
  a source could be checked against. Nor is a multiplier or a frequency ("40 times the
  safe level", "scored four times"), "one of the X" or one generic thing ("just one
  problem"), a number before "the" ("expand by five the pool"), or two numbers run
  together in the page's text ("lost eight of their nine 10 games"): none counts a thing.
* A number is money only with a currency: "Delhi's more than 10 million vehicles" counts
  vehicles, whatever the NER's label. A proportion ("eight out of ten companies", "three in
  four voters") is one share in percent, named as "70% of companies" would be.
* A small count (below ten) of things that are not people and that no casualty or other
  verb class names ("two phones", "two critical reports") is kept but not ``comparable``:
  it is no key figure of a story.
* Percentages are facts with unit ``%``. Money and percentages are named by what they
  price or measure, and whose (:mod:`~storydesk.facts.priced`): "deal (USD)", "share price
  (USD)", "emergency fund (USD)", "Smith share (%)", "donors pledged (USD)".

Each fact has ``value`` (a number, scaled: "1.8 million" -> 1800000), ``unit`` (a currency
code for money, ``%``, the measure word of a quantity, else the counted noun, ``people`` for
people), ``what`` (the counted thing and what happened to it, normalised for grouping:
"Palestinians killed", "people killed", "rockets fired", "reservists called up"; the
casualty vocabulary kill / die / dead / death toll / lives claimed is all "killed", wound /
injure / hurt "wounded", and so on, see :data:`VERB_CLASSES`), ``qualifier`` ("at least",
"more than", "about", "nearly", "up to", "less than" or ``None``), ``total`` (a running
total: a toll, "so far", "since ...", "the number of ..."), ``comparable`` (false when the
figure names no counted thing, or nothing said of it: "80 Britons", "four of them", a bare
"$57"), ``place`` ("in Mexico", when the clause names where the counted thing is), and
``as_of``: the date stated in
the clause ("On Tuesday alone, the conflict claimed the lives of at least 20") resolved with
:func:`storydesk.timeline.find_time_expressions`, else the publication date (``None`` if
the article has none).

:func:`group_facts` compares the facts of a story's articles: see its docstring.

The package: :mod:`~storydesk.facts.amounts` (the value of a number phrase),
:mod:`~storydesk.facts.spans` (number phrases in the parse, and those that are not facts),
:mod:`~storydesk.facts.verbs` (what happened to the counted thing),
:mod:`~storydesk.facts.reading` (what a number counts), :mod:`~storydesk.facts.priced`
(what an amount prices), :mod:`~storydesk.facts.extract`
(:func:`extract_facts`) and :mod:`~storydesk.facts.group` (:func:`group_facts`, JSON).

>>> import datetime as dt
>>> from storydesk.model import Article
>>> from storydesk.nlp import load_pipeline
>>> text = "At least 20 people were killed on Tuesday."
>>> a = Article("a", "a.txt", text, published=dt.date(2012, 11, 21))
>>> [(f.text, f.value, f.what, f.qualifier, str(f.as_of))
...  for f in extract_facts(a, load_pipeline()(text))]
[('At least 20 people', 20, 'people killed', 'at least', '2012-11-20')]
"""

from __future__ import annotations

from .amounts import parse_amount
from .extract import HISTORIC_DAYS, extract_facts
from .group import STATUSES, facts_json, group_facts
from .verbs import VERB_CLASSES

# The public API, and the constants that were public before the split.
__all__ = [
    "HISTORIC_DAYS",
    "STATUSES",
    "VERB_CLASSES",
    "VERSION",
    "extract_facts",
    "facts_json",
    "group_facts",
    "parse_amount",
]

VERSION = "facts-5"
