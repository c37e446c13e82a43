"""Every kind of wrong speaker issue 14 lists for its hidden real-page sets, one fictional
sentence of that shape per row: what is said, and who says it (``None``: nobody named)."""

from __future__ import annotations

import pytest
from conftest import the_quote

# (kind, text, words of the quote, the speaker's name)
SPEAKERS = [
    (
        "he",
        "Karl Brenner met Tomas Reyes on Monday. He said the talks went well.",
        "talks went well",
        "Karl Brenner",
    ),
    (
        "she",
        "Ilse Varga thanked Karl Brenner for his help. She said the bridge would reopen.",
        "bridge would reopen",
        "Ilse Varga",
    ),
    (
        "he",
        "Karl Brenner said Tomas Reyes had lied to the council. He said the records showed it.",
        "records showed it",
        "Karl Brenner",
    ),
    (
        "it said",
        "Northwind Airlines cancelled 40 flights on Tuesday. It said the storm had "
        "closed two airports.",
        "storm had closed",
        "Northwind Airlines",
    ),
    (
        "it said",
        'Northwind Airlines cancelled 40 flights, blaming the storm. "We regret the '
        'disruption," it said in a statement.',
        "We regret",
        "Northwind Airlines",
    ),
    (
        "the mayor",
        "Harlow Mayor Ilse Varga toured the site. Later, the mayor said repairs would take a year.",
        "repairs would take",
        "Ilse Varga",
    ),
    (
        "the mayor",
        "Ilse Varga, 54, was elected mayor of Harlow last year. The mayor said on "
        "Monday that taxes would rise.",
        "taxes would rise",
        "Ilse Varga",
    ),
    (
        "the mayor",
        "Ilse Varga became mayor of Harlow in 2019. On Monday the mayor said the bridge "
        "would reopen.",
        "bridge would reopen",
        "Ilse Varga",
    ),
    (
        "the mayor",
        "Ilse Varga has been the mayor of Harlow since 2019. The mayor said taxes would rise.",
        "taxes would rise",
        "Ilse Varga",
    ),
    (
        "the leader",
        "Northwind Foods became the leader in frozen peas. The leader said prices would rise.",
        "prices would rise",
        None,
    ),
    (
        "the CEO",
        "The CEO of Northwind, Karl Brenner, said costs would fall.",
        "costs would fall",
        "Karl Brenner",
    ),
    (
        "the CEO",
        "The CEO of Northwind, Karl Brenner, said costs would fall. The CEO added "
        "that jobs were safe.",
        "jobs were safe",
        "Karl Brenner",
    ),
    (
        "caption",
        'Photo: Karl Brenner speaks at a rally in Harlow.\n\n"We will not back '
        "down,\" the union's leader, Tomas Reyes, said.",
        "not back down",
        "Tomas Reyes",
    ),
    (
        "signature",
        'The council will vote next week.\n\nSincerely,\nKarl Brenner\n\n"The plan '
        'is flawed," said Ilse Varga, a councillor.',
        "plan is flawed",
        "Ilse Varga",
    ),
    (
        "according to",
        "Tomas Reyes was arrested on Friday. He told officers he had been at "
        "home, according to the complaint.",
        "had been at home",
        "Tomas Reyes",
    ),
    (
        "document",
        "A statement from the Dorran Health Ministry said 40 people had been treated.",
        "40 people",
        "Dorran Health Ministry",
    ),
    (
        "document",
        "The Harlow Water Board published its annual review on Monday. The report "
        "says leaks rose by a fifth.",
        "leaks rose",
        "Harlow Water Board",
    ),
    (
        "document",
        "The report, released by the Dorran Water Board on Monday, says leaks had doubled.",
        "leaks had doubled",
        "Dorran Water Board",
    ),
    (
        "document",
        "Shares fell on Monday. The company published a statement that said 40 jobs would go.",
        "40 jobs would go",
        "company",
    ),
    (
        "the company",
        "Northwind Music is now letting people listen free on phones, and Harlow Radio "
        "investors are already nervous. The company published a blog post that said "
        "customers could now listen for free.",
        "listen for free",
        "Northwind Music",
    ),
    (
        "the company",
        "Boeing shares fell on Monday. The company said deliveries would resume.",
        "deliveries would resume",
        "Boeing",
    ),
    (
        "short form",
        "The Dorran Falcons signed a new coach on Monday. The Falcons said the "
        "deal runs for three years.",
        "deal runs",
        "Dorran Falcons",
    ),
    (
        "reporter",
        '"Will you resign?" a reporter asked Karl Brenner. "Absolutely not," he said.',
        "Absolutely not",
        "Karl Brenner",
    ),
    (
        "listener",
        "Ilse Varga told President Tomas Reyes that the town could not pay.",
        "could not pay",
        "Ilse Varga",
    ),
    (
        "listener",
        '"We need more time," Ilse Varga told Mayor Karl Brenner on Monday.',
        "more time",
        "Ilse Varga",
    ),
    (
        "not a speaker",
        "The blockade showed that the town could not survive without aid.",
        "could not survive",
        None,
    ),
    (
        "not a speaker",
        "The two countries signed a deal. The two countries said trade would double.",
        "trade would double",
        None,
    ),
    ("abbreviation", "The company's CFO said costs would fall.", "costs would fall", None),
    (
        "post",
        "Karl Brenner, President Northwind Foods America, says: \u201cBy working with "
        "Harlow, Northwind can help farms grow.\u201d",
        "help farms grow",
        "Karl Brenner",
    ),
    (
        "full name",
        '"The plan was late," said Patrick Nielsen Hayden, the editor. When Ford visited his '
        "agent Teresa Nielsen Hayden at her office, he left poems. Later Patrick Nielsen "
        'Hayden came by. "All it took was one bad infection and Mike would lose every penny '
        'he had," Teresa Nielsen Hayden explained.',
        "one bad infection",
        "Teresa Nielsen Hayden",
    ),
    (
        "post",
        "Tomas Reyes, President Ascot North America, says: \u201cBy collaborating with Dorran, "
        "Ascot can help hospitals supplement their systems.\u201d",
        "supplement their systems",
        "Tomas Reyes",
    ),
    (
        "post",
        'Karl Brenner, CEO Tessa Group, said: "We will grow."',
        "We will grow",
        "Karl Brenner",
    ),
    (
        "saying",
        "Karl Brenner disputed that Tomas was estranged from him, saying instead he was shy "
        "by nature.",
        "shy by nature",
        "Karl Brenner",
    ),
    (
        "surname",
        'Quarterback Mason Rudolph threw three touchdowns. "We played well," Rudolph said.',
        "played well",
        "Mason Rudolph",
    ),
]

