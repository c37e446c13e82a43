from __future__ import annotations

from conftest import analyzed

from storydesk.settings import Settings, SummarySettings
from storydesk.summarize import get_summarizer
from storydesk.summarize.base import inside_quotation, is_clean_candidate
from storydesk.summarize.concepts import sentence_concepts
from storydesk.summarize.ilp import ILPSummarizer, candidates, concept_weights, solve, text_words

A = """Floods swept through Port Averly on Monday after the Kessen Dam burst, killing twelve people.

Rescue teams used boats to reach families stranded on rooftops in the Millbank district.

"It is the worst flood in living memory," he said.

The regional governor said the army would send more boats to Port Averly on Tuesday."""

B = """The Kessen Dam burst on Monday and floods swept through Port Averly, killing twelve people.

Interior Minister Rosa Elmquist promised an inquiry into why warnings about the dam went unheeded.

Rescue teams used boats to reach stranded families in the Millbank district, officials said."""

C = """Twelve people died when floods swept Port Averly after the Kessen Dam burst on Monday.

The army would send more boats to Port Averly on Tuesday, the regional governor said."""


def _story(nlp):
    return [analyzed(nlp, A, "a"), analyzed(nlp, B, "b"), analyzed(nlp, C, "c")]


def test_solve_finds_the_optimum_a_greedy_pick_misses():
    # One long sentence covers three concepts; two short ones cover four between them.
    sets = [{"a", "b", "c"}, {"a", "b"}, {"c", "d"}]
    weights = {k: 1.0 for k in "abcd"}
    assert solve(sets, [6, 3, 3], weights, 6, [1.0, 0.0, 0.0]) == [1, 2]
    assert solve(sets, [6, 3, 3], weights, 5, [1.0, 0.0, 0.0]) in ([1], [2])
    assert solve(sets, [6, 3, 3], {}, 6, [0, 0, 0]) == []


def test_concepts_are_bigrams_without_stop_word_pairs(nlp):
    [s] = analyzed(nlp, "The dam burst in the night.").sentences
    concepts = sentence_concepts(s)
    assert "dam burst" in concepts
    assert "in the" not in concepts
    assert all(" " in c for c in concepts)


def test_concept_weights_need_several_articles_and_known_ones_fade(nlp):
    story = _story(nlp)
    w = concept_weights(story, SummarySettings(rare_weight=0.0))
    assert w["kessen dam"] > 0
    # Said by one article only: no weight, or a small share of it with rare_weight.
    assert "interior minister" not in w
    some = concept_weights(story, SummarySettings(rare_weight=0.1))
    assert 0 < some["interior minister"] < 0.2 * some["kessen dam"]
    damped = concept_weights(
        story, SummarySettings(known_weight=0.1, rare_weight=0.0), known={"kessen dam"}
    )
    assert damped["kessen dam"] == w["kessen dam"] * 0.1


def test_summary_is_verbatim_within_budget_and_covers_without_repeating(nlp):
    story = _story(nlp)
    chosen = get_summarizer("ilp", Settings(words=40))(story, 40)
    texts = [story[c.doc].text_of(c.sentence) for c in chosen]
    assert texts
    assert sum(text_words(t) for t in texts) <= 40
    assert sum("Kessen Dam burst" in t for t in texts) == 1
    assert any("boats" in t for t in texts)
    for c in chosen:
        article = story[c.doc].article
        assert article.text[c.sentence.span.start : c.sentence.span.end] == texts[chosen.index(c)]
    # The quote given to "he" alone is never chosen: its speaker is in another sentence.
    assert not any(t.endswith("he said.") for t in texts)


def test_summary_is_deterministic(nlp):
    story = _story(nlp)
    summarize = get_summarizer("ilp")
    assert summarize(story, 40) == summarize(story, 40)


def test_one_article_and_no_articles(nlp):
    single = [analyzed(nlp, A, "a")]
    chosen = get_summarizer("ilp")(single, 25)
    assert chosen and sum(text_words(single[0].text_of(c.sentence)) for c in chosen) <= 25
    assert get_summarizer("ilp")([], 100) == []


