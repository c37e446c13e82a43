from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from storydesk.clean import clean_text
from storydesk.nlp import MODEL_CANDIDATES, load_pipeline, model_name, sentences_of


def test_pipeline_is_loaded_once(nlp):
    assert load_pipeline() is nlp
    assert model_name() in MODEL_CANDIDATES
    assert "storydesk_paragraphs" in nlp.pipe_names


def test_sentences_never_cross_paragraphs(nlp):
    text = clean_text("Offices struck\n\nIsraeli missiles struck the main complex on Wednesday.")
    sents = sentences_of(nlp(text), "a")
    assert [text[s.span.start : s.span.end] for s in sents] == [
        "Offices struck",
        "Israeli missiles struck the main complex on Wednesday.",
    ]


def test_dateline_is_outside_the_sentence_span(nlp):
    text = "PORT AVERLY, Caldonia, March 10 (Meridian Press) - The toll rose to 19 on Tuesday."
    spans = [text[s.span.start : s.span.end] for s in sentences_of(nlp(text), "a")]
    assert spans == ["The toll rose to 19 on Tuesday."]


def test_terms_and_pronoun_flag(nlp):
    text = "He said the dams were failing. Engineers inspected the dams."
    first, second = sentences_of(nlp(text), "a")
    assert first.starts_with_pronoun and not second.starts_with_pronoun
    assert "dam" in second.terms and "the" not in second.terms
    assert second.words == 4 and second.index == 1


def test_pronoun_subject_of_the_main_clause(nlp):
    text = (
        "On Tuesday, he flew to Port Averly. Engineers said they had warned the council. "
        "Governor Ilse Brandt said she would visit."
    )
    flags = [s.pronoun_subject for s in sentences_of(nlp(text), "a")]
    # "they" and "she" are subjects of clauses below the main verb "said": the sentences
    # name who speaks.
    assert flags == [True, False, False]


words = st.sampled_from(
    [
        "The",
        "dam",
        "broke",
        ".",
        "“Help",
        "now,”",
        "he",
        "said",
        "\n\n",
        "U.S.",
        "$4.4",
        "billion",
        "—",
        "Kerry",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(words, max_size=40).map(" ".join))
def test_every_sentence_span_lies_inside_its_text(text):
    nlp = load_pipeline()
    cleaned = clean_text(text)
    for s in sentences_of(nlp(cleaned), "a"):
        assert 0 <= s.span.start < s.span.end <= len(cleaned)
        piece = cleaned[s.span.start : s.span.end]
        assert piece == piece.strip() and piece


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(["The", "toll", "rose.", " ", "\n", "\n\n", "  \n ", "Officials", ":"]),
        max_size=30,
    )
)
def test_paragraph_starts_are_those_of_the_token_loop(nlp, words):
    """The component finds, from the line breaks' offsets, the sentence starts that reading
    every token's text and trailing space finds: the token after each that holds a break."""
    from spacy.attrs import SENT_START

    from storydesk.nlp import paragraph_boundaries

    text = "".join(w if w.isspace() or w == ":" else w + " " for w in words)
    expected = nlp.make_doc(text)
    for token in expected[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            expected[token.i + 1].is_sent_start = True
    got = paragraph_boundaries(nlp.make_doc(text))
    assert got.to_array(SENT_START).tolist() == expected.to_array(SENT_START).tolist()
