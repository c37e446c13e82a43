"""Small fictional corpora for the store's ingest tests: several events, a few reports of
each written differently, and near-copies made by light rewrites of some reports.

    rows = corpus_rows()               # list of JSON Lines records, deterministic
    write_jsonl(tmp_path / "a.jsonl", rows[::2])

Every sentence is invented for these tests.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

# Each event: a date and sentences reports draw on. Places, people and things are made up and
# differ between events, so the events are far apart and their reports close together.
EVENTS: list[tuple[str, str, list[str]]] = [
    (
        "ferry",
        "2031-03-02",
        [
            "The ferry Calder Rose ran aground off Skellan Point early on Sunday.",
            "All 212 passengers were taken off by lifeboats from Brannock harbour.",
            "Captain Ilse Marrow said fog had hidden the reef until the last minute.",
            "The coastguard at Brannock said nobody had been seriously hurt.",
            "Divers will inspect the hull of the Calder Rose when the tide turns.",
            "The operator Westsound Ferries suspended its crossings to Skellan for a week.",
            "Passengers praised the lifeboat crews who worked through the freezing fog.",
            "An inquiry into the grounding will be led by the marine accident board.",
        ],
    ),
    (
        "vaccine",
        "2031-04-20",
        [
            "Health officials in Dorrow province began giving a new measles vaccine on Monday.",
            "Doctor Pell Anwick said clinics hoped to reach ninety thousand children by June.",
            "The vaccine is kept cold in solar fridges carried to remote Dorrow villages.",
            "Nurses travelled by motorbike along mountain tracks to the first clinics.",
            "Measles cases in Dorrow doubled last winter, the provincial health board said.",
            "Parents queued outside the Anwick clinic before dawn with their toddlers.",
            "The campaign is paid for by a grant from the Halverd children's fund.",
            "Officials warned that rain could wash out tracks to the highest villages.",
        ],
    ),
    (
        "orchestra",
        "2031-06-11",
        [
            "The Varnholm Philharmonic named the cellist Oda Quill as its new conductor.",
            "Quill, who is thirty-four, will lead the orchestra from next autumn.",
            "She follows Matthias Greeve, who retires after twenty seasons in Varnholm.",
            "The board said Quill won the players' vote after a guest concert in March.",
            "Her first season opens with a symphony written for the orchestra's centenary.",
            "Greeve called his successor a bold musician with a gift for new music.",
            "Tickets for the opening night at the Varnholm concert hall sold out in an hour.",
            "Quill said she would take the orchestra on a tour of northern towns.",
        ],
    ),
    (
        "drought",
        "2031-08-03",
        [
            "Farmers in the Tessaly valley said the drought had ruined most of the barley.",
            "The Tessaly river fell to its lowest level since records began in 1902.",
            "The agriculture minister Corvin Bale promised emergency fodder for cattle.",
            "Wells in a dozen villages ran dry and water is now brought in by tanker.",
            "Bale said the government would delay loan repayments for valley farmers.",
            "Beekeepers reported that the heat had withered the clover their bees need.",
            "Forecasters expect no heavy rain in the valley before late September.",
            "Some farmers have begun selling their herds at half the usual price.",
        ],
    ),
    (
        "bridge",
        "2031-10-15",
        [
            "A cable snapped on the Marlow Gate suspension bridge during a storm on Tuesday.",
            "Engineers closed the bridge to all traffic while they check the other cables.",
            "The city engineer Runa Fasset said the bridge was in no danger of collapse.",
            "Commuters faced a detour of forty minutes through the old river tunnel.",
            "The cable was due to be replaced next spring under a repair programme.",
            "Fasset said divers found no damage to the towers below the waterline.",
            "Ferry operators added extra sailings across the estuary for commuters.",
            "The bridge carries about sixty thousand vehicles on a normal weekday.",
        ],
    ),
    (
        "library",
        "2031-12-01",
        [
            "The town of Emberwick opened a library in its disused railway station.",
            "Volunteers spent two years restoring the station's iron roof and tiled floors.",
            "The librarian Tamsin Oakridge said the shelves hold forty thousand books.",
            "Old timetables and a ticket window were kept as part of the reading room.",
            "Children's story hours will take place in the former waiting room.",
            "Oakridge thanked the railway society that gave the station to the town.",
            "The library will open late on Thursdays for workers from the Emberwick mill.",
            "Residents had collected books for the new library since the station closed.",
        ],
    ),
]

OUTLETS = ["The Coast Ledger", "Morning Courier", "Valley Post", "City Herald"]
# Light rewrites for near-copies: a few words swapped for others of the same sense.
SWAPS = {
    "said": "stated",
    "Sunday": "Sunday morning",
    "new": "fresh",
    "two": "2",
    "all": "every",
    "began": "started",
    "closed": "shut",
}


def _report(k: int, sentences: list[str]) -> str:
    """Report ``k`` of an event: the lead and three more sentences, one shared with each
    neighbouring report, so reports of one event are alike but none copies another."""
    rest = sentences[1:]
    return " ".join([sentences[0]] + [rest[(2 * k + i) % len(rest)] for i in range(3)])


def _rewrite(text: str, rng: random.Random) -> str:
    """A near-copy: a few words changed, one sentence dropped from the end."""
    words = text.split()
    for i, w in enumerate(words):
        if w in SWAPS and rng.random() < 0.5:
            words[i] = SWAPS[w]
    out = " ".join(words)
    cut = out.rfind(". ", 0, len(out) - 2)
    return out[: cut + 1] if cut > len(out) * 0.7 else out


def corpus_rows(reports: int = 3, copies: int = 2, seed: int = 3) -> list[dict]:
    """JSON Lines records: ``reports`` reports per event, then ``copies`` near-copies of the
    first reports of each event (published a day later, under another outlet)."""
    rng = random.Random(seed)
    rows: list[dict] = []
    for name, date, sentences in EVENTS:
        day = dt.date.fromisoformat(date)
        texts = []
        for k in range(reports):
            text = _report(k, sentences)
            texts.append(text)
            rows.append(
                {
                    "id": f"{name}-{k}",
                    "title": f"{sentences[0].split(' ', 3)[1]} {name} report {k}",
                    "outlet": OUTLETS[k % len(OUTLETS)],
                    "published": (day + dt.timedelta(days=k % 3)).isoformat(),
                    "text": text,
                }
            )
        for c in range(copies):
            rows.append(
                {
                    "id": f"{name}-copy-{c}",
                    "title": f"{name} report {c} (syndicated)",
                    "outlet": "Wire Digest",
                    "published": (day + dt.timedelta(days=c % 3 + 1)).isoformat(),
                    "text": _rewrite(texts[c], rng),
                }
            )
    return rows


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path