def test_a_quote_given_to_a_pronoun_is_not_a_candidate(nlp):
    text = '"It is the worst flood in living memory," he said.'
    [s] = analyzed(nlp, text).sentences
    assert not is_clean_candidate(text, s, 6, 60)
    named = '"Port Averly has never seen a flood like this," Governor Ilse Brandt said.'
    [n] = analyzed(nlp, named).sentences
    assert is_clean_candidate(named, n, 6, 60)


def test_exclusive_pairs_are_never_both_chosen():
    sets = [{"a", "b"}, {"a", "c"}, {"d"}]
    weights = {"a": 1.0, "b": 1.0, "c": 1.0, "d": 0.5}
    assert solve(sets, [2, 2, 2], weights, 6, [0, 0, 0]) == [0, 1, 2]
    assert solve(sets, [2, 2, 2], weights, 6, [1, 0, 0], exclusive=[(0, 1)]) == [0, 2]


def test_a_tight_budget_takes_a_trimmed_sentence_and_cites_it_honestly(nlp):
    from storydesk.summarize import cite
    from storydesk.summarize.base import candidate_text

    a = (
        "Marta Ruiz, who has run the harbour office in Port Averly for eleven years, said the "
        "Kessen Dam burst on Monday night."
    )
    b = "The Kessen Dam burst on Monday night, Marta Ruiz said, and the harbour is shut for now."
    story = [analyzed(nlp, a, "a"), analyzed(nlp, b, "b")]
    summarizer = get_summarizer("ilp", Settings())
    summarizer.params = SummarySettings(trim_kinds=("relative",))
    [whole] = summarizer(story, 30)
    assert not whole.trims  # room for a whole sentence: nothing is left out
    [chosen] = summarizer(story, 12)  # only the first sentence, trimmed, fits
    assert chosen.doc == 0 and [x.kind for x in chosen.trims] == ["relative"]
    assert candidate_text(story, chosen) == "Marta Ruiz said the Kessen Dam burst on Monday night."
    summarizer.params = SummarySettings(trim_kinds=())
    assert summarizer(story, 12) == []  # without trims nothing fits
    summarizer.params = SummarySettings(trim_kinds=("relative",), trim_max_words=11)
    assert summarizer(story, 12) == []  # nor with a budget above the one trims are for
    summarizer.params = SummarySettings(trim_kinds=("relative",))
    [s] = cite(story, [chosen], Settings().support)
    first = s.citations[0]
    assert a[first.start : first.end] == a  # the citation is the whole source sentence
    [left] = s.omitted
    assert a[left.start : left.end] == (
        ", who has run the harbour office in Port Averly for eleven years,"
    )
    assert a[: left.start] + a[left.end :] == s.text


def test_no_trims_unless_asked(nlp):
    story = [analyzed(nlp, A, "a"), analyzed(nlp, B, "b"), analyzed(nlp, C, "c")]
    summarizer = get_summarizer("ilp", Settings())
    summarizer.params = SummarySettings(trim_kinds=())
    assert all(not c.trims for c in summarizer(story, 40))


def test_a_penalty_keeps_a_sentence_out_unless_it_is_worth_it():
    sets = [{"a", "b"}, {"a", "c"}]
    weights = {"a": 1.0, "b": 1.0, "c": 1.2}
    assert solve(sets, [2, 2], weights, 2, [0, 0]) == [1]
    assert solve(sets, [2, 2], weights, 2, [0, 0], penalty=[0.0, 0.5]) == [0]
    assert solve(sets, [2, 2], weights, 2, [0, 0], penalty=[0.0, 0.1]) == [1]


def test_a_sentence_with_he_as_its_subject_gives_way_to_one_that_names(nlp):
    story = [
        analyzed(nlp, "On Monday, he ordered the Kessen Dam spillway opened at dawn.", "a"),
        analyzed(nlp, "Governor Ilse Brandt ordered the Kessen Dam spillway opened.", "b"),
        analyzed(nlp, "The Kessen Dam spillway was opened at dawn on Monday.", "c"),
    ]
    assert story[0].sentences[0].pronoun_subject
    # Without a cost the sentence that shares most is taken; with one, the named one.
    plain = ILPSummarizer(Settings(), SummarySettings(pronoun_cost=0.0, trim_kinds=()))(story, 11)
    assert [c.doc for c in plain] == [0]
    named = ILPSummarizer(Settings(), SummarySettings(pronoun_cost=0.5, trim_kinds=()))(story, 11)
    assert [c.doc for c in named] in ([1], [2])


