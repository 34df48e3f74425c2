"""What a person sees during and after a run: rich progress bars, the final table, the JSON report.

Bars appear only when stderr is a terminal (a log file or a pipe gets no
control characters) and not with --quiet. The table and summary go to
stdout, or to stderr when stdout carries the JSON report.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import functools
from typing import TYPE_CHECKING

from .. import __version__
from ..source.slugs import slug_for_path
from .report import ArticleStatus, Listener, OutputStatus, Report, totals

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress
    from rich.table import Table

STATUS_STYLE = {"written": "green", "unchanged": "dim", "failed": "bold red", "skipped": "yellow"}


def human_size(size: int) -> str:
    for unit in ("B", "kB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1000
    return ""


class Display(Listener):
    """Progress bars and the summary table, with rich; --quiet runs never import it (it is a
    tenth of the start-up of a one-article run)."""

    def __init__(self, *, quiet: bool, table_to_stderr: bool):
        self.quiet = quiet
        self.table_to_stderr = table_to_stderr
        self.progress: Progress | None = None
        self.outputs_bar = self.speech_bar = None
        self.formats = 0

    @functools.cached_property
    def err(self) -> Console:
        from rich.console import Console

        return Console(stderr=True, highlight=False)

    @functools.cached_property
    def out(self) -> Console:
        from rich.console import Console

        return self.err if self.table_to_stderr else Console(highlight=False)

    # --- during the run ------------------------------------------------------------

    def warn(self, article: ArticleStatus, lines: list[str]) -> None:
        if self.quiet:
            return
        for line in lines:
            if self.progress is not None:  # above the bars
                self.progress.console.print(f"{line}  (warning)", highlight=False, markup=False, soft_wrap=True)
            else:
                print(f"{line}  (warning)", file=sys.stderr)

    def planned(self, report: Report) -> None:
        self.formats = len(report.formats)
        if self.quiet or not self.err.is_terminal:
            return
        from rich.progress import (
            BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn,
        )  # fmt: skip

        self.progress = Progress(
            TextColumn("{task.description:<10}"), BarColumn(), MofNCompleteColumn(),
            TimeElapsedColumn(), TimeRemainingColumn(), console=self.err, transient=True,
        )  # fmt: skip
        total = len(report.articles) * self.formats
        already = sum(o.status == "unchanged" for a in report.articles for o in a.outputs.values())
        self.outputs_bar = self.progress.add_task("Publishing", total=total, completed=already)
        self.speech_bar = self.progress.add_task("Speaking", total=0, visible=False)
        self.progress.start()

    def speech_planned(self, sentences: int) -> None:
        if self.progress is not None and sentences:
            self.progress.update(self.speech_bar, total=sentences, visible=True)

    def speech_done(self, sentences: int) -> None:
        if self.progress is not None:
            self.progress.advance(self.speech_bar, sentences)

    def output_done(self, article: ArticleStatus, output: OutputStatus) -> None:
        if self.progress is not None:
            self.progress.advance(self.outputs_bar)

    def article_failed(self, article: ArticleStatus) -> None:
        if self.progress is not None:
            self.progress.advance(self.outputs_bar, self.formats)

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None

    # --- at the end ------------------------------------------------------------------

    def summary(self, report: Report, out_root: Path, *, traceback: bool) -> None:
        self.stop()
        if not self.quiet and report.articles:
            self.out.print(self.table(report))
        for article in report.failed:  # plain print: a FILE:LINE:COL line must never be wrapped
            for line in article.errors:
                print(line, file=sys.stderr)
            for output in article.outputs.values():
                for line in output.errors:
                    print(f"{line}  ({output.format})", file=sys.stderr)
                if traceback and output.traceback:
                    print(output.traceback, file=sys.stderr)
        # Plain text, never wrapped: scripts read this line.
        print(summary_line(report, out_root), file=sys.stderr if self.table_to_stderr else sys.stdout, flush=True)

    def table(self, report: Report) -> Table:
        """One row per output; the unchanged outputs of an article share one row."""
        from rich.table import Table

        table = Table(show_edge=False, pad_edge=False, header_style="bold",
                      caption="work time: summed over worker processes",
                      caption_justify="left")
        table.add_column("article", overflow="fold")
        table.add_column("format")
        table.add_column("status")
        # Not the run's wall time: an audio output is spoken by several processes at once.
        table.add_column("work time", justify="right")
        table.add_column("size", justify="right")
        for article in report.articles:
            name = article.slug or str(article.source)
            if article.errors:
                table.add_row(name, "", _styled("failed"), "", "")
                continue
            unchanged = [o for o in article.outputs.values() if o.status == "unchanged"]
            for output in article.outputs.values():
                if output.status != "unchanged":
                    seconds = f"{output.seconds:.1f} s" if output.status in ("written", "failed") else ""
                    size = human_size(output.size) if output.status == "written" else ""
                    table.add_row(name, output.format, _styled(output.status), seconds, size)
                    name = ""
            if unchanged:
                size = human_size(sum(o.size for o in unchanged))
                table.add_row(name, ", ".join(o.format for o in unchanged), _styled("unchanged"), "", size)
        return table


def _styled(status: str) -> str:
    return f"[{STATUS_STYLE[status]}]{status}[/]"


def summary_line(report: Report, out_root: Path) -> str:
    """One line: how many articles were published (what a person asks first), then the outputs."""
    counts = totals(report)
    articles = counts["articles"]
    text = f"Published {counts['published_articles']} of {articles} article{'s' if articles != 1 else ''} into {out_root}/"
    problems = [f"{counts[key]} {what}" for key, what in (("failed_articles", "failed"), ("skipped_articles", "skipped"))
                if counts[key]]
    if problems:
        text += ": " + ", ".join(problems)
    outputs = [f"{counts[key]} {key}" for key in ("written", "unchanged", "failed")]
    if counts["skipped"]:
        outputs.append(f"{counts['skipped']} skipped")
    text += f" (outputs: {', '.join(outputs)}) in {report.seconds:.1f} s"
    speech = report.speech
    if speech.synthesised:
        text += f"; spoke {speech.synthesised} new sentence{'s' if speech.synthesised != 1 else ''}"
    return text


def report_data(report: Report, out_root: Path, exit_code: int) -> dict:
    """The run as plain data, for --json."""
    options = report.options
    return {
        "openleaf": __version__,
        "exit_code": int(exit_code),
        "out": str(out_root),
        "formats": report.formats,
        "options": {"paper": options.paper, "voice": options.voice, "rate": options.rate, "theme": report.theme,
                    "read_along": options.read_along, "braille_cells": options.braille_cells,
                    "braille_lines": options.braille_lines},
        "jobs": report.jobs,
        "scheduler": report.scheduler,
        "seconds": round(report.seconds, 3),
        "interrupted": report.interrupted,
        "totals": totals(report),
        "speech": {
            "sentences": report.speech.sentences,
            "synthesised": report.speech.synthesised,
            "cached": report.speech.cached,
            "audio_seconds": round(report.speech.audio_seconds, 3),
            "compute_seconds": round(report.speech.seconds, 3),
            "cpu_seconds": round(report.speech.cpu_seconds, 3),
        },
        "workers": [{"worker": name, "peak_rss_mb": round(mb, 1)} for name, mb in sorted(report.workers.items())],
        "articles": [_article_data(article) for article in report.articles],
    }


def _article_data(article: ArticleStatus) -> dict:
    return {
        "source": str(article.source),
        # A source that could not be parsed still has the slug its file name gives it.
        "slug": article.slug or slug_for_path(article.source),
        "out_dir": str(article.out_dir) if article.out_dir else None,
        "status": article.status,
        "errors": article.errors,
        "warnings": article.warnings,
        "outputs": [
            {
                "format": output.format,
                "status": output.status,
                "seconds": round(output.seconds, 3),
                "size": output.size,
                "key": output.key,
                "files": [
                    {"path": str(article.out_dir / f.path), "size": f.size, "sha256": f.sha256} for f in output.files
                ],
                "errors": output.errors,
                "warnings": output.warnings,
            }
            for output in article.outputs.values()
        ],
    }


def write_report(data: dict, target: str) -> None:
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if target == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        from ..formats.files import write_text

        write_text(Path(target), text)
