"""Headless Chromium (Debian's binary) through Playwright, for browser tests and screenshots.

Never ``playwright install``: the machine's ``chromium`` is used, with the flags that keep it
from reaching out to the network.
"""

from __future__ import annotations

import shutil
from typing import Any

from storydesk.errors import ConfigError

CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def launch_chromium(playwright: Any) -> Any:
    """A headless Chromium browser from a started ``sync_playwright()`` object."""
    executable = shutil.which("chromium")
    if executable is None:
        raise ConfigError("chromium is not installed: run 'make setup' (apt-get install chromium)")
    return playwright.chromium.launch(
        executable_path=executable, args=list(CHROMIUM_ARGS), headless=True
    )
