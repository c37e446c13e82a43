"""The local web UI and JSON API: routes that call :mod:`storydesk.api`, nothing more.

``storydesk serve --db FILE`` serves one store on this machine (127.0.0.1 by default):

* ``/``: the stories and threads, each linked to its briefing;
* ``/stories/{id}``: a story's HTML briefing (``?since=YYYY-MM-DD``: what articles published
  after that date add); ``/threads/{id}``: a thread's;
* ``/api/stories``, ``/api/stories/{id}``, ``/api/threads``, ``/api/threads/{id}``: the same
  as JSON, in the shapes of ``stories.json``, ``briefing.json`` and ``thread.json``.

A story id may be a unique prefix, as on the command line. Every error is one JSON shape,
``{"error": {"code": "E306", "message": "..."}}``, with the HTTP status of its class
(:data:`STATUS`): 404 for a story, thread or page that is not there, 400 for a bad argument,
503 while another process writes the store.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from starlette.exceptions import HTTPException

from .. import api
from ..errors import (
    ArgumentError,
    ArticleNotFoundError,
    ConfigError,
    InputError,
    StoreBusyError,
    StorydeskError,
    StoryNotFoundError,
    ThreadNotFoundError,
)
from ..render.html import render_html, render_store
from ..render.jsonout import briefing_dict, dumps
from ..threadbrief import render_thread_html, thread_dict

# The HTTP status of each error class (the first that matches, in order); others are 500.
STATUS: tuple[tuple[type[StorydeskError], int], ...] = (
    (StoryNotFoundError, 404),
    (ThreadNotFoundError, 404),
    (ArticleNotFoundError, 404),
    (StoreBusyError, 503),
    (InputError, 400),
    (ConfigError, 400),  # a bad argument, an ambiguous story id
)


def status_of(error: StorydeskError) -> int:
    """The HTTP status the web layer answers ``error`` with."""
    return next((code for kind, code in STATUS if isinstance(error, kind)), 500)


def error_body(code: str, message: str) -> dict[str, dict[str, str]]:
    """The one JSON shape of every error."""
    return {"error": {"code": code, "message": message}}


def _json(data: object, status: int = 200) -> Response:
    return Response(dumps(data), status_code=status, media_type="application/json")


def create_app(db: str | Path) -> FastAPI:
    """The web app over the store ``db``; raises at once when there is no store there."""
    api.check_store(db)
    app = FastAPI(title="storydesk", docs_url=None, redoc_url=None, openapi_url=None)

    @app.exception_handler(StorydeskError)
    async def _storydesk_error(request: Request, exc: StorydeskError) -> Response:
        return _json(error_body(exc.code, exc.message), status_of(exc))

    @app.exception_handler(HTTPException)
    async def _http_error(request: Request, exc: HTTPException) -> Response:
        message = "no such page" if exc.status_code == 404 else str(exc.detail)
        return _json(error_body(f"H{exc.status_code}", message), exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def _bad_request(request: Request, exc: RequestValidationError) -> Response:
        return _json(error_body(ArgumentError.code, "bad request: " + str(exc.errors())), 400)

    @app.get("/", response_class=HTMLResponse)
    def index() -> str:
        return render_store(Path(db).name, api.list_stories(db), api.list_threads(db))

    @app.get("/stories/{story_id}", response_class=HTMLResponse)
    def story_page(story_id: str, since: str | None = None) -> str:
        return render_html(api.story_briefing(db, story_id, since=api.since_date(since, "since")))

    @app.get("/threads/{thread_id}", response_class=HTMLResponse)
    def thread_page(thread_id: str) -> str:
        return render_thread_html(api.thread_briefing(db, thread_id))

    @app.get("/api/stories")
    def stories() -> Response:
        return _json(api.stories_document(db))

    @app.get("/api/stories/{story_id}")
    def story(story_id: str, since: str | None = None) -> Response:
        return _json(
            briefing_dict(api.story_briefing(db, story_id, since=api.since_date(since, "since")))
        )

    @app.get("/api/threads")
    def threads() -> Response:
        return _json(api.threads_document(db))

    @app.get("/api/threads/{thread_id}")
    def thread(thread_id: str) -> Response:
        return _json(thread_dict(api.thread_briefing(db, thread_id)))

    return app


__all__ = ["STATUS", "create_app", "error_body", "status_of"]
