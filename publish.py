"""The command line: ``publish ARTICLE...`` writes a PDF, an EPUB, a large-print page and audio of each.

A thin layer over the library (formats/batch.py does the work): parse the
arguments, publish, print the summary. Expected failures are OpenleafError
with an exit code; a traceback only with --traceback.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
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
from openleaf.source.errors import EngineUnavailable, ExitCode, OpenleafError, OutputError

FORMAT_NAMES = ("pdf", "epub", "html", "audio", "large-print-pdf")
# formats/audio/engines.py's ENGINE_NAMES, here because importing the engines (and NumPy) takes longer
# than a whole run where nothing changed; a test keeps the two alike.
SPEECH_ENGINES = ("piper", "espeak", "gtts")
DEFAULT_FORMATS = ["pdf", "epub", "html", "audio"]
EXIT_CODES_HELP = "\n".join(
    f"  {code.value:>3}  {text}"
    for code, text in [
        (ExitCode.OK, "everything was written (or was already up to date)"),
        (ExitCode.SOME_FAILED, "some articles or formats failed; the others were written"),
        (ExitCode.USAGE, "the command line is wrong"),
        (ExitCode.SOURCE, "the article has errors (each shown as FILE:LINE:COL: message), or two articles share a slug"),
        (ExitCode.NO_INPUT, "an input file is missing or unreadable"),
        (ExitCode.ENGINE, "a speech engine, tool or the Dask scheduler is unavailable"),
        (ExitCode.UNEXPECTED, "a bug in Openleaf (run again with --traceback and report it)"),
        (ExitCode.OUTPUT, "an output cannot be written"),
        (ExitCode.THEME, "a theme or the organisation's settings (openleaf.toml) are missing or broken"),
        (ExitCode.INTERRUPTED, "interrupted with Ctrl-C (finished outputs are kept; run again to finish)"),
    ]
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

exit codes:
{EXIT_CODES_HELP}
"""


def _formats(value: str) -> list[str]:
    names = [v.strip().lower() for v in value.split(",") if v.strip()]
    if not names:
        raise argparse.ArgumentTypeError(f"no format given; choose from {', '.join(FORMAT_NAMES)}")
    unknown = [n for n in names if n not in FORMAT_NAMES]
    if unknown:
        guesses = [g for n in unknown for g in difflib.get_close_matches(n, FORMAT_NAMES, n=1)]
        guess = f" (did you mean {', '.join(guesses)}?)" if guesses else ""
        raise argparse.ArgumentTypeError(
            f"unknown format{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}{guess}; "
            f"choose from {', '.join(FORMAT_NAMES)}"
        )
    return list(dict.fromkeys(names))


def voice_problem(value: str) -> str | None:
    """What is wrong with --voice ENGINE[:VOICE], judged as the audio writer judges it; None if nothing.
    Asked before any work: otherwise a typo shows only when the audio is made, as a failed output."""
    engine, _, voice = value.partition(":")
    engine, voice = engine.strip().lower() or "piper", voice.strip()
    if engine not in SPEECH_ENGINES:
        guess = difflib.get_close_matches(engine, SPEECH_ENGINES, n=1)
        if guess:
            return (f"unknown speech engine '{engine}' in --voice {value}; did you mean '{guess[0]}'? "
                    f"The engines are {', '.join(SPEECH_ENGINES)}")
        return (f"unknown speech engine '{engine}' in --voice {value}; choose from {', '.join(SPEECH_ENGINES)}, "
                "with a voice after a colon if you want one (espeak:de)")
    if not voice:
        return None
    from openleaf.formats.audio.engines import EngineError, get_engine, list_voices

    try:
        get_engine(engine, "en", voice=voice)  # the engine's own judgement of the name (no model is loaded)
        return None
    except EngineError:
        pass
    try:
        offered = [v for v in list_voices() if v.engine == engine]
    except EngineError:
        offered = []
    if not offered:
        return None  # the engine is not installed here: the audio writer says how to install it
    # For the hint only: a Piper voice is a file name; espeak and gTTS also take a language, in any case.
    names = {v.voice for v in offered} if engine == "piper" else {
        n.lower() for v in offered for n in (v.voice, *v.languages)}
    guess = difflib.get_close_matches(voice if engine == "piper" else voice.lower(), sorted(names), n=1)
    hint = f"did you mean '{engine}:{guess[0]}'? See" if guess else "see"
    return f"{engine} has no voice '{voice}' (--voice {value}); {hint} them all with: publish voices"


