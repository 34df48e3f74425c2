"""`publish check` and `publish preview`: their arguments, and the check report on a terminal or as JSON."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from ..source.errors import ExitCode, OutputError, UsageError

STYLES = {"pass": "green", "warn": "yellow", "fail": "bold red", "info": "cyan"}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, our exit code (as publish's own parser does)
        raise UsageError(f"{self.prog}: error: {message} (see: {self.prog} --help)")


def _number(low: float, high: float):
    def parse(value: str) -> float:
        try:
            number = float(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{value}' is not a number") from None
        if not low <= number <= high:
            raise argparse.ArgumentTypeError(f"{value} is outside {low:g} to {high:g}")
        return number
    return parse


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date such as 2026-11-01") from None


CHECK_HELP = """\
Check articles before publishing: their reading level (per article and per
section, on the body text), the ten longest sentences, long words nobody
explains, and what authors forget (citations without references, images
without alternative text, skipped heading levels, an old review date, a
missing disclaimer, summary or key points, "click here" links).
Each item passes, warns or fails; notes (info) list things to look at.
"""


def check_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="publish check", description=CHECK_HELP,
                     formatter_class=argparse.RawDescriptionHelpFormatter,
                     epilog="exit codes: 0 nothing failed (and, with --strict, nothing warned); 1 otherwise; "
                            "2 bad command line; 66 an input is missing")
    parser.add_argument("articles", nargs="+", metavar="ARTICLE",
                        help="article files, folders (every *.md inside, recursively) or glob patterns")
    parser.add_argument("--strict", action="store_true", help="exit 1 on any warning too (for pre-commit and CI)")
    parser.add_argument("--json", metavar="FILE", help="also write the report as JSON to FILE ('-' for stdout)")
    parser.add_argument("--aim-grade", type=_number(0, 30), default=6, metavar="G",
                        help="the reading grade to aim for, shown beside the figures (default: 6)")
    parser.add_argument("--warn-grade", type=_number(0, 30), default=8, metavar="G",
                        help="warn when the reading grade is above this (default: 8)")
    parser.add_argument("--review-months", type=int, default=24, metavar="N",
                        help="warn when the last review is N months old or more (default: 24)")
    parser.add_argument("--today", type=_date, default=None, metavar="YYYY-MM-DD", help=argparse.SUPPRESS)
    return parser


def check_main(argv: list[str]) -> int:
    from .check import Targets, check_article

    args = check_parser().parse_args(argv)
    from ..pipeline.plan import find_articles  # the same files, folders and patterns as publish takes

    paths = find_articles(args.articles)
    targets = Targets(aim_grade=args.aim_grade, warn_grade=args.warn_grade, review_months=args.review_months,
                      today=args.today)
    results = [check_article(path, targets) for path in paths]
    failed = any(r.status == "fail" for r in results)
    warned = any(r.status == "warn" for r in results)
    code = ExitCode.SOME_FAILED if failed or (args.strict and warned) else ExitCode.OK
    show(results, to_stderr=args.json == "-")
    if args.json:
        data = {"status": "fail" if failed else "warn" if warned else "pass", "strict": args.strict,
                "exit_code": int(code), "articles": [r.as_dict() for r in results]}
        text = json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"
        if args.json == "-":
            sys.stdout.write(text)
        else:
            try:
                Path(args.json).write_text(text, encoding="utf-8")
            except OSError as error:
                raise OutputError(f"{args.json}: cannot write the report there ({error.strerror or error}); "
                                  "choose another --json FILE") from None
    return code


def show(results, *, to_stderr: bool) -> None:
    """One table per article (status, check, where, what), then the notes' lists, then one summary line."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console(stderr=to_stderr, highlight=False)
    for result in results:
        console.print(f"\n[bold]{escape(result.title or result.source)}[/]  {escape(result.source)}  "
                      f"[{STYLES[result.status]}]{result.status}[/]")
        table = Table(show_edge=False, pad_edge=False, header_style="bold")
        table.add_column("status")
        table.add_column("check")
        table.add_column("where", overflow="fold")
        table.add_column("what", overflow="fold", ratio=1)
        for item in result.items:
            table.add_row(f"[{STYLES[item.status]}]{item.status}[/]", item.check, escape(item.where),
                          escape(item.message))
        console.print(table)
        for item in result.items:
            if item.check == "longest sentences" and item.details:
                console.print("[bold]Longest sentences[/]")
                for entry in item.details:
                    console.print(f"  {entry['words']:>3} words  ({escape(entry['section'])}) {escape(entry['text'])}")
            elif item.check == "long words" and item.details:
                shown = ", ".join(f"{d['word']} ({d['times']})" if d["times"] > 1 else d["word"]
                                  for d in item.details[:40])
                more = f", and {len(item.details) - 40} more (see --json)" if len(item.details) > 40 else ""
                console.print(f"[bold]Long words to explain[/]: {escape(shown)}{more}")
    counts = {status: sum(r.status == status for r in results) for status in ("pass", "warn", "fail")}
    line = (f"Checked {len(results)} article{'s' if len(results) != 1 else ''}: "
            f"{counts['pass']} passed, {counts['warn']} with warnings, {counts['fail']} failed")
    print(line, file=sys.stderr if to_stderr else sys.stdout, flush=True)


# --- preview ----------------------------------------------------------------------------


def preview_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="publish preview",
                     description="Show an article's large-print page in a browser, with its PDF, EPUB and audio, "
                                 "and build them again each time the file is saved. The builds go to a private "
                                 "temporary folder; nothing is written into --out.")
    parser.add_argument("article", metavar="ARTICLE", help="the article file to preview")
    parser.add_argument("--port", type=int, default=8000, help="port to serve on (default: 8000; 0 picks a free one)")
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to serve on (default: 127.0.0.1, this machine only)")
    parser.add_argument("--no-browser", action="store_true", help="do not open a browser")
    parser.add_argument("--formats", default="html,epub,pdf,audio", metavar="LIST",
                        help="editions to build (default: html,epub,pdf,audio); the page is always built")
    parser.add_argument("--voice", default="piper", metavar="ENGINE[:VOICE]", help="speech engine for the audio")
    parser.add_argument("--theme", default=None, metavar="NAME|PATH", help="theme for every edition")
    return parser


def preview_main(argv: list[str]) -> int:
    from ..source.errors import InputError
    from .preview import serve

    args = preview_parser().parse_args(argv)
    path = Path(args.article)
    if not path.is_file():
        raise InputError(f"{args.article}: no such file; give the article's .md file")
    formats = [name.strip().lower() for name in args.formats.split(",") if name.strip()]
    unknown = [name for name in formats if name not in ("html", "epub", "pdf", "audio", "large-print-pdf")]
    if unknown:
        raise UsageError(f"publish preview: unknown format {', '.join(unknown)}; choose from html, epub, pdf, audio")
    return serve(path, host=args.host, port=args.port, open_browser=not args.no_browser,
                 formats=formats, voice=args.voice, theme=args.theme)
