"""Screenshot of an HTML briefing in headless Chromium (Debian's), for the README.

python scripts/screenshot.py demo-out docs/img/briefing.png
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from browser import launch_chromium


def main(out_dir: str, target: str) -> None:
    stories = sorted(Path(out_dir).glob("*/briefing.html"), key=lambda p: -p.stat().st_size)
    if not stories:
        sys.exit(f"no briefing.html under {out_dir}: run 'make demo' first")
    page_path = stories[0].resolve()
    with sync_playwright() as p:
        browser = launch_chromium(p)
        page = browser.new_page(viewport={"width": 1100, "height": 1300})
        page.goto(page_path.as_uri())
        # follow the second citation of the first summary sentence, as a reader would
        refs = page.locator("ol.summary a.ref")
        href = refs.nth(1 if refs.count() > 1 else 0).get_attribute("href")
        page.screenshot(path=target, full_page=False)
        page.goto(page_path.as_uri() + href)
        page.locator(href).scroll_into_view_if_needed()
        page.evaluate("window.scrollBy(0, -200)")
        page.screenshot(path=target.replace(".png", "-citation.png"), full_page=False)
        browser.close()
    print(f"wrote {target}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