# A story whose earliest report opens with the news and goes on with background that the
# later reports repeat: without the lead rule the background is the heavier choice.
EARLY = """A ferry capsized off Tarrow Point on Sunday with 40 passengers aboard, the coastguard said.

In 2011, a storm sank the Tarrow ferry Marigold and the harbour board promised new lifeboats for the Tarrow Point crossing.

The harbour board has never published its review of the Tarrow Point crossing."""

LATER = """Divers searched the wreck off Tarrow Point on Monday.

In 2011, a storm sank the Tarrow ferry Marigold and the harbour board promised new lifeboats for the Tarrow Point crossing.

The harbour board has never published its review of the Tarrow Point crossing, critics said."""

LATEST = """Relatives gathered at Tarrow harbour on Tuesday.

A storm sank the Tarrow ferry Marigold in 2011 and the harbour board promised new lifeboats for the Tarrow Point crossing.

The harbour board review of the Tarrow Point crossing has never been published."""


def _ferry(nlp):
    import datetime as dt

    return [
        analyzed(nlp, EARLY, "e", published=dt.date(2026, 5, 3)),
        analyzed(nlp, LATER, "l", published=dt.date(2026, 5, 4)),
        analyzed(nlp, LATEST, "t", published=dt.date(2026, 5, 5)),
    ]


def test_the_summary_opens_with_the_lead_of_the_earliest_report(nlp):
    story = _ferry(nlp)
    # Articles of three sentences: only the first counts as the lead here.
    chosen = ILPSummarizer(Settings(words=30), SummarySettings(lead_required=True, lead_depth=1))(
        story, 30
    )
    first = story[chosen[0].doc].text_of(chosen[0].sentence)
    assert first.startswith("A ferry capsized off Tarrow Point on Sunday")
    earliest = ILPSummarizer(
        Settings(words=30), SummarySettings(lead_required="earliest", lead_depth=1)
    )(story, 30)
    assert earliest == chosen
    # Without the rule, the background every report repeats wins the budget.
    plain = ILPSummarizer(Settings(words=30), SummarySettings(lead_required=False))(story, 30)
    assert "capsized" not in " ".join(story[c.doc].text_of(c.sentence) for c in plain)


def test_lead_candidates_are_the_first_candidates_of_the_earliest_reports(nlp):
    import datetime as dt

    from storydesk.summarize.ilp import candidates, first_candidates, lead_candidates

    story = _ferry(nlp)
    first = first_candidates(candidates(story, Settings()))
    assert first == {(0, 0), (1, 0), (2, 0)}
    assert lead_candidates(story, first) == {(0, 0)}
    assert lead_candidates(story, first, dt.date(2026, 5, 4)) == {(0, 0), (1, 0)}
    undated = [analyzed(nlp, EARLY, "e"), analyzed(nlp, LATER, "l")]
    assert lead_candidates(undated, first_candidates(candidates(undated, Settings()))) == {
        (0, 0),
        (1, 0),
    }


def test_a_required_sentence_is_chosen_when_it_fits_and_ignored_when_it_cannot(nlp):
    story = _story(nlp)
    # B's minister sentence is said by one article only: never chosen on its weight.
    minister = (1, 1)
    free = ILPSummarizer(Settings(words=40))(story, 40)
    assert minister not in {(c.doc, c.sentence.index) for c in free}
    forced = ILPSummarizer(Settings(words=40))(story, 40, require=[{minister}])
    assert minister in {(c.doc, c.sentence.index) for c in forced}
    assert sum(text_words(story[c.doc].text_of(c.sentence)) for c in forced) <= 40
    # Longer than the budget left beside the lead: the summary is made without it.
    # (With a one-sentence lead: at depth 3 the minister's sentence is itself a lead.)
    one = SummarySettings(lead_required=True, lead_depth=1)
    tight = ILPSummarizer(Settings(words=20), one)(story, 20, require=[{minister}])
    assert tight and minister not in {(c.doc, c.sentence.index) for c in tight}


