"""The HTML briefing in a real browser: Debian's Chromium driven by Playwright."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from browser import launch_chromium
from hostile import IMG, SAFE_URL_PREFIX, hostile_briefing

from storydesk import run
from storydesk.errors import ConfigError
from storydesk.model import Briefing
from storydesk.render.common import printable
from storydesk.render.html import anchor
from storydesk.write import write_run

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


def test_the_content_security_policy_lets_the_page_and_its_charts_draw(
    browser, briefing_page: Path
):
    page = browser.new_page()
    messages: list[str] = []
    page.on("console", lambda m: messages.append(f"{m.type}: {m.text}"))
    page.goto(briefing_page.as_uri())
    # nothing the page holds was refused by its own policy (Chromium logs each refusal)
    assert [m for m in messages if "Content Security Policy" in m or m.startswith("error")] == []
    # the page's CSS applied, and the chart's own styles: its plot lines are stroked
    assert page.locator("body").evaluate("e => getComputedStyle(e).overflowWrap") == "anywhere"
    chart = page.locator(".chart svg").first
    assert chart.bounding_box()["width"] > 200
    strokes = chart.evaluate(
        "s => [...s.querySelectorAll('path')].map(p => getComputedStyle(p).stroke)"
    )
    assert any(s not in ("none", "") for s in strokes)
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


# A briefing with script payloads in every field (see hostile.py), written as a run writes it.


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory) -> tuple[Path, Briefing]:
    out = tmp_path_factory.mktemp("hostile")
    b = hostile_briefing()
    write_run(out, [b], b.rejected)
    return out, b


class _Watch:
    """A page that records every dialog, and aborts (and records) every request for
    anything but a file of the run's output folder."""

    def __init__(self, browser, out: Path, width: int = 1280) -> None:
        self.page = browser.new_page(viewport={"width": width, "height": 800})
        self.dialogs: list[str] = []
        self.left: list[tuple[str, bool]] = []  # (url, is a navigation)
        self.page.on("dialog", self._dialog)
        self.page.route("**/*", self._route)
        self.folder = out.resolve()

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _route(self, route) -> None:
        url = route.request.url
        path = Path(unquote(urlsplit(url).path)) if url.startswith("file:") else None
        if path is not None and path.resolve().is_relative_to(self.folder):
            route.continue_()
        else:
            self.left.append((url, route.request.is_navigation_request()))
            route.abort()

    def path(self) -> Path | None:
        url = self.page.url
        return Path(unquote(urlsplit(url).path)) if url.startswith("file:") else None


ALLOWED = [
    "html", "head", "meta", "title", "style", "body", "main", "header", "div", "h1", "h2",
    "h3", "p", "section", "ol", "ul", "li", "a", "span", "strong", "table", "thead", "tbody",
    "tr", "th", "td", "time", "article", "mark", "br",
]  # fmt: skip
FOUND_MARKUP = """allowed => {
  const bad = [];
  for (const e of document.querySelectorAll('*')) {
    const name = e.localName;
    if (e.closest('.chart')) {  // matplotlib's SVG: shapes, text and styles only
      if (['script', 'image', 'img', 'foreignobject', 'iframe', 'a'].includes(name.toLowerCase()))
        bad.push(name);
    } else if (!allowed.includes(name)) bad.push(name);
    for (const a of e.attributes)
      if (a.name.startsWith('on') || ['src', 'srcdoc', 'action', 'formaction'].includes(a.name))
        bad.push(name + '@' + a.name);
  }
  return bad;
}"""
TARGET = """() => {
  const t = document.querySelector(':target');
  return [t ? t.id : null, decodeURIComponent(location.hash.slice(1))];
}"""


