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
    """show find indicate discover prove demonstrate signal imply question
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
    "point": _set("to"),  # 'The bank pointed to the tariffs as a cause'
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


# Who can speak, by the head noun of a description: people ("a senior official", "the
# 46-year-old", "residents") and bodies ("the ministry", "police"). Any other noun is not a
# speaker: "the blockade said", "the two countries said" leave the quote unattributed.
_PERSON_NOUNS = _set(
    """official spokesman spokeswoman spokesperson minister secretary president premier
    chancellor governor mayor senator congressman congresswoman lawmaker legislator
    representative ambassador envoy diplomat general commander colonel captain lieutenant
    sergeant major admiral officer soldier chief head leader chairman chairwoman chair
    director executive ceo cfo coo cto cmo cio founder owner manager boss adviser advisor
    aide assistant consultant analyst expert economist scientist researcher professor
    teacher student
    doctor physician nurse surgeon lawyer attorney prosecutor judge justice magistrate
    counsel defendant plaintiff witness victim survivor resident citizen villager farmer
    worker employee staffer member volunteer activist protester protestor demonstrator
    campaigner organizer organiser supporter critic opponent rival candidate nominee voter
    donor investor trader banker broker dealer buyer seller customer client consumer
    shopper user fan player coach athlete driver pilot passenger traveler traveller tourist
    visitor guest reporter journalist correspondent editor writer author columnist
    commentator blogger photographer producer actor actress singer artist musician poet
    novelist cleric imam priest rabbi bishop archbishop cardinal pastor monk nun pope sheikh
    king queen prince princess emperor monarch ruler dictator militant fighter rebel
    insurgent gunman attacker suspect policeman policewoman detective investigator inspector
    agent guard firefighter paramedic medic rescuer engineer architect designer developer
    inventor entrepreneur businessman businesswoman industrialist tycoon billionaire
    millionaire landlord tenant homeowner shopkeeper merchant vendor labourer laborer miner
    fisherman sailor man woman boy girl child kid teenager mother father parent son
    daughter brother sister wife husband widow widower relative friend neighbour neighbor
    colleague partner person individual source insider observer onlooker bystander
    eyewitness participant attendee delegate negotiator mediator regulator auditor
    accountant administrator bureaucrat clerk deputy undersecretary commissioner ombudsman
    mp councillor councilor alderman sheriff marshal warden coroner examiner pathologist
    psychiatrist psychologist therapist pharmacist dentist veterinarian scholar academic
    lecturer principal headteacher headmaster dean rector provost trustee regent specialist
    strategist pollster operative organiser owner operator resident patient applicant
    student graduate veteran retiree pensioner employer landowner chef manager spokesperson
    commentator host anchor presenter moderator interviewer caller listener viewer reader
    user follower coordinator director officer planner surveyor adjuster underwriter
    expert researcher biologist physicist chemist geologist meteorologist forecaster
    seismologist epidemiologist virologist historian sociologist lawyer paralegal solicitor
    barrister advocate judge juror jury deputy trooper constable superintendent people
    niece nephew cousin aunt uncle grandson granddaughter grandmother grandfather fiancé
    fiancée girlfriend boyfriend spouse sibling twin baby infant youth adult elder elderly
    character narrator announcer spokesmodel celebrity star legend hero expert
    professional amateur specialist official ally foe enemy opposition majority minority
    public crowd audience congregation lady gentleman senator congressman councilwoman
    surrogate proponent backer loyalist defender detractor skeptic sceptic ex"""
)


# Nouns that end like an agent ("-er", "-or", "-ee", "-ess", "-ian") and are no one:
# "the border", "the monitor" (a device as often as a person), "the committee" is a body.
_NOT_AGENTS = _set(
    """water paper letter number order center centre matter power border corner computer
    quarter chapter sector factor error reactor motor tractor meter metre liter litre
    disaster weather winter summer river tower trailer poster cancer dinner manner banner
    barrier filter folder cover answer offer tender shelter theater theatre thunder whisper
    corridor mirror horror terror favor favour labor labour honor honour color colour
    flavor behavior behaviour humor humour rumor rumour tumor tumour vapor armor armour
    harbor harbour floor door elevator generator refrigerator indicator calculator
    radiator ventilator detector sensor processor monitor register other either neither
    whether together however never ever after over under rather further later earlier
    former latter proper bitter better greater larger higher lower faster silver copper
    rubber leather feather laser tanker charger container counter ladder fever lever liver
    butter shower flower poker soccer ginger finger anger danger hunger career address
    business process access success progress congress stress fitness illness wilderness
    darkness awareness coffee fee tree degree guarantee median meridian cluster blister
    thriller trigger hamburger burger tanker freighter helicopter fighter bomber booster
    carrier scanner printer speaker master sweater cellar collar dollar pillar sugar
    calendar radar seminar nuclear molar solar polar vinegar grammar altar cedar tremor
    valor odor odour razor mentor decor sponsor tenor anchor actor doctor"""
) - _set("speaker master sponsor mentor anchor actor doctor fighter carrier")


_GROUP_NOUNS = _set(
    """government administration ministry department agency office council committee
    commission board authority court tribunal parliament congress senate assembly
    legislature cabinet party company firm corporation business group organization
    organisation association union federation league club team institute institution
    foundation charity university college school hospital bank fund police army military
    navy force coalition alliance campaign embassy consulate mission delegation panel
    regime newspaper network channel broadcaster station outlet magazine paper website
    site studio airline carrier manufacturer retailer maker provider
    watchdog insurer lender exchange opposition militia movement family household crew
    staff prosecutors lab laboratory center centre service services secretariat bureau
    directorate inspectorate unit brigade battalion command headquarters industry sector
    management leadership spokesmen authorities officials police journal publication
    tabloid daily weekly wire press media broadcaster pollster campaign city state town
    county province municipality village district township""",
)


# Documents: a statement or a report speaks for the body that issued it.
_DOCUMENT_NOUNS = _set(
    """statement report study survey poll letter complaint lawsuit suit filing indictment
    affidavit document memo memorandum release communique communiqué declaration notice
    order ruling decision verdict judgment opinion post tweet message email e-mail note
    article column editorial story analysis review assessment estimate data figures
    record records transcript video footage recording broadcast page blog bulletin
    guidance warning alert advisory forecast budget proposal bill motion petition
    application appeal response reply announcement briefing presentation research
    investigation inquiry probe audit census ad advert advertisement spot clip commercial
    film documentary book memoir podcast show program programme statistics numbers account
    submission testimony obituary manifesto platform textbook handbook guide ruling
    cable dispatch readout minutes agenda summary speech remarks address essay op-ed
    comment remark quote words slide chart graphic sign placard banner map table analyses"""
)


# Words of quantity whose "of" phrase says who ("52 percent of registered voters").
_QUANTITY_HEADS = _set(
    """percent % majority minority half third quarter fifth number share plurality
    proportion dozens hundreds thousands millions most many some""",
)


# Verbs by which a body issues a document ("the board published its report").
_ISSUE_VERBS = _set(
    """issue release publish file send post write sign submit present produce commission
    conduct carry unveil put distribute circulate deliver make""",
)


# Prepositions that tie a document to its issuer ("a statement from the ministry").
_ISSUER_PREPS = _set("from by of")


# Who asks the question in an interview: never the one who answers it.
_QUESTIONERS = _set(
    """reporter journalist interviewer questioner host moderator anchor presenter
    correspondent"""
)


# Indefinite pronouns that stand for a described source ("some said", "others argued").
_INDEFINITE_SOURCES = _set(
    """someone somebody anyone anybody everyone everybody others some many few several
    both all most one those each"""
)


# Nouns of speech a possessor can own: "His advice is simple: plant early."
_SPEECH_NOUNS = _set(
    """advice message answer reply response view argument explanation warning verdict
    position point plea promise pitch request demand instruction instructions order
    orders recommendation suggestion conclusion assessment prediction forecast
    prescription diagnosis take opinion reasoning excuse defence defense case mantra
    motto slogan philosophy rule rationale complaint criticism objection concern fear
    hope wish goal aim vision plan idea theory explanation reaction retort comment
    remark words thinking logic stance"""
)


# Events at which something is said: "at a news conference announcing ...".
_EVENT_NOUNS = _set(
    """conference briefing speech interview rally hearing meeting event address session
    appearance summit debate ceremony"""
)


# Words a title leaves in lower case: "Life of the Party", "Meet the Press".
_TITLE_SMALL = _set("""a an and as at but by for from in into of on or the to v vs with""")


# Words of a title before a name that are not themselves a person ("Prime", "Vice").
_TITLE_PARTS = _set("""prime vice deputy foreign acting interim sen. rep. gov. gen.""")


# Words that name a company (so "the company" may be any organisation not a public body).
_COMPANY_WORDS = _set(
    """company firm group corporation business maker manufacturer retailer carrier"""
)


_PUBLIC_BODY_WORDS = _set(
    """ministry department council police army court parliament government agency commission
    office committee party senate congress assembly"""
)


# Cues whose content is the source's own account: what they report of others is theirs.
_SAY_LIKE = _set(
    """say tell add according report state explain claim note write insist argue announce
    confirm"""
)


# Verbs by which a speaker has or gives words: "had a message", "offered some advice".
_HAVE_GIVE = _set("""have give offer deliver send issue share repeat""")


_BACKSHIFT = _set("""would could might should must had will can may""")


# Verbs that are speech only with what they call something: "characterised the deal as a
# betrayal", "dismissed the report as a stunt" (not "dismissed the staff").
_DESCRIBE_AS = _set("characterize characterise dismiss hail brand label portray depict")


# Verbs that are speech with their particle only: "pointed out that", "spelled out".
_PHRASAL_SPEECH = {
    "point": _set("out"),
    "spell": _set("out"),
    "lay": _set("out"),
    "speak": _set("out up"),
    "hit": _set("back"),
    "fire": _set("back"),
    "shoot": _set("back"),
    "chime": _set("in"),
    "weigh": _set("in"),
    "pipe": _set("up"),
}


# Nouns whose "that" clause is what was said when one makes them: "made the point that
# ...", "made the case that ...".
_MADE_POINT = _set("point case argument claim")


# Words a scraped page glues before a name: credits, sites, captions ("Getty Karl Brenner").
_GLUED_BEFORE = _set(
    """getty images reuters afp epa ap shutterstock pixabay istock twitter instagram facebook
    youtube tiktok linkedin photo image file credit caption copyright read more watch video
    advertisement via said says told reported"""
)


# ... and after it: "Karl Brenner Said", "Brenner Reported", "Karl Brenner Read More".
_GLUED_AFTER = _set(
    """said says told tells reported reports added adds wrote writes read more tweeted
    posted photo image getty reuters afp ap"""
)


# Verbs of speech that "it" takes as often as not for a thing: "It promises to be a busy
# year", "it suggests that ...".
_IT_DOES = _set("promise threaten agree pledge vow suggest predict show")
