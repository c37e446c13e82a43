from conftest import analyzed
from hypothesis import given, settings
from hypothesis import strategies as st

from storydesk.model import Trim
from storydesk.trims import apply, kept_lemmas


def _trimmed(nlp, text: str) -> list[tuple[str, str, str]]:
    """(kind, trimmed characters, sentence without its trims) per trim of each sentence."""
    a = analyzed(nlp, text)
    out = []
    for s in a.sentences:
        for x in s.trims:
            out.append((x.kind, text[x.start : x.end], apply(a.text_of(s), s.span.start, (x,))))
    return out


def test_appositive_and_relative_clause(nlp):
    got = _trimmed(nlp, "Marta Ruiz, the port's director, said the harbour would reopen on Friday.")
    assert got == [
        (
            "appositive",
            ", the port's director,",
            "Marta Ruiz said the harbour would reopen on Friday.",
        )
    ]
    got = _trimmed(nlp, "The dam, which opened in 1998, failed after three days of heavy rain.")
    assert got == [
        ("relative", ", which opened in 1998,", "The dam failed after three days of heavy rain.")
    ]


def test_closing_participle_and_parenthesis(nlp):
    text = "The river burst its banks near Orlo on Sunday, leaving 40 homes without power."
    assert _trimmed(nlp, text) == [
        (
            "participle",
            ", leaving 40 homes without power",
            "The river burst its banks near Orlo on Sunday.",
        )
    ]
    text = "Officials met in Geneva (the third round of talks) to discuss the truce."
    assert _trimmed(nlp, text) == [
        (
            "parenthesis",
            " (the third round of talks)",
            "Officials met in Geneva to discuss the truce.",
        )
    ]


def test_restrictive_clauses_and_quotes_are_kept(nlp):
    # No comma: the clause says which people, so it stays.
    assert _trimmed(nlp, "The people who lived near the dam were moved to a school in Orlo.") == []
    # Inside a quotation nothing is cut: a quote is kept as said.
    text = '"Marta Ruiz, the port\'s director, will decide when the harbour opens," he said.'
    assert _trimmed(nlp, text) == []


def test_trims_name_their_words(nlp):
    text = "Marta Ruiz, the port's director, said the harbour would reopen on Friday."
    [s] = analyzed(nlp, text).sentences
    [x] = s.trims
    assert s.lemmas[x.first_word : x.end_word] == ("the", "port", "'s", "director")
    assert kept_lemmas(s.lemmas, s.trims)[:3] == ("marta", "ruiz", "say")


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet="abc ,.", min_size=1, max_size=40),
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 10)), max_size=4),
)
def test_apply_keeps_every_other_character_in_order(text, cuts):
    # Trims that do not overlap, inside the text: what is left is the text less them.
    trims, at = [], 0
    for start, length in sorted(cuts):
        start = max(start, at)
        end = min(len(text), start + length)
        if start >= len(text):
            break
        trims.append(Trim(start + 7, end + 7, 0, 0, "appositive"))
        at = end
    got = apply(text, 7, trims)
    assert len(got) == len(text) - sum(x.end - x.start for x in trims)
    expected = "".join(
        ch for k, ch in enumerate(text) if not any(x.start <= k + 7 < x.end for x in trims)
    )
    assert got == expected


def test_openings_that_only_say_when_or_where(nlp):
    text = "On Tuesday, Marta Ruiz said the council voted to rebuild the dam at Orlo."
    assert _trimmed(nlp, text) == [
        ("opening", "On Tuesday, ", "Marta Ruiz said the council voted to rebuild the dam at Orlo.")
    ]
    # Before a lower-case word the rest would need a capital it does not have.
    assert _trimmed(nlp, "On Tuesday, the council voted to rebuild the dam at Orlo.") == []


def test_no_trim_turns_a_condition_a_source_or_a_doubt_into_a_statement(nlp):
    for text in (
        "According to police, Ruiz said the harbour would close.",
        "Under the plan, Orlo will get 40 new boats from the army.",
        "Without rain, Ruiz said the crops would fail by June.",
        "If the dam fails, Orlo will flood within the hour.",
        "Perhaps Ruiz will close the harbour before the storm.",
        "The toll, which has not been independently verified, rose to 40 on Monday.",
        "The toll rose to 40 (unconfirmed) on Monday in the town of Orlo.",
        "The toll rose to 40 on Monday in the town of Orlo, citing hospital officials.",
    ):
        assert _trimmed(nlp, text) == [], text


def test_no_trim_of_a_list_or_of_a_sentence_without_a_main_verb(nlp):
    # The parse takes the list for an appositive of "Velik": "Funds went to ... Velik."
    text = (
        "Funds went to party leader Anton Velik, regional officials in the north and several "
        "smaller groups, the report said."
    )
    assert _trimmed(nlp, text) == []
    # A fragment: "Teodor Lask, a 19-year-old student who ..." would leave "Teodor Lask."
    text = "Teodor Lask, a 19-year-old student who was stabbed to death in Port Averly in 2021."
    assert _trimmed(nlp, text) == []


def test_lists_taken_for_a_clause_or_an_appositive_are_kept(nlp):
    for text in (
        # "charging ... and evicting ..." would go as a closing participle clause
        "The new law covers rents, deposits, charging fees for repairs and evicting tenants.",
        # "port regulators ... and union officials" would go as an appositive of "Renn"
        "Marsh said she talked Monday with Finance Minister Ivo Renn, port regulators at the "
        "Harbour Board and union officials around the country.",
        # "the water supply of the city" would go as an appositive of "flood control"
        "The marshes matter for flood control, the water supply of the city, cooling the "
        "streets and sheltering birds.",
    ):
        assert _trimmed(nlp, text) == [], text


def test_a_comma_that_closes_a_clause_stays(nlp):
    text = (
        "The strike would pose problems to the economy of Caldonia, a small coastal country "
        "seeking new trade, the Meridian news agency quoted the bank governor as saying."
    )
    got = {kind: rest for kind, _, rest in _trimmed(nlp, text)}
    assert got["appositive"] == (
        "The strike would pose problems to the economy of Caldonia, the Meridian news agency "
        "quoted the bank governor as saying."
    )
