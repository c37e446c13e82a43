"""The local web UI and JSON API (storydesk.web), in-process and in a real browser."""

from __future__ import annotations

import json
import socket
import threading
import time
from pathlib import Path

import pytest

from storydesk import api
from storydesk.errors import (
    AmbiguousStoryError,
    StoreBusyError,
    StoreDamagedError,
    StoryNotFoundError,
    ThreadNotFoundError,
)
from storydesk.web import create_app, status_of

GOLDEN_INPUT = Path(__file__).parent / "golden" / "input"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("web") / "store.db"
    report = api.ingest_paths(path, [str(GOLDEN_INPUT)])
    assert report.added
    return path


@pytest.fixture(scope="module")
def client(db: Path):
    from fastapi.testclient import TestClient

    return TestClient(create_app(db))


def _error(response, status: int, code: str) -> str:
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and body["error"]["code"] == code
    return body["error"]["message"]


def test_the_api_lists_the_stores_stories_and_briefs_each(client, db: Path):
    stories = client.get("/api/stories").json()
    assert stories == json.loads(json.dumps(api.stories_document(db)))
    assert stories["stories"]
    for s in stories["stories"]:
        b = client.get(f"/api/stories/{s['id']}").json()
        assert b["schema"] == "storydesk.briefing/1"
        assert b["story"]["id"] == s["id"]
        texts = {a["id"]: a["text"] for a in b["articles"]}
        for q in b["quotes"]:  # everything citable is characters of an article
            assert texts[q["article_id"]][q["start"] : q["end"]] == q["text"]
    # a unique prefix names the story, as on the command line
    first = stories["stories"][0]["id"]
    assert client.get(f"/api/stories/{first[:-1]}").json()["story"]["id"] == first


def test_the_ui_links_every_story_to_its_html_briefing(client, db: Path):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    for row in api.list_stories(db):
        assert f'href="/stories/{row.id}"' in page.text
        briefing = client.get(f"/stories/{row.id}")
        assert briefing.status_code == 200
        assert "<h2>Summary</h2>" in briefing.text or "Summary" in briefing.text
    threads = client.get("/api/threads").json()
    assert threads["schema"] == "storydesk.threads/1"
    for t in threads["threads"]:
        assert f'href="/threads/{t["id"]}"' in page.text
        assert client.get(f"/threads/{t['id']}").status_code == 200
        assert client.get(f"/api/threads/{t['id']}").json()["thread"]["id"] == t["id"]


def test_every_error_is_one_json_shape_with_its_status(client):
    assert "no story" in _error(client.get("/api/stories/nope"), 404, "E306")
    assert "no story" in _error(client.get("/stories/nope"), 404, "E306")
    assert "no thread" in _error(client.get("/api/threads/nope"), 404, "E308")
    _error(client.get("/no/such/page"), 404, "H404")
    first = client.get("/api/stories").json()["stories"][0]["id"]
    assert "needs a date" in _error(client.get(f"/api/stories/{first}?since=soon"), 400, "E202")


def test_status_of_each_error_class():
    assert status_of(StoryNotFoundError("x")) == 404
    assert status_of(ThreadNotFoundError("x")) == 404
    assert status_of(AmbiguousStoryError("x")) == 400
    assert status_of(StoreBusyError("x")) == 503
    assert status_of(StoreDamagedError("x")) == 500


def test_no_store_no_app(tmp_path: Path):
    from storydesk.errors import StoreNotFoundError

    with pytest.raises(StoreNotFoundError):
        create_app(tmp_path / "missing.db")
    assert not (tmp_path / "missing.db").exists()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.browser
def test_a_reader_opens_a_story_from_the_front_page(db: Path):
    uvicorn = pytest.importorskip("uvicorn")
    playwright = pytest.importorskip("playwright.sync_api")
    from browser import launch_chromium

    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        for _ in range(100):
            if server.started:
                break
            time.sleep(0.05)
        assert server.started
        title = api.list_stories(db)[0].title
        with playwright.sync_playwright() as p:
            browser = launch_chromium(p)
            page = browser.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(f"http://127.0.0.1:{port}/")
            page.click(f"#stories a >> text={title}")
            page.wait_for_selector("h1")
            assert page.inner_text("h1") == title
            assert page.url.startswith(f"http://127.0.0.1:{port}/stories/")
            assert errors == []
            browser.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)
