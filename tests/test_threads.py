"""Threads: the events of one running story linked; stored ids kept; listed; named in briefings."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

from typer.testing import CliRunner

from storydesk import api
from storydesk.cli import app
from storydesk.features import _bucket
from storydesk.model import Features
from storydesk.store import SqliteStore
from storydesk.threads import StoryFeatures, group, thread_ids

# A fictional running story: a chemical spill in the River Tamsel at Port Averly, and months
# later the inquiry into it; and an unrelated story, a chess festival in Quenby.
SPILL = [
    (
        "spill-1",
        "2026-03-02",
        "Chemical spill turns the River Tamsel orange at Port Averly",
        "A tanker of the Harlow Chemical Company overturned on the Tamsel bridge at Port Averly "
        "on Monday and spilled 40,000 litres of solvent into the River Tamsel. Mayor Ilse Brandt "
        "closed the riverside and told residents of Port Averly not to use well water. Fishermen "
        "on the Tamsel found dead fish along four kilometres of the river.",
    ),
    (
        "spill-2",
        "2026-03-03",
        "Port Averly residents told to avoid the Tamsel after solvent spill",
        "Residents of Port Averly were told to stay away from the River Tamsel on Tuesday after "
        "a Harlow Chemical Company tanker spilled solvent on the Tamsel bridge. Mayor Ilse Brandt "
        "said 40,000 litres of solvent had reached the river and dead fish were found downstream.",
    ),
    (
        "inquiry-1",
        "2026-06-15",
        "Inquiry blames Harlow Chemical Company for the Tamsel spill",
        "An inquiry into the solvent spill in the River Tamsel at Port Averly blamed the Harlow "
        "Chemical Company on Monday. The tanker that spilled solvent on the Tamsel bridge had "
        "failed brakes, the inquiry found. Mayor Ilse Brandt of Port Averly said the company must "
        "pay for cleaning the river, where fishermen still find dead fish.",
    ),
    (
        "inquiry-2",
        "2026-06-16",
        "Harlow Chemical Company to pay for Tamsel clean-up after inquiry",
        "The Harlow Chemical Company will pay for the clean-up of the River Tamsel, it said on "
        "Tuesday, a day after an inquiry blamed its tanker for the solvent spill at Port Averly. "
        "Mayor Ilse Brandt welcomed the decision and said the Tamsel fishermen would be paid too.",
    ),
]
CHESS = [
    (
        "chess-1",
        "2026-04-10",
        "Quenby chess festival draws grandmasters to the Old Corn Exchange",
        "The Quenby chess festival opened at the Old Corn Exchange on Friday with 300 players, "
        "among them six grandmasters. Organiser Tomas Velder said the Quenby open had never had "
        "so many entries. The blitz tournament starts on Saturday evening.",
    ),
    (
        "chess-2",
        "2026-04-12",
        "Grandmaster wins Quenby open on tie-break",
        "Grandmaster Aino Reval won the Quenby open chess festival on tie-break on Sunday at the "
        "Old Corn Exchange. Organiser Tomas Velder said 300 players had taken part, and the "
        "blitz tournament drew a record crowd to Quenby.",
    ),
]


def _write(path: Path, rows: list[tuple[str, str, str, str]]) -> Path:
    path.write_text(
        "".join(
            json.dumps({"id": i, "published": d, "title": t, "text": x}) + "\n"
            for i, d, t, x in rows
        )
    )
    return path


def _thread_of_article(store: SqliteStore, article_id: str) -> str:
    (story,) = store.story_of([article_id])
    return store.thread_links()[story]


def test_events_of_one_running_story_share_a_thread_and_unrelated_stories_do_not(
    tmp_path: Path,
) -> None:
    db = tmp_path / "s.db"
    api.ingest_paths(db, [str(_write(tmp_path / "in.jsonl", SPILL + CHESS))])
    with SqliteStore(db) as store:
        spill = store.story_of(["spill-1"])
        inquiry = store.story_of(["inquiry-1"])
        assert spill != inquiry, "three months apart, the spill and its inquiry are two events"
        assert _thread_of_article(store, "spill-1") == _thread_of_article(store, "inquiry-2")
        assert _thread_of_article(store, "spill-1") != _thread_of_article(store, "chess-1")
        rows = {r.id: r for r in store.threads()}
        spill_thread = rows[_thread_of_article(store, "spill-1")]
        assert spill_thread.events == 2 and spill_thread.articles == 4
        assert spill_thread.first_published == "2026-03-02"
        assert spill_thread.last_published == "2026-06-16"
        assert spill_thread.title  # titled after its largest event


def test_thread_ids_survive_a_later_ingest(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    api.ingest_paths(db, [str(_write(tmp_path / "a.jsonl", SPILL[:2] + CHESS))])
    with SqliteStore(db) as store:
        before = {r.id for r in store.threads()}
        spill_thread = _thread_of_article(store, "spill-1")
        chess_thread = _thread_of_article(store, "chess-1")
    api.ingest_paths(db, [str(_write(tmp_path / "b.jsonl", SPILL[2:]))])
    with SqliteStore(db) as store:
        assert _thread_of_article(store, "spill-1") == spill_thread
        assert _thread_of_article(store, "inquiry-1") == spill_thread
        assert _thread_of_article(store, "chess-1") == chess_thread
        assert {r.id for r in store.threads()} == before


def _features(words: str, names: str) -> Features:
    keys = sorted({_bucket(w) for w in words.split()} | {_bucket("E:" + n) for n in names.split()})
    entity = {_bucket("E:" + n) for n in names.split()}
    return Features(
        indices=tuple(keys),
        tf=tuple(1 for _ in keys),
        rarity=tuple(5.0 for _ in keys),
        entity=tuple(k in entity for k in keys),
        signature=(),
        shingle_count=0,
    )


def test_group_links_stories_that_share_their_names_whatever_the_order() -> None:
    spill = StoryFeatures(
        "b-spill", (_features("tanker solvent spilled river fish", "tamsel averly"),)
    )
    inquiry = StoryFeatures(
        "a-inquiry", (_features("inquiry blamed brakes clean-up", "tamsel averly"),)
    )
    chess = StoryFeatures("c-chess", (_features("grandmaster blitz tournament", "quenby velder"),))
    assert group([spill, inquiry, chess]) == [[0, 1], [2]]
    assert group([chess, inquiry, spill]) == [[0], [1, 2]]
    assert group([]) == [] and group([chess]) == [[0]]


def test_thread_ids_keep_the_stored_id_of_most_stories() -> None:
    previous = {"s1": "thread-a", "s2": "thread-a", "s3": "thread-b"}
    # s1..s3 now one thread: it keeps thread-a (two stories); a new story gets a new id.
    out = thread_ids([["s1", "s2", "s3"], ["s4"]], previous)
    assert out["s1"] == out["s3"] == "thread-a"
    assert out["s4"].startswith("thread-") and out["s4"] not in {"thread-a", "thread-b"}
    # Split again: the first group keeps thread-a, the other cannot take it twice.
    out = thread_ids([["s1"], ["s2"]], previous)
    assert out["s1"] == "thread-a" and out["s2"] != "thread-a"


def test_threads_json_shape_and_thread_briefing(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    api.ingest_paths(db, [str(_write(tmp_path / "in.jsonl", SPILL + CHESS))])
    runner = CliRunner()
    result = runner.invoke(app, ["threads", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == "storydesk.threads/1"
    assert len(data["threads"]) == 2
    for t in data["threads"]:
        assert set(t) == {"id", "title", "events", "articles", "first_published", "last_published"}
    spill = max(data["threads"], key=lambda t: t["articles"])
    assert (spill["events"], spill["articles"]) == (2, 4)

    out = tmp_path / "out"
    result = runner.invoke(app, ["thread", spill["id"], "--db", str(db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    brief = json.loads((out / spill["id"] / "thread.json").read_text())
    assert brief["schema"] == "storydesk.thread/1"
    dates = [e["first_published"] for e in brief["events"]]
    assert dates == sorted(dates) and len(dates) == 2
    texts = {i: x for i, _, _, x in SPILL}
    for e in brief["events"]:
        s = e["sentence"]
        c = s["citations"][0]
        assert texts[c["article_id"]][c["start"] : c["end"]].startswith(s["text"][:20])
    md = (out / spill["id"] / "thread.md").read_text()
    assert "## Events" in md
    assert "<h1>" in (out / spill["id"] / "thread.html").read_text()
    missing = runner.invoke(app, ["thread", "no-such-thread", "--db", str(db)])
    assert missing.exit_code == 2


def test_event_briefing_names_its_thread(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    api.ingest_paths(db, [str(_write(tmp_path / "in.jsonl", SPILL + CHESS))])
    with SqliteStore(db) as store:
        (story,) = store.story_of(["inquiry-1"])
        thread = store.thread_links()[story]
        title = next(r.title for r in store.threads() if r.id == thread)
    briefing, _ = api.brief_story(db, story, tmp_path / "out")
    assert briefing.thread == (thread, title)
    folder = tmp_path / "out" / story
    data = json.loads((folder / "briefing.json").read_text())
    assert data["thread"] == {"id": thread, "title": title}
    assert thread in (folder / "briefing.md").read_text()
    assert thread in (folder / "briefing.html").read_text()


def test_a_briefing_of_many_articles_inlines_only_the_texts_it_cites() -> None:
    from storydesk.model import Article, Briefing, Citation, Story, SummarySentence
    from storydesk.render import render_html

    articles = tuple(
        Article(
            id=f"n{k:02d}",
            source=f"n{k:02d}.txt",
            text=f"Harbour note {k}: the ferry Quillon{k} docked late at Tarnby.",
        )
        for k in range(60)
    )
    cited = articles[7]
    sentence = SummarySentence(cited.text, (Citation(cited.id, 0, len(cited.text)),))
    story = Story("s", "Ferries", tuple(a.id for a in articles))
    page = render_html(Briefing(story=story, articles=articles, summary=(sentence,)))
    assert "Quillon7 " in page  # the cited text is inlined
    assert "Quillon8 " not in page and "Quillon59 " not in page
    assert all(f'id="a-{a.id}"' in page for a in articles)  # every article is still listed
    few = articles[:5]
    page = render_html(
        Briefing(story=Story("s", "Ferries", tuple(a.id for a in few)), articles=few, summary=())
    )
    assert all(f"Quillon{k} " in page for k in range(5))


def _words(tag: str, n: int) -> str:
    return " ".join(f"{tag}{j}" for j in range(n))


def _running_story(tag: str, names: str) -> list[StoryFeatures]:
    """Ten one-report events of a running story (more articles than a thread that attaches
    to another): the same names, words of their own."""
    return [
        StoryFeatures(f"{tag}{k}", (_features(_words(f"{tag}{k}w", 12), names),)) for k in range(10)
    ]


def test_a_lone_report_joins_the_running_story_whose_profile_it_matches() -> None:
    # The fishermen's pay names the river and the company among many words of its own: too
    # little for the average link to any one event (cosine 0.11 < 0.12), enough for the
    # profile of the ten events together, which is what they share.
    spill = _running_story("spill", "tamsel averly harlow brandt")
    pay = StoryFeatures("pay", (_features(_words("payw", 18), "tamsel harlow"),))
    chess = StoryFeatures("chess", (_features(_words("chessw", 18), "quenby velder"),))
    assert group([*spill, pay, chess]) == [list(range(11)), [11]]
    assert group([chess, pay, *spill]) == [[0], list(range(1, 12))]


def test_a_lone_report_that_matches_two_running_stories_alike_stays_alone() -> None:
    spill = _running_story("spill", "tamsel averly harlow brandt")
    festival = _running_story("fest", "quenby velder reval exchange")
    both = StoryFeatures("both", (_features(_words("bothw", 18), "tamsel harlow quenby velder"),))
    threads = group([*spill, *festival, both])
    assert [20] in threads and len(threads) == 3


def test_eval_counts_an_article_that_names_nothing_of_its_topic_as_its_own_thread() -> None:
    from storydesk.evaluate.data import LabelledDoc
    from storydesk.evaluate.threads import score, topic_named_gold

    docs = [
        LabelledDoc(
            "r:1", "Shelling of Homs went on as Syrian troops advanced.", None, None, "SyrianCrisis"
        ),
        LabelledDoc(
            "r:2", "Talks on SYRIA stalled in Geneva on Monday.", None, None, "SyrianCrisis"
        ),
        LabelledDoc(
            "r:3", "A golfer was fined for leaving two tournaments.", None, None, "SyrianCrisis"
        ),
    ]
    assert topic_named_gold(docs) == ["SyrianCrisis", "SyrianCrisis", "off:r:3"]
    # Leaving the golfer alone is right against the named gold, a recall loss against topics.
    labels = ["t0", "t0", "t1"]
    assert score(docs, labels, topic_named_gold(docs))["bcubed"]["f1"] == 1.0
    assert score(docs, labels)["bcubed"]["f1"] < 1.0


def _random_store_steps(seed: int):
    """Store changes as ingests and corrections make them: batches of articles into new or
    stored stories (some near-copies), stored articles moved (some stories emptied)."""
    import random

    rng = random.Random(seed)
    themes = [[f"t{k}w{j}" for j in range(12)] for k in range(5)]
    n = 0
    stories: list[str] = []
    steps: list[tuple[str, object]] = []
    for _ in range(6):
        batch = []
        for _ in range(rng.randrange(2, 7)):
            if stories and rng.random() < 0.5:
                sid = rng.choice(stories)
            else:
                sid = f"story-{len(stories)}"
                stories.append(sid)
            theme = themes[rng.randrange(len(themes))]
            words = " ".join(rng.sample(theme, 6) + [f"n{rng.randrange(40)}" for _ in range(6)])
            batch.append((f"a{n}", sid, _features(words, f"Name{rng.randrange(8)}")))
            n += 1
        steps.append(("add", batch))
        if n > 4 and rng.random() < 0.7:
            moved = {
                f"a{rng.randrange(n)}": rng.choice(stories) for _ in range(rng.randrange(1, 4))
            }
            steps.append(("move", moved))
    return steps


def _apply(store: SqliteStore, step: tuple[str, object]) -> None:
    from storydesk.model import AnalyzedArticle, Article
    from storydesk.store import StoredArticle

    kind, what = step
    if kind == "add":
        batch = [
            StoredArticle(AnalyzedArticle(Article(aid, aid, aid), (), f), f"h-{aid}", sid)
            for aid, sid, f in what  # type: ignore[attr-defined]
        ]
        store.add(batch, {})
    else:
        store.reassign(what, {})  # type: ignore[arg-type]


def test_linking_changed_stories_gives_the_threads_of_linking_every_story(tmp_path: Path) -> None:
    from storydesk.threads import ThreadParams, link

    # only with attachment off does a link touch the changed stories alone (see threads)
    only = ThreadParams(attach_articles=0)
    for seed in range(8):
        with (
            SqliteStore(tmp_path / f"some-{seed}.db") as some,
            SqliteStore(tmp_path / f"all-{seed}.db") as every,
        ):
            for step in _random_store_steps(seed):
                _apply(some, step)
                _apply(every, step)
                link(some, only)
                link(every, only, everything=True)
                assert some.thread_links() == every.thread_links(), seed
                assert some.threads() == every.threads(), seed


def test_a_story_that_stops_bridging_two_others_splits_their_thread(tmp_path: Path) -> None:
    """Story x shares words with b and with c, which share none: one thread. Once x is
    about something else, b and c are two threads (with two ids), although neither changed."""
    from storydesk.threads import ThreadParams, link

    only = ThreadParams(attach_articles=0)

    b = "harbour crane strike dockers wages union pickets"
    c = "orchard frost apples growers harvest blossom"
    steps: list[tuple[str, object]] = [
        (
            "add",
            [
                ("b1", "story-b", _features(b, "Velport")),
                ("c1", "story-c", _features(c, "Ardlow")),
                ("x1", "story-x", _features(b + " " + c, "Velport Ardlow")),
            ],
        ),
        (
            "add",
            [
                (f"x{k}", "story-x", _features("comet telescope observatory orbit", "Kelder"))
                for k in range(2, 12)
            ],
        ),
    ]
    with (
        SqliteStore(tmp_path / "some.db") as some,
        SqliteStore(tmp_path / "all.db") as every,
    ):
        for step in steps:
            _apply(some, step)
            _apply(every, step)
            link(some, only)
            link(every, only, everything=True)
            assert some.thread_links() == every.thread_links()
        links = some.thread_links()
        assert links["story-b"] != links["story-c"]


# A fictional truce push of the seeds' shape: envoys press for a ceasefire between Veltria and
# the Osk militia in July 2024 (three reports), and a report of an alike push by other envoys
# in November 2022, twenty months before.
TRUCE = [
    (
        "truce-1",
        "2024-07-21",
        "Envoys in Dorvan press for a truce between Veltria and the Osk militia",
        "Envoy Marta Kessel arrived in Dorvan on Monday to press Veltria and the Osk militia "
        "for an immediate ceasefire after two weeks of shelling along the Varn border. Kessel "
        "met the Veltrian foreign minister and said a truce was within reach. The Osk militia "
        "said it would study any ceasefire offer.",
    ),
    (
        "truce-2",
        "2024-07-23",
        "Kessel says gaps remain in Veltria ceasefire talks",
        "Envoy Marta Kessel said on Wednesday that gaps remained in the ceasefire talks between "
        "Veltria and the Osk militia, as shelling went on along the Varn border. Kessel spoke "
        "with mediators in Dorvan about an immediate truce.",
    ),
    (
        "truce-3",
        "2024-07-24",
        "Kessel still hopeful for a Varn border truce",
        "Envoy Marta Kessel said on Thursday she was still hopeful for a ceasefire between "
        "Veltria and the Osk militia, though the shelling on the Varn border went on. Talks in "
        "Dorvan on an immediate truce would continue, she said.",
    ),
]
EARLIER_PUSH = (
    "push-2022",
    "2022-11-20",
    "Veltria and Osk militia: push for a ceasefire amid fresh shelling",
    "Envoy Paul Oderin arrived in Dorvan on Tuesday to press Veltria and the Osk militia for a "
    "ceasefire after a week of shelling along the Varn border. Oderin met the Veltrian foreign "
    "minister and mediators and said an immediate truce was the goal. The Osk militia said it "
    "would study any ceasefire offer.",
)


def test_two_alike_events_twenty_months_apart_are_two_threads(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    api.ingest_paths(db, [str(_write(tmp_path / "in.jsonl", [*TRUCE, EARLIER_PUSH]))])
    with SqliteStore(db) as store:
        assert store.story_of(["truce-1"]) != store.story_of(["push-2022"])
        assert _thread_of_article(store, "truce-1") != _thread_of_article(store, "push-2022")
        assert len(store.threads()) == 2


def _dated(tag: str, day: str, words: str, names: str, n: int = 1) -> StoryFeatures:
    d = dt.date.fromisoformat(day)
    return StoryFeatures(tag, tuple(_features(words, names) for _ in range(n)), (d, d))


def test_a_thread_runs_through_monthly_events_but_not_over_a_long_silence() -> None:
    words = "envoy truce ceasefire shelling border talks mediators offer"
    names = "kessel veltria osk dorvan varn"
    late = _dated("b-late", "2024-07-21", words, names, n=3)
    early = _dated("a-early", "2022-11-20", words, names)
    # 20 months apart with nothing between: two threads, however alike their words
    assert group([early, late]) == [[0], [1]]
    # the same two with a report every month between them: one running story
    months = [
        _dated(
            f"m{k:02d}",
            (dt.date(2022, 12, 20) + dt.timedelta(days=30 * k)).isoformat(),
            words,
            names,
        )
        for k in range(19)
    ]
    assert group([early, late, *months]) == [list(range(21))]
    # undated, the two are linked on their words alone, as before
    assert group([StoryFeatures(early.id, early.features), late]) == [[0, 1]]


def test_a_small_thread_does_not_attach_across_a_long_silence() -> None:
    spill = [
        replace(s, span=(dt.date(2026, 3, 1), dt.date(2026, 3, 2)))
        for s in _running_story("spill", "tamsel averly harlow brandt")
    ]
    pay = StoryFeatures("pay", (_features(_words("payw", 18), "tamsel harlow"),))
    assert group([*spill, pay]) == [list(range(11))]
    later = replace(pay, span=(dt.date(2028, 1, 5), dt.date(2028, 1, 5)))
    assert group([*spill, later]) == [list(range(10)), [10]]


def test_agglomerate_without_dates_is_scipys_average_linkage() -> None:
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    from storydesk.threads import ThreadParams, agglomerate

    for seed in range(20):
        rng = np.random.default_rng(seed)
        x = rng.random((30, 6)) ** 4
        x /= np.linalg.norm(x, axis=1, keepdims=True)
        sim = x @ x.T
        dist = np.clip(1.0 - sim, 0.0, 2.0)
        np.fill_diagonal(dist, 0.0)
        labels = fcluster(
            linkage(squareform(dist, checks=False), "average"), t=0.5, criterion="distance"
        )
        want = sorted(sorted(np.flatnonzero(labels == k).tolist()) for k in set(labels))
        undated = np.full((30, 30), np.inf)
        assert sorted(agglomerate(sim, undated, ThreadParams(threshold=0.5))) == want, seed


def test_eval_reports_events_per_thread_time_order_and_the_longest_silence() -> None:
    from storydesk.evaluate.data import LabelledDoc
    from storydesk.evaluate.threads import event_report

    days = ["2026-01-01", "2026-01-03", "2026-01-02", "2026-05-01", "2026-02-10"]
    docs = [LabelledDoc(f"d{k}", "text", None, day, "spill") for k, day in enumerate(days)]
    # event 0: Jan 1-3; event 1: Jan 2 (overlaps it); event 2: May 1; event 3: Feb 10
    report = event_report(docs, [[0, 1], [2], [3], [4]], [[0, 1, 2], [3]])
    (big, small) = report["per_thread"]
    assert (big["events"], big["articles"], small["events"]) == (3, 4, 1)
    assert big["longest_silence_days"] == 118  # Jan 3 to May 1, with nothing running
    assert report["events_per_thread"] == [3, 1]
    assert (report["consecutive_event_pairs"], report["overlapping_consecutive_pairs"]) == (2, 1)
    assert report["longest_silence_days"] == 118
