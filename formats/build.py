"""The writers, by format name, and the build of one article: run them in order and report what each did.

Writers are imported when first called: a run where nothing needs building
never loads WeasyPrint, ebooklib or Piper. batch.py builds many articles in
parallel with the same registry.
"""

from __future__ import annotations

import importlib
import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..source.errors import OpenleafError, OutputError
from ..source.model import Article
from ..themes import Theme, load_theme
from .options import Options


class _Writer:
    """``module.function`` of this package, imported on the first call."""

    def __init__(self, module: str, function: str = "write"):
        self.module, self.function = module, function

    def __call__(self, article: Article, theme: Theme, out_dir: Path, *, options: Options, consumed=None):
        writer = getattr(importlib.import_module(f"{__package__}.{self.module}"), self.function)
        return writer(article, theme, out_dir, options=options, consumed=consumed)

    def __repr__(self) -> str:
        return f"<writer {__package__}.{self.module}.{self.function}>"


# Name → writer. Audio runs first so that its timeline can feed read-along.
WRITERS: dict[str, Callable] = {
    "audio": _Writer("audio"),
    "pdf": _Writer("pdf"),
    "large-print-pdf": _Writer("pdf", "write_large_print"),
    "epub": _Writer("epub"),
    "html": _Writer("html"),
}
DEFAULT_FORMATS = ("pdf", "epub", "html", "audio")
# The theme each format uses unless --theme names one for all.
DEFAULT_THEMES = {
    "pdf": "handout",
    "large-print-pdf": "large-print",
    "epub": "large-print",
    "html": "large-print",
    "audio": "base",
}

log = logging.getLogger("openleaf")


@dataclass
class FormatResult:
    format: str
    paths: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    error: OpenleafError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def ordered(formats: list[str]) -> list[str]:
    return [name for name in WRITERS if name in formats]


def check_writable(out_dir: Path) -> None:
    """Make the output folder; fail before any work when it cannot be made or written."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out_dir}: cannot create the output folder ({exc.strerror or exc}); "
                          "choose another with --out") from None
    if not os.access(out_dir, os.W_OK | os.X_OK):
        raise OutputError(f"{out_dir}: the output folder is not writable; choose another with --out")


def themes_for(formats: list[str], theme: str | Path | None) -> dict[str, Theme]:
    """Load every theme the build needs up front, so a bad theme fails before any work."""
    loaded: dict[str, Theme] = {}
    for name in formats:
        choice = str(theme) if theme else DEFAULT_THEMES[name]
        if choice not in loaded:
            loaded[choice] = load_theme(choice)
        loaded[name] = loaded[choice]
    return {name: loaded[name] for name in formats}


def build_article(
    article: Article,
    formats: list[str],
    out_root: Path,
    options: Options,
    *,
    theme: str | Path | None = None,
    on_start: Callable[[str], None] = lambda name: None,
    on_done: Callable[[FormatResult], None] = lambda result: None,
    stop_on_error: bool = False,
) -> list[FormatResult]:
    """Write ``formats`` of ``article`` into ``out_root/<slug>/``; one result per format."""
    out_dir = out_root / article.slug
    check_writable(out_dir)
    themes = themes_for(formats, theme)
    results: list[FormatResult] = []
    for name in ordered(formats):
        on_start(name)
        started = time.perf_counter()
        result = FormatResult(name)
        try:
            written = WRITERS[name](article, themes[name], out_dir, options=options)
            result.paths = list(written)
        except OpenleafError as exc:
            result.error = exc
        except OSError as exc:
            result.error = OutputError(f"{out_dir}: could not write {name}: {exc.strerror or exc}")
        result.seconds = time.perf_counter() - started
        results.append(result)
        on_done(result)
        if result.error is not None and stop_on_error:
            break
    return results
