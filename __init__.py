"""Openleaf: one structured article, published as PDF, EPUB 3, large-print HTML, audio and more.

The library::

    import openleaf

    report = openleaf.publish("leaflets/", out="out", formats=["pdf", "html"])
    print(report.published, report.failed)
    article = openleaf.parse("leaflets/hydration.md")   # the article model, or SourceError

``publish`` takes what the ``publish`` command takes, with its defaults, and
returns the report that command prints. A bad request (an unknown format, a
speech engine that does not exist) raises ``OpenleafError`` before any work,
as the command exits 2. Importing this package imports nothing heavy.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from .source.errors import ExitCode, OpenleafError, SourceError

if TYPE_CHECKING:
    from .pipeline.report import Listener, Report
    from .source.model import Article

__version__ = "0.1.0"
__all__ = ["publish", "parse", "OpenleafError", "SourceError", "ExitCode", "__version__"]


def publish(
    sources: str | Path | Iterable[str | Path],
    out: str | Path = "out",
    formats: str | Iterable[str] | None = None,
    *,
    paper: str = "a4",
    voice: str = "piper",
    rate: float = 1.0,
    theme: str | Path | None = None,
    read_along: bool = True,
    braille_cells: int = 40,
    braille_lines: int = 25,
    config: str | Path | None = None,
    jobs: int | None = None,
    scheduler: str | None = None,
    force: bool = False,
    fail_fast: bool = False,
    cache_dir: str | Path | None = None,
    listener: Listener | None = None,
) -> Report:
    """Publish the articles ``sources`` names (files, folders, glob patterns) into ``out/<slug>/``.

    Every argument means what the command-line option of the same name means.
    Problems in one article are reported in the returned Report, as the
    command reports them; a bad request raises OpenleafError at once.
    """
    from .formats.options import Options
    from .formats.registry import DEFAULT_FORMATS, FORMATS
    from .pipeline import requests
    from .pipeline.batch import publish as run

    inputs = [str(sources)] if isinstance(sources, str | Path) else [str(s) for s in sources]
    if not inputs:
        raise OpenleafError("no articles given; name at least one file, folder or glob pattern")
    chosen = requests.formats(DEFAULT_FORMATS if formats is None else formats)
    if "audio" in chosen:
        requests.voice(voice)
    for name in chosen:  # a system library a format needs: missing, the run stops before any work
        if FORMATS[name].check is not None:
            FORMATS[name].check()
    options = Options(paper=requests.paper(paper), voice=voice, rate=requests.rate(rate), read_along=read_along,
                      braille_cells=requests.braille_cells(braille_cells),
                      braille_lines=requests.braille_lines(braille_lines),
                      config=Path(config) if config is not None else None,
                      cache_dir=Path(cache_dir) if cache_dir is not None else None)
    return run(inputs, Path(out), chosen, options, theme=str(theme) if theme is not None else None,
               jobs=requests.default_jobs() if jobs is None else requests.jobs(jobs),
               scheduler=requests.scheduler(scheduler) if scheduler else None,
               force=force, fail_fast=fail_fast, listener=listener)


def parse(path: str | Path) -> Article:
    """The article model of the source at ``path``; SourceError lists every problem found in it."""
    from .source.parser import parse_article

    return parse_article(Path(path))