# (kind, text, the whole of what is said)
CLAUSES = [
    (
        "but",
        "Karl Brenner said the plan would cut costs, but he warned that jobs could be lost.",
        "jobs could be lost",
    ),
    (
        "list",
        "Karl Brenner said the town needed more buses, trains and cycle lanes.",
        "the town needed more buses, trains and cycle lanes",
    ),
    (
        "noting",
        "Ilse Varga welcomed the vote, noting that the town had waited ten years for a bridge.",
        "the town had waited ten years for a bridge",
    ),
    (
        "describing as",
        "Ilse Varga described the plan as a betrayal of the town.",
        "the plan as a betrayal of the town",
    ),
    (
        "colon",
        "Karl Brenner has run the farm for forty years. His advice is simple: plant "
        "early and water late.",
        "plant early and water late",
    ),
    (
        "marks",
        '"We will rebuild the mill,\' Karl Brenner said. "It will take a year."',
        "We will rebuild the mill,",
    ),
    (
        "whether",
        "Karl Brenner, an analyst at Harlow Bank, said whether Ostland will agree to "
        "remove the tariffs depends on whether its leader believes it will help him win.",
        "whether Ostland will agree to remove the tariffs depends on whether its leader "
        "believes it will help him win",
    ),
    (
        "gap",
        "Ostland blocks shipments of goods it says could be used in attacks.",
        "goods it says could be used in attacks",
    ),
]


@pytest.mark.parametrize(("kind", "text", "words", "name"), SPEAKERS)
def test_speaker_of_each_kind(q, kind, text, words, name):
    assert the_quote(q(text), words, kind).speaker_name == name, kind


@pytest.mark.parametrize(("kind", "text", "said"), CLAUSES)
def test_what_is_said_of_each_kind(q, kind, text, said):
    texts = [x.text for x in q(text)]
    assert any(t == said or (kind == "gap" and t.endswith(said)) for t in texts), (kind, texts)


def test_a_fragment_of_whether_is_no_claim_of_its_own(q):
    text = (
        "Karl Brenner, an analyst at Harlow Bank, said whether Ostland will agree to remove "
        "the tariffs depends on whether its leader believes it will help him win."
    )
    assert not [x for x in q(text) if x.text.startswith("whether") and "depends" not in x.text]


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested Tomas Reyes on Friday after a neighbour, Karl Brenner, called them.",
    ],
)
def test_a_clause_before_a_deed_is_not_what_it_says(q, text):
    assert q(text) == ()
