"""The HTML briefing in a real browser: Debian's Chromium driven by Playwright."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storydesk import run
from storydesk.browser import launch_chromium
from storydesk.errors import ConfigError

pytestmark = pytest.mark.browser

GOLDEN_INPUT = Path(__file__).parent / "golden" / "input"


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        try:
            b = launch_chromium(p)
        except ConfigError as exc:
            pytest.fail(str(exc))
        yield b
        b.close()


@pytest.fixture(scope="module")
def briefing_page(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("browser")
    result = run([str(GOLDEN_INPUT)], out)
    return out / result.briefings[0].story.id / "briefing.html"


def test_citation_click_highlights_the_cited_sentence(browser, briefing_page: Path):
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(briefing_page.as_uri())
    refs = page.locator("ol.summary a.ref")
    assert refs.count() >= 3
    # the second citation of the first sentence points into another article
    ref = refs.nth(1)
    href = ref.get_attribute("href")
    assert href and href.startswith("#c-")
    before = page.locator(href).evaluate("e => getComputedStyle(e).backgroundColor")
    ref.click()
    target = page.locator(":target")
    assert target.count() == 1
    assert target.get_attribute("id") == href[1:]
    after = target.evaluate("e => getComputedStyle(e).backgroundColor")
    assert after != before, "the cited sentence must be highlighted when its citation is followed"
    assert target.is_visible()
    # the first sentence's own citation shows exactly the summary sentence
    first_text = page.locator("ol.summary li").first.evaluate(
        "e => e.firstChild.textContent.trim()"
    )
    first_href = refs.first.get_attribute("href")
    assert page.locator(first_href).inner_text() == first_text
    # a self-contained file: nothing but the file itself was requested
    assert requests == [briefing_page.as_uri()]
    page.close()


def test_index_links_to_briefing(browser, briefing_page: Path):
    page = browser.new_page()
    page.goto((briefing_page.parent.parent / "index.html").as_uri())
    page.locator("table.stories a").first.click()
    page.wait_for_load_state()
    assert page.url == briefing_page.as_uri()
    title = json.loads((briefing_page.parent / "briefing.json").read_text())["story"]["title"]
    assert page.locator("h1").inner_text() == title
    page.close()
