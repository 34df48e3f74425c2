"""The command line: ``publish ARTICLE...`` writes a PDF, an EPUB, a large-print page and audio of each.

A thin layer over the library (openleaf.publish; pipeline/ does the work): parse the
arguments, publish, print the summary. Expected failures are OpenleafError
with an exit code; a traceback only with --traceback.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
import textwrap
import types
from pathlib import Path

if __package__ in (None, ""):  # run as `python publish.py` from a checkout: the folder is the package
    import importlib.util

    _spec = importlib.util.spec_from_file_location(
        "openleaf", Path(__file__).resolve().parent / "__init__.py",
        submodule_search_locations=[str(Path(__file__).resolve().parent)],
    )
    _module = importlib.util.module_from_spec(_spec)
    sys.modules["openleaf"] = _module
    _spec.loader.exec_module(_module)
    __package__ = "openleaf"

from openleaf import __version__
from openleaf import publish as library_publish  # the function: importing this module rebinds the name
from openleaf.formats.registry import DEFAULT_ENGINE, DEFAULT_FORMATS, ENGINES, FORMAT_NAMES, FORMATS, PAPERS
from openleaf.pipeline import requests
from openleaf.source.errors import EngineUnavailable, ExitCode, OpenleafError, OutputError, UsageError

EXIT_CODES_HELP = "\n".join(
    f"  {code.value:>3}  {text}"
    for code, text in [
        (ExitCode.OK, "everything was written (or was already up to date)"),
        (ExitCode.SOME_FAILED, "some articles or formats failed; the others were written"),
        (ExitCode.USAGE, "the command line is wrong"),
        (ExitCode.SOURCE, "the article has errors (each shown as FILE:LINE:COL: message), or two articles share a slug"),
        (ExitCode.NO_INPUT, "an input file is missing or unreadable"),
        (ExitCode.ENGINE, "a speech engine, a system library a format needs, or the Dask scheduler is unavailable"),
        (ExitCode.UNEXPECTED, "a bug in Openleaf (run again with --traceback and report it)"),
        (ExitCode.OUTPUT, "an output cannot be written"),
        (ExitCode.THEME, "a theme or the organisation's settings (openleaf.toml) are missing or broken"),
        (ExitCode.INTERRUPTED, "interrupted with Ctrl-C (finished outputs are kept; run again to finish)"),
    ]
)
FORMATS_HELP = "\n".join(
    textwrap.fill(f"{f.summary}{'' if f.default else ' (not made unless asked for)'}"
                  + (f"; needs {f.needs}: {{installed:{f.name}}}" if f.needs else ""),
                  width=96, initial_indent=f"  {f.name:<16}", subsequent_indent=" " * 18)
    for f in FORMATS.values()
)

DESCRIPTION = """\
Publish health articles written in Markdown as a tagged PDF handout, an
accessible EPUB 3, a large-print HTML page and spoken audio (MP3 with
chapters), all offline.

Each article (a .md file starting with YAML front matter: title, lang,
references, disclaimer, ...; see the README) goes to OUT/<slug>/. Give one
file, several, folders (every *.md inside, recursively) or glob patterns.
Outputs whose inputs have not changed are not built again (their warnings
are shown again); articles are published in parallel, one process per core.
"""

EPILOG = f"""\
examples:
  publish examples/insulin-resistance.md
      all four formats into out/insulin-resistance/
  publish examples/insulin-resistance.md --formats pdf --paper letter
      only the PDF handout, on US Letter paper
  publish article.md --voice espeak --rate 1.25
      faster, lighter speech with espeak-ng
  publish leaflets/ --jobs 2 --json report.json
      every *.md below leaflets/, two at a time, with a machine-readable report
  publish 'leaflets/**/*.md' --force
      rebuild everything, even outputs that are up to date
  publish leaflets/ --scheduler tcp://10.0.0.5:8786
      run the work on a Dask cluster (see the README)
  publish voices
      list the voices available on this machine, by engine
  publish voices de
      only the voices that speak German (a language tag: en, en-GB, pt-BR, ...)
  publish themes
      list the built-in themes and what each is for
  publish article.md --theme ./my-theme --config clinic/openleaf.toml
      a theme folder that extends a built-in theme, and the organisation's settings

formats (--formats; see also: publish formats):
{FORMATS_HELP}

other commands:
  publish voices [LANG]   the voices this machine can speak with
  publish formats         the formats, and whether this machine has what each needs
  publish themes          the built-in themes and what each is for
  publish cache [clear | prune DAYS]
                          the speech cache: where it is and its size; empty it, or drop
                          what no build has used for DAYS days
  publish check ARTICLE...  for authors: reading level, long sentences and words, and the
                          checks authors forget (--strict for a pre-commit hook or CI)
  publish preview ARTICLE   every edition in the browser, rebuilt as you save