def _assert_safe_page(w: _Watch, page_file: Path) -> None:
    """The page as loaded: a CSP that forbids script and requests, and that Chromium
    enforces; no markup from article text; no link but to http(s) or into the run."""
    page = w.page
    csp = page.locator('head meta[http-equiv="Content-Security-Policy"]')
    assert csp.count() == 1
    policy = csp.get_attribute("content") or ""
    assert "default-src 'none'" in policy and "script-src" not in policy
    assert page.evaluate(
        "() => [...document.head.children].findIndex(e => e.httpEquiv)"
        " < [...document.head.children].findIndex(e => e.localName === 'style')"
    ), "the policy must come before the styles it governs"
    assert page.evaluate(FOUND_MARKUP, ALLOWED) == []
    for protocol, href in page.evaluate(
        "() => [...document.links].map(a => [a.protocol, a.getAttribute('href')])"
    ):
        if protocol == "file:":
            assert href.startswith("#") or not urlsplit(href).scheme, href
        else:
            assert protocol == "https:" and href.startswith(SAFE_URL_PREFIX), href
    # the policy holds: neither a script nor an image put into the page runs or loads
    page.evaluate(
        """() => {
      const s = document.createElement('script');
      s.textContent = 'window.ranScript = true';
      document.body.append(s);
      const i = document.createElement('img');
      i.src = 'https://tracker.example/pixel.png';
      document.body.append(i);
    }"""
    )
    page.wait_for_timeout(200)
    assert page.evaluate("() => window.ranScript === undefined")
    assert w.left == [], "the page requested something outside its run folder"
    page.goto(page_file.as_uri())  # without what was just put into it


def _click_every_link(w: _Watch, page_file: Path) -> int:
    """Click each link of the page in turn (reloading it when a link left it); a link into
    the page must highlight its target. Returns how many links were clicked."""
    page = w.page
    n = page.locator("a").count()
    for i in range(n):
        if w.path() != page_file:
            page.goto(page_file.as_uri())
        link = page.locator("a").nth(i)
        href = link.get_attribute("href") or ""
        link.click()
        page.wait_for_timeout(50)  # a javascript: URL would run in a task after the click
        if href.startswith("#"):
            target, wanted = page.evaluate(TARGET)
            assert target == wanted, f"{href} leads to {target!r}"
    return n


def test_payloads_in_every_field_run_no_script_and_request_nothing(browser, hostile_run):
    out, b = hostile_run
    page_file = out / b.story.id / "briefing.html"
    w = _Watch(browser, out)
    w.page.goto(page_file.as_uri())
    _assert_safe_page(w, page_file)
    # the cited sentences carry the payloads, and their marks show them as text
    for s in b.summary:
        for c in s.citations:
            cited = next(a.text for a in b.articles if a.id == c.article_id)[c.start : c.end]
            assert IMG in cited
            element = printable(anchor(c.article_id, c.start, c.end))
            shown = w.page.evaluate("id => document.getElementById(id).textContent", element)
            assert shown == printable(cited)
    clicked = _click_every_link(w, page_file)
    assert clicked >= 30
    assert w.dialogs == []
    # the one http(s) link was followed (and stopped here); nothing else left the page
    assert w.left and all(nav and url.startswith(SAFE_URL_PREFIX) for url, nav in w.left)
    w.page.close()


def test_index_of_payloads_runs_no_script_and_links_to_the_briefing(browser, hostile_run):
    out, b = hostile_run
    index = out / "index.html"
    w = _Watch(browser, out)
    w.page.goto(index.as_uri())
    _assert_safe_page(w, index)
    w.page.locator("a").first.click()
    w.page.wait_for_load_state()
    assert w.path() == out / b.story.id / "briefing.html"
    assert w.page.locator("h1").inner_text() == " ".join(printable(b.story.title).split())
    w.page.goto(index.as_uri())
    assert _click_every_link(w, index) == 1
    assert w.dialogs == [] and w.left == []
    w.page.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_a_long_word_keeps_the_page_to_the_window_width(browser, hostile_run, width: int):
    out, b = hostile_run
    for page_file in (out / b.story.id / "briefing.html", out / "index.html"):
        w = _Watch(browser, out, width)
        w.page.goto(page_file.as_uri())
        scroll, inner = w.page.evaluate(
            "() => [document.documentElement.scrollWidth, window.innerWidth]"
        )
        assert scroll <= inner + 2, f"{page_file.name} is {scroll} px wide in a {inner} px window"
        w.page.close()