def test_solve_meets_a_requirement_at_a_cost():
    sets = [{"a", "b"}, {"c"}, {"d"}]
    weights = {k: 1.0 for k in "abcd"}
    assert solve(sets, [3, 3, 3], weights, 3, [0, 0, 0]) == [0]
    assert solve(sets, [3, 3, 3], weights, 3, [0, 0, 0], require=[{2}]) == [2]


# Real pages (issue 14): sentences that cannot stand alone are no candidates.
DEPENDENT = [
    "Reaching the outer moons, however, hasn't.",  # an aside and an elided verb
    "So is the cost of the new sea wall at Port Averly.",
    "Others reported waiting three hours for a bus to the coast.",
    "The mayor said the port would reopen, and the governor said it would.",
    '"Moreover, the tide tables were never checked," inspector Paul Weir said.',
    "Because crossing the bay at night is anything but safe.",
    "The next two months were hard for the ferry crews.",  # a time counted from before
    "No, not the harbour pilot but the port's own tug crew.",  # an answer, no verb
]
STANDALONE = [
    "Harbour pilot Anna Drax refused to move the ferry on Monday.",
    "Still photos showed the ferry listing at its mooring.",
    "Then-governor Ilse Brandt opened the sea wall in 2004.",
    "So far, twelve ferries have been taken out of service.",
    "Nobody knows where the missing pilot is.",
    "Because of the storm, twelve ferries stayed in port on Monday.",
    "Because the road closed, the bus to Port Averly ran late on Monday.",
    "The next ferry to Port Averly leaves on Monday morning.",
    "No ferry left Port Averly on Monday, the harbour office said.",
    # Left as candidates on the development sets' evidence (see _DEPENDENT_OPENER):
    "But the council voted to keep the ferry running until March.",
    "Harbour pilot Anna Drax, however, refused to move the ferry on Monday.",
]


def test_sentences_that_need_the_one_before_are_not_candidates(nlp):
    for text in DEPENDENT:
        [s] = analyzed(nlp, text).sentences
        assert not is_clean_candidate(text, s, 6, 60), text
    for text in STANDALONE:
        [s] = analyzed(nlp, text).sentences
        assert is_clean_candidate(text, s, 6, 60), text


def test_the_middle_of_a_long_quotation_is_not_a_candidate(nlp):
    text = (
        "The ferry service stopped on Monday after the storm.\n\n"
        '"It was a difficult week for all of us," ferry captain Liv Amsel said. '
        '"We lost two boats in one night. Now we are in a good position to rebuild. '
        'We start on Friday."'
    )
    story = [analyzed(nlp, text, "a")]
    texts = [story[0].text_of(c.sentence) for c in candidates(story, Settings())]
    assert not any(t.startswith(("We lost", "Now we are", "We start")) for t in texts), texts
    assert any(t.startswith("The ferry service") for t in texts)
    assert inside_quotation(text, text.index("Now we are"))
    assert not inside_quotation(text, text.index('"It was'))


def test_an_embedded_social_post_is_not_a_candidate(nlp):
    """A post set in the article (its picture link at its end, its signature under it):
    the poster's first-person words, no speaker in the sentence (issue 14 item 6)."""
    text = (
        "The ferry service stopped on Monday after the storm, the harbour board said.\n\n"
        "I cannot thank the crews enough for what they did this week. pic.twitter.com/Ab12Cd\n\n"
        "— Liv Amsel (@livamsel) March 10, 2026\n\n"
        "The board said the first crossings would run again on Friday morning."
    )
    story = [analyzed(nlp, text, "a")]
    texts = [story[0].text_of(c.sentence) for c in candidates(story, Settings())]
    assert not any(t.startswith("I cannot thank") for t in texts), texts
    assert any(t.startswith("The board said") for t in texts), texts
