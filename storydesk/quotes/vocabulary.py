"""Word lists for quote attribution: verbs that cue speech or report content, and the
pronouns, titles, honorifics and dependency labels that speaker resolution reads."""

from __future__ import annotations


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


SPEECH_VERBS = _set(
    """say tell add warn insist claim note argue announce state explain acknowledge admit deny
    suggest report write tweet post reply respond answer confirm predict promise vow urge
    ask declare assert stress emphasize emphasise caution concede complain recall reveal
    testify allege contend maintain remark observe mention comment call demand express
    reiterate repeat conclude quip joke shout yell scream chant sing recount boast brag
    pledge threaten agree counter retort reason estimate blast slam criticize criticise
    condemn accuse charge wonder proclaim disclose inform advise lament tout decry describe
    plead whisper cry exclaim muse opine"""
)


# Verbs of belief and knowledge: reported content ("Trump believes the polls are rigged"),
# but no cue for a direct quote.
BELIEF_VERBS = _set(
    """think believe feel hope fear expect know worry doubt consider realize understand"""
)


# Verbs whose complement clause is reported content though they are no cue for a direct
# quote: evidence and findings ("the poll shows that ...", "the inquiry found ...").
EVIDENCE_VERBS = _set(
    """show find indicate discover prove demonstrate signal imply question recognize
    assume conclude determine learn wish acknowledge hint suggest"""
)


# Verbs of intention and of urging: what they intend is reported content ("Trump vowed to
# cut taxes", "she urged Congress to act"). Not "push" or "press", as often deeds as words
# ("troops pushed on to the city").
INTENT_VERBS = _set(
    """want plan decide vow promise pledge refuse agree decline hope seek threaten propose
    intend aim urge encourage ask implore persuade convince demand expect tell advise warn
    call"""
)


# Speech acts whose direct object is what was said or what it is about ("Clinton cited
# the report", "he questioned the integrity of the vote", "accused her of lying"). Verbs
# that are as often deeds as words (attack, defend, challenge, knock, link) are left out:
# "Israel attacked targets in Gaza" is not speech.
TOPIC_VERBS = _set(
    """cite mention question discuss criticize criticise propose endorse reject oppose
    praise accuse describe announce reference detail outline dispute deny reveal disclose
    blast slam condemn decry tout welcome applaud blame acknowledge admit concede report
    express voice echo repeat reiterate highlight stress emphasize emphasise recommend
    predict promise pledge vow demand request mock ridicule denounce lament tweet note"""
)


_TOPIC_PREPS = _set("as of for to")


# Speech acts that take what they are about through a preposition ("spoke about the
# economy", "called for a ban", "commented on the ruling").
_TALK_ABOUT = _set(
    """speak talk complain warn testify write tweet joke boast brag lie rail lash worry
    speculate rant vent caution muse remark insist protest"""
)


_TALK_FOR = _set("call advocate argue push press campaign plead lobby ask appeal")


_TALK_ON = _set("comment elaborate weigh harp dwell reflect")


_TALK: dict[str, frozenset[str]] = {
    **{v: _set("about against regarding") for v in _TALK_ABOUT},
    **{v: _set("about against regarding for") for v in _TALK_FOR},
    **{v: _set("about on") for v in _TALK_ON},
}


_REPORTING = BELIEF_VERBS | EVIDENCE_VERBS | INTENT_VERBS | TOPIC_VERBS | frozenset(_TALK)


# Subordinators of time, cause or concession: a clause they open after a tag ("..., the
# ministry said, as the government raised its fund") is not what was said.
_ADVERBIAL_MARKS = _set(
    "as while when whenever after before because since although though once until"
)


# Verbs that report speech in a parenthetical after it ("..., officials said").
_SAY = _set("""say tell add note report write tweet explain warn insist claim""")


_PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}


_PRONOUN_GENDER_ALL = _PRONOUN_GENDER | {"his": "m", "himself": "m", "hers": "f", "herself": "f"}


_FEMALE = _set(
    """mrs mrs. ms ms. miss spokeswoman chairwoman congresswoman businesswoman woman wife
    mother daughter sister actress queen lady grandmother"""
)


_MALE = _set(
    """mr mr. spokesman chairman congressman businessman man husband father son brother king
    grandfather"""
)


_HONORIFICS = _set("""mr mr. mrs mrs. ms ms. miss dr dr. sen sen. rep rep. gov gov.""")


_PARTICLES = _set("bin al de del der van von la le da di du st. st")


# A definite description names a role: its head may be written differently from the title
# the article gave the person ("the UN chief" for "UN Secretary-General Ban Ki-moon").
_ROLE_SYNONYMS = {
    "chief": {"secretary-general", "general", "head", "leader", "director", "chief"},
    "diplomat": {"secretary", "minister", "ambassador", "envoy", "diplomat"},
    "premier": {"prime", "premier"},
    "spokeswoman": {"spokeswoman", "spokesperson", "spokesman"},
    "spokesman": {"spokesman", "spokesperson", "spokeswoman"},
    "spokesperson": {"spokesman", "spokesperson", "spokeswoman"},
}


_RELATIVE = _set("which that who whom")


_TEMPORAL = _set(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    tonight morning afternoon evening night week weekend month year"""
)


_DEFINITE = _set("the this that these those")


_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


_OBJECT_DEPS = _set("dobj xcomp oprd prep attr acomp dative advcl ccomp")


_NOUN_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "nn"})