exit codes:
{EXIT_CODES_HELP}
"""


def _checked(check):
    """An argparse type from one of the shared request checks (the library asks the same ones)."""

    def convert(value: str):
        try:
            return check(value)
        except UsageError as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    convert.__name__ = check.__name__  # argparse names the option's type in its messages
    return convert


class _Parser(argparse.ArgumentParser):
    def format_help(self) -> str:
        # Whether a system library is here is asked only when help is shown, never on a run.
        text = super().format_help()
        for name, f in FORMATS.items():
            if f"{{installed:{name}}}" in text:
                text = text.replace(f"{{installed:{name}}}", _installed(f))
        return text

    def error(self, message: str):  # one line (the usage is long), our exit code, a guess at a typo
        print(f"publish: error: {message}{self._guess(message)} (see: {self.prog} --help)", file=sys.stderr)
        raise SystemExit(ExitCode.USAGE)

    def _guess(self, message: str) -> str:
        if not message.startswith("unrecognized arguments:"):
            return ""
        known = [option for option in self._option_string_actions if option.startswith("--")]
        for word in message.split(":", 1)[1].split():
            if word.startswith("--"):
                close = difflib.get_close_matches(word.split("=")[0].lower(), known, n=1, cutoff=0.6)
                if close:
                    return f"; did you mean {close[0]}?"
        return ""


def make_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="publish",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("articles", nargs="+", metavar="ARTICLE",
                        help="article files, folders (every *.md inside, recursively) or glob patterns "
                             "such as 'leaflets/**/*.md'; or 'voices [LANG]' to list the voices (for one language)")
    output = parser.add_argument_group("what to write")
    output.add_argument("--out", type=Path, default=Path("out"), metavar="DIR",
                        help="output folder, made when there is something to write in it; each article goes "
                             "to DIR/<slug>/ (default: out)")
    others = [name for name in FORMAT_NAMES if name not in DEFAULT_FORMATS]
    output.add_argument("--formats", type=_checked(requests.formats), default=list(DEFAULT_FORMATS), metavar="LIST",
                        help=f"comma-separated formats to write, in any case (default: {','.join(DEFAULT_FORMATS)}"
                             + (f"; also: {', '.join(others)}" if others else "") + "); see the list below")
    output.add_argument("--voice", default=DEFAULT_ENGINE, metavar="ENGINE[:VOICE]",
                        help="speech engine: " + ", ".join(f"{name} ({summary})" for name, summary in ENGINES.items())
                             + "; optionally a voice, e.g. espeak:de (see: publish voices); checked before any work "
                               "when audio is made")
    output.add_argument("--rate", type=_checked(requests.rate), default=1.0, metavar="R",
                        help=f"speaking rate from {requests.MIN_RATE} to {requests.MAX_RATE} (default: 1.0)")
    output.add_argument("--theme", default=None, metavar="NAME|PATH",
                        help="theme for every format: handout, large-print or a theme folder "
                             "(default: handout for the PDF, large-print for EPUB and HTML)")
    output.add_argument("--paper", type=_checked(requests.paper), default="a4", metavar="|".join(PAPERS),
                        help="PDF paper size, in any case (default: a4)")
    output.add_argument("--braille-cells", type=_checked(requests.braille_cells), default=40, metavar="N",
                        help="braille line length in cells, as the embosser or display has it (12 to 100; default: 40)")
    output.add_argument("--braille-lines", type=_checked(requests.braille_lines), default=25, metavar="N",
                        help="braille lines a page, the page number line included (4 to 100; default: 25)")
    output.add_argument("--no-read-along", dest="read_along", action="store_false",
                        help="leave the audio out of the EPUB and the page: a text-only EPUB, a smaller file "
                             "(default: when audio is made, both carry it and highlight each sentence as it is heard)")
    output.add_argument("--config", type=Path, default=None, metavar="FILE",
                        help="the organisation's settings (name, phone, logo, accent, base_url) "
                             "(default: the nearest openleaf.toml in or above each article's folder)")
    batch = parser.add_argument_group("how to build")
    batch.add_argument("--jobs", "-j", type=_checked(requests.jobs), default=requests.default_jobs(), metavar="N",
                       help=f"processes to publish with (default: the number of cores, here {requests.default_jobs()})")
    batch.add_argument("--scheduler", type=_checked(requests.scheduler), default=None, metavar="tcp://HOST:PORT",
                       help="run on a Dask cluster instead of local processes; the workers must see the articles "
                            "and --out at the same paths")
    batch.add_argument("--force", action="store_true",
                       help="build every output again, even those whose inputs have not changed")
    batch.add_argument("--fail-fast", action="store_true",
                       help="stop at the first article that fails (default: publish all the others)")
    report = parser.add_argument_group("what to print")
    report.add_argument("--json", metavar="FILE",
                        help="also write a machine-readable report of the run to FILE ('-' for stdout)")
    report.add_argument("--quiet", "-q", action="store_true", help="print only errors and the summary (no warnings)")
    report.add_argument("--traceback", action="store_true", help="show the Python traceback of an internal error")
    report.add_argument("--version", action="version", version=f"openleaf {__version__}")
    return parser


def _speaks(languages: tuple[str, ...], wanted: str) -> bool:
    """A voice for en-GB is one for en too; a voice for en speaks en-GB as well as it can."""
    wanted = wanted.replace("_", "-").lower()
    for language in (lang.replace("_", "-").lower() for lang in languages):
        if language == wanted or language.startswith(wanted + "-") or wanted.startswith(language + "-"):
            return True
    return False


def list_voices(argv: list[str]) -> int:
    parser = _Parser(prog="publish voices", description="List the voices this machine can speak with, by engine. "
                     "Each voice line starts with what --voice takes.")  # fmt: skip
    parser.add_argument("lang", nargs="?", metavar="LANG",
                        help="only the voices for this language, a tag such as en, en-GB or de")
    args = parser.parse_args(argv)
    from openleaf.formats.audio.engines import EngineError, list_voices as voices

    try:
        found = voices()
    except EngineError as error:
        raise EngineUnavailable(str(error)) from None
    by_id: dict[tuple[str, str], list] = {}  # espeak can list a voice twice (two files, one name)
    for voice in found:
        if args.lang is None or _speaks(voice.languages, args.lang):
            by_id.setdefault((voice.engine, voice.voice), []).append(voice)
    if not by_id:
        languages = sorted({lang.lower() for voice in found for lang in voice.languages})
        guess = difflib.get_close_matches(args.lang.lower(), languages, n=1)
        hint = f" (did you mean {guess[0]}?)" if guess else ""
        parser.error(f"no voice here speaks '{args.lang}'{hint}; give a language tag such as en, en-GB or de, "
                     "or list them all with: publish voices")
    width = max(len(f"{engine}:{voice}") for engine, voice in by_id) + 2
    for engine in dict.fromkeys(engine for engine, _ in by_id):
        ids = [key for key in by_id if key[0] == engine]
        # "#" lines are headers, for people; a script can drop them with grep -v '^#'.
        print(f"# {engine}: {ENGINES.get(engine, 'speech engine')} "
              f"({len(ids)} voice{'s' if len(ids) != 1 else ''})")
        for key in ids:
            same = by_id[key]
            languages = ", ".join(dict.fromkeys(lang for voice in same for lang in voice.languages))
            mark = "  default" if any(voice.default for voice in same) else ""
            print(f"{key[0] + ':' + key[1]:<{width}}{languages}{mark}")
    sys.stdout.flush()  # here, where a reader that left (publish voices | head) is caught, not at exit
    return ExitCode.OK


def exit_code(report) -> int:
    """0 when nothing failed. One article on its own keeps the code of its failure (65 for a bad
    source); in a batch, 1 says that some failed while the others were published."""
    if not report.failed:
        return ExitCode.OK
    if len(report.articles) == 1:
        article = report.articles[0]
        if article.errors:
            return article.exit_code
        codes = {o.exit_code for o in article.outputs.values() if o.status == "failed"}
        if len(codes) == 1 and all(o.status == "failed" for o in article.outputs.values()):
            return codes.pop()
    return ExitCode.SOME_FAILED


def _check_report_target(target: str | None) -> None:
    if target and target != "-":
        folder = Path(target).resolve().parent
        if not folder.is_dir() or not os.access(folder, os.W_OK):
            raise OutputError(f"{target}: cannot write the report there; choose another --json FILE")


def run(args: argparse.Namespace) -> int:
    from openleaf.pipeline.progress import Display, report_data, write_report

    _check_report_target(args.json)
    display = Display(quiet=args.quiet, table_to_stderr=args.json == "-")
    try:
        report = library_publish(
            args.articles, args.out, args.formats, paper=args.paper, voice=args.voice, rate=args.rate,
            theme=args.theme, read_along=args.read_along, braille_cells=args.braille_cells,
            braille_lines=args.braille_lines, config=args.config, jobs=args.jobs, scheduler=args.scheduler,
            force=args.force, fail_fast=args.fail_fast, listener=display,
        )  # fmt: skip
    finally:
        display.stop()
    code = exit_code(report)
    display.summary(report, args.out, traceback=args.traceback)
    if args.json:
        write_report(report_data(report, args.out, code), args.json)
    return code


def _installed(f) -> str:
    try:
        f.check()
        return "installed here"
    except OpenleafError:
        return "NOT installed here (see: publish formats)"


def list_formats(argv: list[str]) -> int:
    _Parser(prog="publish formats", description="List the formats Openleaf writes, and whether this machine has "
            "what each one needs.").parse_args(argv)  # fmt: skip
    width = max(map(len, FORMATS)) + 2
    for f in FORMATS.values():
        state = "default" if f.default else "on request"
        if f.check is not None:
            try:
                f.check()
                state += f"; needs {f.needs}: installed here"
            except OpenleafError as error:
                state += f"; needs {f.needs}: NOT installed here ({error})"
        print(f"{f.name:<{width}}{f.summary} [{state}]")
    return ExitCode.OK


def cache_command(argv: list[str]) -> int:
    parser = _Parser(prog="publish cache", description="The speech cache: each sentence spoken once is kept, so a "
                     "rebuild speaks only what changed. Where it is, and how big; 'clear' empties it; 'prune DAYS' "
                     "drops what no build has used for DAYS days.")  # fmt: skip
    parser.add_argument("action", nargs="?", choices=("info", "clear", "prune"), default="info", type=str.lower)
    parser.add_argument("days", nargs="?", type=float, metavar="DAYS", help="with prune: unused for this many days")
    args = parser.parse_args(argv)
    if args.action == "prune" and (args.days is None or args.days < 0):
        parser.error("prune needs a number of days, e.g. publish cache prune 30")
    from openleaf.formats.audio.cache import SpeechCache
    from openleaf.pipeline.progress import human_size

    cache = SpeechCache()
    if args.action == "info":
        count, size = cache.usage()
        print(f"{cache.root}: {count} entries, {human_size(size)} (set OPENLEAF_CACHE_DIR to move it; "
              "empty it with: publish cache clear)")
    else:
        count, size = cache.prune(args.days if args.action == "prune" else None)
        print(f"{cache.root}: removed {count} entries, {human_size(size)}")
    return ExitCode.OK


def themes_command(argv: list[str]) -> int:
    from openleaf.themes import print_builtin_themes

    _Parser(prog="publish themes", description="List the built-in themes and what each is for.").parse_args(argv)
    return print_builtin_themes()


def check_command(argv: list[str]) -> int:
    from openleaf.authoring.cli import check_main

    return check_main(argv)


def preview_command(argv: list[str]) -> int:
    from openleaf.authoring.cli import preview_main

    return preview_main(argv)


# Words that name a command instead of an article (an article file is named with its .md).
COMMANDS = {"voices": list_voices, "formats": list_formats, "themes": themes_command, "cache": cache_command,
            "check": check_command, "preview": preview_command}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    traceback = "--traceback" in argv
    try:
        if argv[:1] and argv[0] in COMMANDS:
            try:
                return COMMANDS[argv[0]](argv[1:])
            except BrokenPipeError:  # the reader has what it wanted; Python's last flush must not fail again
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                return ExitCode.OK
        parser = make_parser()
        args = parser.parse_args(argv)
        if "audio" in args.formats:
            try:
                requests.voice(args.voice)
            except UsageError as problem:
                parser.error(str(problem))
        return run(args)
    except KeyboardInterrupt:
        print("publish: interrupted; finished outputs are kept, unfinished ones were not written "
              "(run the same command again to finish)", file=sys.stderr)
        return ExitCode.INTERRUPTED
    except OpenleafError as exc:
        if traceback:
            raise
        for line in exc.lines():
            print(line, file=sys.stderr)
        return exc.exit_code
    except SystemExit as exc:
        return int(exc.code or 0)
    except Exception as exc:  # a bug: say so plainly
        if traceback:
            raise
        print(f"publish: internal error: {type(exc).__name__}: {exc} "
              "(this is a bug in Openleaf; run again with --traceback and report it)", file=sys.stderr)
        return ExitCode.UNEXPECTED


def command() -> None:
    """The ``publish`` command (and ``python -m openleaf``)."""
    sys.exit(main())


class _CallableModule(types.ModuleType):
    """Importing ``openleaf.publish`` (this module) makes the package's ``publish`` name this module
    instead of the library function; called, the module is that function, so both stay true."""

    def __call__(self, *args, **kwargs):
        return library_publish(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule

if __name__ == "__main__":
    command()
