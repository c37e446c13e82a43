"""The command line: parse arguments, call the library, print. Nothing else."""

from __future__ import annotations

import logging
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from . import api
from .errors import StorydeskError
from .evaluate import tables
from .model import Rejected
from .settings import Settings

app = typer.Typer(
    name="storydesk",
    help="Turn a pile of news articles into cited briefings.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True)

_DEFAULTS = Settings()
# Below this many articles a progress bar is more noise than help.
_PROGRESS_FROM = 6

PathsArg = Annotated[
    list[str],
    typer.Argument(
        help="Files or folders (.txt, .html, .jsonl, .json, each also gzipped as .gz), "
        "or - for JSON Lines on stdin."
    ),
]
DbOpt = Annotated[str, typer.Option("--db", help="The story store (SQLite file).")]
WordsOpt = Annotated[int, typer.Option("--words", help="Summary length in words per story.")]


@app.callback()
def main(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log what happens.")] = False,
) -> None:
    """storydesk command line."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    _exit_on_termination()


def _exit_on_termination() -> None:
    """SIGTERM and SIGHUP (``timeout``, a closed terminal) end a command as Ctrl-C does, by
    an exception, so that a run's temporary store is removed on the way out."""

    def leave(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    for name in ("SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is not None and signal.getsignal(sig) == signal.SIG_DFL:
            signal.signal(sig, leave)


@contextmanager
def _progress() -> Iterator[tuple[Callable[[int], None], Callable[[int], None]]]:
    with Progress(
        TextColumn("[bold]analysing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
    ) as bar:
        task = bar.add_task("analysing", total=None, visible=False)

        def loaded(n: int) -> None:
            bar.update(task, total=n, visible=n >= _PROGRESS_FROM)

        yield loaded, lambda k: bar.advance(task, k)


@contextmanager
def _errors() -> Iterator[None]:
    try:
        yield
    except StorydeskError as exc:
        err.print(f"[red]error[/red] {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None


def _waiting(db: str | Path | None) -> Callable[[], None]:
    """Say once per command that another process holds the store's write lock."""
    said: list[bool] = []

    def say() -> None:
        if not said:
            said.append(True)
            err.print(f"waiting for another ingest to finish writing to {db} ...", highlight=False)

    return say


def _print_rejected(rejected: list[Rejected] | tuple[Rejected, ...]) -> None:
    for r in rejected:
        err.print(
            f"[yellow]rejected[/yellow] {r.source}: {r.error}", highlight=False, soft_wrap=True
        )


@app.command()
def run(
    paths: PathsArg,
    out_dir: Annotated[
        Path, typer.Option("--out", "-o", help="Folder to write the briefings to.")
    ] = Path("out"),
    words: WordsOpt = _DEFAULTS.words,
    db: Annotated[
        str | None,
        typer.Option("--db", help="Keep the stories in this store (default: a temporary one)."),
    ] = None,
) -> None:
    """Read articles, group them into stories and write a cited briefing per story."""
    with _errors():
        settings = Settings(words=words)
        with _progress() as (loaded, advance):
            result = api.run(
                paths,
                out_dir,
                settings,
                db=db,
                on_loaded=loaded,
                progress=advance,
                on_wait=_waiting(db),
            )
    _print_rejected(result.rejected)
    if not result.processed:
        err.print("[red]no article could be processed[/red]")
        raise typer.Exit(2)
    n = len(result.briefings)
    table = Table(title=f"{n} stor{'y' if n == 1 else 'ies'} from {result.processed} articles")
    table.add_column("story")
    table.add_column("title")
    table.add_column("articles", justify="right")
    table.add_column("copies", justify="right")
    table.add_column("summary", justify="right")
    for b in result.briefings:
        table.add_row(
            b.story.id,
            b.story.title,
            str(len(b.articles)),
            str(len(b.duplicates)),
            f"{len(b.summary)} sentences",
        )
    out.print(table)
    out.print(
        f"wrote {len(result.written)} files to {out_dir}/ (open {Path(out_dir) / 'index.html'})",
        highlight=False,
    )
    for b in result.briefings:
        out.print(f"  {Path(out_dir) / b.story.id / 'briefing.html'}", highlight=False)


@app.command()
def ingest(
    paths: PathsArg,
    db: DbOpt = api.DEFAULT_DB,
    chunk: Annotated[
        int, typer.Option("--chunk", help="Articles per store transaction.")
    ] = _DEFAULTS.chunk,
) -> None:
    """Add articles to the store; each joins the story it reports, or opens one."""
    with _errors(), _progress() as (loaded, advance):
        report = api.ingest_paths(
            db,
            paths,
            Settings(chunk=chunk),
            on_loaded=loaded,
            progress=advance,
            on_wait=_waiting(db),
        )
    _print_rejected(report.rejected)
    out.print(
        f"added {len(report.added)} articles, {len(report.already_stored)} already stored, "
        f"{len(report.rejected)} rejected; {len(report.stories)} stories touched ({db})",
        highlight=False,
    )
    if not report.added and not report.already_stored:
        raise typer.Exit(2)


stories_app = typer.Typer(
    help="List the stories in the store, or correct them (merge, split, move).",
    invoke_without_command=True,
    no_args_is_help=False,
)
app.add_typer(stories_app, name="stories")


@stories_app.callback()
def stories(
    ctx: typer.Context,
    db: DbOpt = api.DEFAULT_DB,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print stories.json's storydesk.stories/1 shape.")
    ] = False,
) -> None:
    """List the stories in the store ("fixed": the corrections a person made to them), or
    correct them: `stories merge A B`, `stories split A --articles ID...`,
    `stories move ARTICLE --to B`. Corrections hold across later ingests."""
    ctx.obj = db
    if ctx.invoked_subcommand is not None:
        return
    if as_json:
        from .render.jsonout import dumps

        with _errors():
            data = api.stories_document(db)
        sys.stdout.write(dumps(data))
        return
    with _errors():
        rows = api.list_stories(db)
        _, marks = api.story_corrections(db)
    table = Table(title=f"{len(rows)} stories in {db}")
    for col in ("story", "title", "articles", "first", "last", "fixed"):
        table.add_column(col, justify="right" if col == "articles" else "left")
    for r in rows:
        table.add_row(
            r.id,
            r.title,
            str(r.articles),
            r.first_published or "-",
            r.last_published or "-",
            " ".join(f"#{n}" for n in marks.get(r.id, [])) or "-",
        )
    out.print(table)


StoryArg = Annotated[
    str, typer.Argument(help="A story id, as `storydesk stories` lists it, or a unique prefix.")
]
SubDbOpt = Annotated[
    str | None, typer.Option("--db", help="The story store (SQLite file).", show_default=False)
]


def _correct(
    ctx: typer.Context,
    db: str | None,
    kind: str,
    story: str,
    other: str | None = None,
    articles: list[str] | None = None,
) -> None:
    """Make a correction; ``--db`` may come before the subcommand too (``ctx.obj``)."""
    db = db or ctx.obj or api.DEFAULT_DB
    with _errors():
        done = api.correct_stories(
            db, kind, story, other=other, articles=articles or [], on_wait=_waiting(db)
        )
    c = done.correction
    out.print(f"correction #{c.seq} ({c.kind} {' '.join(c.stories)}) kept in {db}", highlight=False)
    for sid, title in done.stories.items():
        out.print(f"  {sid}: {title}", highlight=False)


@stories_app.command("merge")
def stories_merge(
    ctx: typer.Context, story: StoryArg, other: StoryArg, db: SubDbOpt = None
) -> None:
    """Merge story OTHER into STORY (STORY keeps its id)."""
    _correct(ctx, db, "merge", story, other=other)


@stories_app.command("split")
def stories_split(
    ctx: typer.Context,
    story: StoryArg,
    articles: Annotated[
        list[str] | None,
        typer.Argument(
            help="Article ids to split off into a new story (after --articles).", show_default=False
        ),
    ] = None,
    named: Annotated[
        bool, typer.Option("--articles", help="The article ids follow (--articles ID...).")
    ] = False,
    db: SubDbOpt = None,
) -> None:
    """Split the named articles off STORY into a new story: split STORY --articles ID..."""
    _correct(ctx, db, "split", story, articles=articles or [])


@stories_app.command("move")
def stories_move(
    ctx: typer.Context,
    article: Annotated[str, typer.Argument(help="An article id (stories --json lists them).")],
    to: Annotated[str, typer.Option("--to", help="The story to move it to (id or prefix).")],
    db: SubDbOpt = None,
) -> None:
    """Move an article (with its near-copies) to another story."""
    _correct(ctx, db, "move", to, articles=[article])


@app.command()
def threads(
    db: DbOpt = api.DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """List the threads: the events (stories) of one running story, linked."""
    if as_json:
        from .render.jsonout import dumps

        with _errors():
            data = api.threads_document(db)
        sys.stdout.write(dumps(data))
        return
    with _errors():
        rows = api.list_threads(db)
    table = Table(title=f"{len(rows)} threads in {db}")
    for col in ("thread", "title", "events", "articles", "first", "last"):
        table.add_column(col, justify="right" if col in ("events", "articles") else "left")
    for r in rows:
        table.add_row(
            r.id,
            r.title,
            str(r.events),
            str(r.articles),
            r.first_published or "-",
            r.last_published or "-",
        )
    out.print(table)


@app.command()
def thread(
    thread_id: Annotated[str, typer.Argument(help="A thread id, as `storydesk threads` lists it.")],
    db: DbOpt = api.DEFAULT_DB,
    out_dir: Annotated[
        Path, typer.Option("--out", "-o", help="Folder to write the thread briefing to.")
    ] = Path("out"),
) -> None:
    """Write a thread's briefing: its events in time order, one sentence and figures each."""
    with _errors():
        title, written = api.brief_thread(db, thread_id, out_dir)
    out.print(f"{title}: wrote {', '.join(str(p) for p in written)}", highlight=False)


@app.command()
def serve(
    db: DbOpt = api.DEFAULT_DB,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (this machine only by default).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8765,
) -> None:
    """Serve the store's stories and threads: a local web UI and a JSON API (/api/...)."""
    import uvicorn

    from .web import create_app

    with _errors():
        app_ = create_app(db)
    out.print(f"storydesk: serving {db} at http://{host}:{port}/", highlight=False)
    uvicorn.run(app_, host=host, port=port, log_level="warning")


@app.command()
def brief(
    story_id: Annotated[
        str,
        typer.Argument(help="A story id, as `storydesk stories` lists it, or a unique prefix."),
    ],
    db: DbOpt = api.DEFAULT_DB,
    out_dir: Annotated[
        Path, typer.Option("--out", "-o", help="Folder to write the briefing to.")
    ] = Path("out"),
    words: WordsOpt = _DEFAULTS.words,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            help="Summarise only what articles published after this date (YYYY-MM-DD) add.",
        ),
    ] = None,
) -> None:
    """Write the briefing of one stored story."""
    with _errors():
        briefing, written = api.brief_story(
            db, story_id, out_dir, Settings(words=words), since=api.since_date(since)
        )
    out.print(
        f"{briefing.story.title}: wrote {', '.join(str(p) for p in written)}", highlight=False
    )


@app.command()
def summarize(
    clusters: Annotated[
        Path, typer.Argument(help='JSON Lines, one cluster a line: {"id", "documents": [...]}.')
    ],
    out_file: Annotated[
        Path, typer.Option("--out", "-o", help="Write one {id, summary} a line here.")
    ],
    words: WordsOpt = _DEFAULTS.words,
    cited: Annotated[
        bool, typer.Option("--cited", help="Add each sentence with its citations.")
    ] = False,
    summarizer: Annotated[
        str, typer.Option("--summarizer", help="Summariser to use (as in the briefings).")
    ] = _DEFAULTS.summarizer,
) -> None:
    """Summarise each cluster of documents as one story, as its briefing would."""
    with _errors():
        settings = Settings(words=words, summarizer=summarizer)
        report = api.summarize_clusters(clusters, out_file, settings, cited=cited)
    _print_rejected(report.rejected)
    out.print(f"wrote {report.written} summaries to {out_file}", highlight=False)
    if not report.written:
        raise typer.Exit(2)


def _show(shown: list[Table | str]) -> None:
    """Print what an evaluation table function returned."""
    for item in shown:
        out.print(item, highlight=False)


def _write_json(path: Path | None, data: object) -> None:
    """Write evaluation figures as JSON when ``--out`` was given."""
    if path is None:
        return
    from .render.jsonout import dumps

    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dumps(data))
    out.print(f"wrote {path}")


eval_app = typer.Typer(
    help="Measure storydesk on the evaluation data (STORYDESK_SHARED).", no_args_is_help=True
)
app.add_typer(eval_app, name="eval")


@eval_app.command("cluster")
def eval_cluster(
    sets: Annotated[
        str,
        typer.Option(
            help="Comma-separated: ecbplus, ecbplus-heldout, multinews-val, duc2006, "
            "duc2007-main (development); duc2004, multinews (test)."
        ),
    ] = "ecbplus,multinews-val,duc2006,duc2007-main,duc2004,multinews",
    out_file: Annotated[
        Path | None, typer.Option("--out", help="Write the figures as JSON here.")
    ] = None,
    processes: Annotated[int, typer.Option("--processes", help="spaCy processes.")] = 2,
    cache: Annotated[
        Path | None, typer.Option("--cache", help="Cache parsed features here.")
    ] = Path(".cache"),
    batches: Annotated[
        int, typer.Option("--batches", help="Also add each set's articles in this many batches.")
    ] = 1,
) -> None:
    """B-cubed and pairwise F1 of story clustering, next to TF-IDF + agglomerative."""
    from .evaluate import clustering

    with _errors():
        result = clustering.run(sets.split(","), n_process=processes, cache=cache, batches=batches)
    _show(tables.cluster(result))
    _write_json(out_file, result)


@eval_app.command("threads")
def eval_threads(
    out_file: Annotated[
        Path | None, typer.Option("--out", help="Write the figures as JSON here.")
    ] = None,
    per_folder: Annotated[
        int, typer.Option("--per-folder", help="Articles drawn per topic folder (0: all).")
    ] = 40,
    processes: Annotated[int, typer.Option("--processes", help="spaCy processes.")] = 1,
    cache: Annotated[
        Path | None, typer.Option("--cache", help="Cache parsed features here.")
    ] = Path(".cache"),
) -> None:
    """Threads of Timeline17's running stories (pooled): B-cubed next to TF-IDF."""
    from .evaluate import threads as evaluate_threads

    with _errors():
        result = evaluate_threads.run(per_folder or None, n_process=processes, cache=cache)
    _show(tables.threads(result))
    _write_json(out_file, result)


@eval_app.command("dedup")
def eval_dedup(
    out_file: Annotated[
        Path | None, typer.Option("--out", help="Write the figures as JSON here.")
    ] = None,
) -> None:
    """Near-duplicate precision and recall: DUC exact groups and generated near-copies."""
    from .evaluate import dedup

    with _errors():
        result = dedup.evaluate()
    _show(tables.dedup(result))
    _write_json(out_file, {"command": "storydesk eval dedup", **result})


@eval_app.command("quotes")
def eval_quotes(
    split: Annotated[str, typer.Option("--split", help="PolNeAR split: dev or test.")] = "test",
    limit: Annotated[
        int | None, typer.Option("--limit", help="Score only the first K articles.")
    ] = None,
    out_file: Annotated[
        Path | None, typer.Option("--out", help="Write the figures as JSON here.")
    ] = None,
) -> None:
    """Quote recall and speaker accuracy on PolNeAR, next to textacy's direct_quotations."""
    from .evaluate.quotes import run_quotes_eval

    with _errors():
        result = run_quotes_eval(split, limit)
    _show(tables.quotes(result, split))
    _write_json(out_file, result)


@eval_app.command("timeline")
def eval_timeline(
    out_file: Annotated[
        Path | None, typer.Option("--out", help="Write the figures as JSON here.")
    ] = None,
    limit: Annotated[
        int | None, typer.Option("--limit", help="Read at most K articles per topic.")
    ] = None,
) -> None:
    """Date resolution on Timeline17 sentences that state a day, next to baselines and
    dateparser."""
    from .evaluate.timeline import SYSTEMS, run_timeline_eval

    with _errors():
        result = run_timeline_eval(limit=limit)
    _show(tables.timeline(result, SYSTEMS))
    command = "storydesk eval timeline" + (f" --limit {limit}" if limit else "")
    _write_json(out_file, {"command": command, **result})


@eval_app.command("clean")
def eval_clean(
    out_file: Annotated[
        Path | None, typer.Option("--out", help="Write the figures as JSON here.")
    ] = None,
    subset: Annotated[
        str, typer.Option("--subset", help="all, or gate (the fixed pages the tests use).")
    ] = "all",
) -> None:
    """Article text from real pages (scrapinghub-aeb), HTML and text paths, next to peers."""
    from .evaluate.clean import SYSTEMS, run_clean_eval

    with _errors():
        result = run_clean_eval(subset=subset)
    _show(tables.clean(result, SYSTEMS))
    command = "storydesk eval clean" + (f" --subset {subset}" if subset != "all" else "")
    _write_json(out_file, {"command": command, **result})


@eval_app.command("summarize")
def eval_summarize(
    datasets: Annotated[
        list[str],
        typer.Argument(
            help="duc2004, multinews, duc2007-update (test); duc2006, duc2007-main "
            "(development); or a clusters.jsonl with references (scored at 100 words, recall)."
        ),
    ],
    summarizer: Annotated[
        str, typer.Option("--summarizer", help="Our summariser to score.")
    ] = _DEFAULTS.summarizer,
    out_file: Annotated[
        Path | None, typer.Option("--out", help="Write the figures as JSON here.")
    ] = None,
    limit: Annotated[
        int | None, typer.Option("--limit", help="Score only the first K clusters of each set.")
    ] = None,
    cache: Annotated[
        Path | None, typer.Option("--cache", help="Cache parsed clusters here.")
    ] = Path(".cache"),
) -> None:
    """ROUGE-1/2/L with bootstrap 95% intervals for ours and each peer, per set."""
    from .evaluate import summarization

    command = " ".join(
        ["storydesk eval summarize", *datasets, "--summarizer", summarizer]
        + (["--limit", str(limit)] if limit is not None else [])
        + (["--out", str(out_file)] if out_file is not None else [])
    )
    with _errors():
        result = summarization.run(
            datasets, summarizer=summarizer, limit=limit, cache=cache, command=command
        )
    for name, r in result["sets"].items():
        _show(tables.summarize_set(name, r))
        for rej in r["rejected"]:
            err.print(f"[yellow]rejected[/yellow] {rej['source']}: {rej['error']}", highlight=False)
    _write_json(out_file, result)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