def _rate(value: str) -> float:
    try:
        rate = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a number; give e.g. 1.25") from None
    if not 0.75 <= rate <= 1.5:
        raise argparse.ArgumentTypeError(f"{rate} is outside 0.75 to 1.5 (1.0 is normal speed)")
    return rate


def _jobs(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"'{value}' is not a number of processes; give 1 or more")
    return int(value)


def _scheduler(value: str) -> str:
    if "://" not in value:
        raise argparse.ArgumentTypeError(f"'{value}' is not a scheduler address; give e.g. tcp://10.0.0.5:8786")
    return value


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line (the usage is long), our exit code
        print(f"publish: error: {message} (see: {self.prog} --help)", file=sys.stderr)
        raise SystemExit(ExitCode.USAGE)


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
    output.add_argument("--formats", type=_formats, default=DEFAULT_FORMATS, metavar="LIST",
                        help="comma-separated formats to write, in any case (default: pdf,epub,html,audio; "
                             "also: large-print-pdf)")
    output.add_argument("--voice", default="piper", metavar="ENGINE[:VOICE]",
                        help="speech engine: piper (default, offline neural), espeak (offline, every language, fast) "
                             "or gtts (online, Google; opt-in), and optionally a voice, e.g. espeak:de (see: "
                             "publish voices); checked before any work when audio is made")
    output.add_argument("--rate", type=_rate, default=1.0, metavar="R",
                        help="speaking rate from 0.75 to 1.5 (default: 1.0)")
    output.add_argument("--theme", default=None, metavar="NAME|PATH",
                        help="theme for every format: handout, large-print or a theme folder "
                             "(default: handout for the PDF, large-print for EPUB and HTML)")
    output.add_argument("--paper", choices=("a4", "letter"), default="a4", help="PDF paper size (default: a4)")
    output.add_argument("--config", type=Path, default=None, metavar="FILE",
                        help="the organisation's settings (name, phone, logo, accent, base_url) "
                             "(default: the nearest openleaf.toml in or above each article's folder)")
    batch = parser.add_argument_group("how to build")
    batch.add_argument("--jobs", "-j", type=_jobs, default=os.cpu_count() or 1, metavar="N",
                       help=f"processes to publish with (default: the number of cores, here {os.cpu_count() or 1})")
    batch.add_argument("--scheduler", type=_scheduler, default=None, metavar="tcp://HOST:PORT",
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


ENGINE_SUMMARIES = {
    "piper": "offline neural voice; the default engine",
    "espeak": "offline, every language, very fast; speaks what Piper has no voice for",
    "gtts": "online (Google), opt-in; needs the internet",
}


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
        print(f"# {engine}: {ENGINE_SUMMARIES.get(engine, 'speech engine')} "
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
    from openleaf.formats.batch import publish
    from openleaf.formats.options import Options
    from openleaf.formats.progress import Display, report_data, write_report

    options = Options(paper=args.paper, voice=args.voice, rate=args.rate, config=args.config)
    _check_report_target(args.json)
    display = Display(quiet=args.quiet, table_to_stderr=args.json == "-")
    try:
        report = publish(args.articles, args.out, args.formats, options, theme=args.theme, jobs=args.jobs,
                         scheduler=args.scheduler, force=args.force, fail_fast=args.fail_fast, listener=display)
    finally:
        display.stop()
    code = exit_code(report)
    display.summary(report, args.out, traceback=args.traceback)
    if args.json:
        write_report(report_data(report, args.out, options, args.theme, code), args.json)
    return code


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    traceback = "--traceback" in argv
    try:
        if argv[:1] == ["themes"]:
            from openleaf.themes import print_builtin_themes
            return print_builtin_themes()
        if argv[:1] == ["voices"]:
            try:
                return list_voices(argv[1:])
            except BrokenPipeError:  # the reader has what it wanted; Python's last flush must not fail again
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                return ExitCode.OK
        parser = make_parser()
        args = parser.parse_args(argv)
        if "audio" in args.formats and (problem := voice_problem(args.voice)):
            parser.error(problem)
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
    """The ``publish`` command: main(), then leave without tearing the interpreter down.

    By then every output is renamed into place, the pools are shut down and
    the report is written; Python's own teardown of WeasyPrint, NumPy and the
    speech engines took 0.05–0.25 s of a 1.4 s run here (library users call
    main() and keep their interpreter).
    """
    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, OSError):  # the reader has gone; nothing left to tell it
            pass
    os._exit(code)


if __name__ == "__main__":
    command()
