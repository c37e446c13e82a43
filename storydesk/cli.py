"""The command line: parse arguments, call the library, print. Nothing else."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from . import api
from .errors import StorydeskError
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

# Below this many articles a progress bar is more noise than help.
_PROGRESS_FROM = 6


@app.callback()
def main(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log what happens.")] = False,
) -> None:
    """storydesk command line."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )


@app.command()
def run(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files or folders (.txt, .html, .jsonl, .json), or - for JSON Lines on stdin."
        ),
    ],
    out_dir: Annotated[
        Path, typer.Option("--out", "-o", help="Folder to write the briefings to.")
    ] = Path("out"),
    words: Annotated[
        int, typer.Option("--words", help="Summary length in words per story.")
    ] = Settings().words,
) -> None:
    """Read articles, group them into stories and write a cited briefing per story."""
    try:
        settings = Settings(words=words)
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

            result = api.run(
                paths,
                out_dir,
                settings,
                on_loaded=loaded,
                progress=lambda k: bar.advance(task, k),
            )
    except StorydeskError as exc:
        err.print(f"[red]error[/red] {exc}", highlight=False)
        raise typer.Exit(2) from None
    for r in result.rejected:
        err.print(
            f"[yellow]rejected[/yellow] {r.source}: {r.error}",
            highlight=False,
            markup=True,
            soft_wrap=True,
        )
    if not result.articles:
        err.print("[red]no article could be processed[/red]")
        raise typer.Exit(2)
    n = len(result.briefings)
    table = Table(title=f"{n} stor{'y' if n == 1 else 'ies'} from {len(result.articles)} articles")
    table.add_column("story")
    table.add_column("title")
    table.add_column("articles", justify="right")
    table.add_column("summary sentences", justify="right")
    for b in result.briefings:
        table.add_row(b.story.id, b.story.title, str(len(b.articles)), str(len(b.summary)))
    out.print(table)
    index = Path(out_dir) / "index.html"
    out.print(f"wrote {len(result.written)} files to {out_dir}/ (open {index})", highlight=False)
    for b in result.briefings:
        out.print(f"  {Path(out_dir) / b.story.id / 'briefing.html'}", highlight=False)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
