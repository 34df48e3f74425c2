"""The formats Openleaf writes, in one literal table, and the speech engines it can speak with.

The command line's choices and help, the default formats and themes, the
options each output's key depends on, and the order outputs are made in all
come from ``FORMATS``. Adding a format is one writer module and one line here.

Writers are imported when first called: a run where nothing needs building
never loads WeasyPrint, ebooklib or Piper (and this module stays cheap enough
for ``publish --help``).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping


class _Lazy:
    """``module.function`` of this package, imported on the first call."""

    def __init__(self, module: str, function: str):
        self.module, self.function = module, function

    def __call__(self, *args, **kwargs):
        return getattr(importlib.import_module(f"{__package__}.{self.module}"), self.function)(*args, **kwargs)

    def __repr__(self) -> str:
        return f"<{__package__}.{self.module}.{self.function}>"


class _Writer(_Lazy):
    """A writer: ``write(article, theme, out_dir, *, options, consumed)`` -> the paths it wrote."""

    def __init__(self, module: str, function: str = "write"):
        super().__init__(module, function)

    def __call__(self, article, theme, out_dir: Path, *, options, consumed: Mapping[str, list[Path]] | None = None):
        return super().__call__(article, theme, out_dir, options=options, consumed=consumed or {})


@dataclass(frozen=True)
class Format:
    name: str
    write: Callable  # (article, theme, out_dir, *, options, consumed) -> list of paths written
    theme: str  # the built-in theme it uses unless --theme names one for all
    summary: str  # what it is, for --help, `publish formats` and the README
    files: str  # where it is written, below out/<slug>/
    options: tuple[str, ...] = ()  # the Options fields its bytes depend on
    consumes: tuple[str, ...] = ()  # outputs it builds on when they are made or up to date
    default: bool = True  # made when --formats is not given
    needs: str = ""  # a system library it needs, named for the user ("" when Python packages suffice)
    # Raises EngineUnavailable (exit 69) when what it needs is missing here; asked before any work.
    check: Callable[[], None] | None = None
    # The version of that system library, part of the output's key: a new liblouis rebuilds the braille.
    system_version: Callable[[], str] | None = None


# In the order people read them in lists; ordered() puts the outputs others build on first.
FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("pdf", _Writer("pdf"), "handout", "tagged PDF handout (PDF/UA-1) for printing", "<slug>.pdf",
               options=("paper",)),
        Format("epub", _Writer("epub"), "large-print", "accessible EPUB 3 for e-readers", "<slug>.epub",
               consumes=("audio",)),
        Format("html", _Writer("html"), "large-print", "large-print web page, one self-contained file",
               "<slug>.html", consumes=("audio",)),
        Format("audio", _Writer("audio"), "base", "spoken audio: MP3 with chapters, one MP3 per section, "
               "playlist, captions, timeline", "audio/", options=("voice", "rate")),
        Format("large-print-pdf", _Writer("pdf", "write_large_print"), "large-print",
               "large-print PDF handout", "<slug>-large-print.pdf", options=("paper",), default=False),
        Format("braille", _Writer("braille"), "base", "braille for embossers and braille displays, as BRF and "
               "PEF: contracted UEB for English; French, Spanish and German uncontracted", "<slug>.brf",
               options=("braille_cells", "braille_lines"),
               default=False, needs="liblouis (Debian/Ubuntu packages liblouis20, liblouis-data)",
               check=_Lazy("braille", "check_available"), system_version=_Lazy("braille", "system_version")),
    )
}  # fmt: skip

FORMAT_NAMES = tuple(FORMATS)
DEFAULT_FORMATS = tuple(name for name, f in FORMATS.items() if f.default)

# Speech engines, by the name --voice takes, with what each is for. Here rather than in
# audio/engines.py (which imports NumPy) so that the command line can check --voice cheaply.
ENGINES: dict[str, str] = {
    "piper": "offline neural voice; the default engine",
    "espeak": "offline, every language, very fast; speaks what Piper has no voice for",
    "gtts": "online (Google), opt-in; needs the internet",
}
DEFAULT_ENGINE = "piper"
PAPERS = ("a4", "letter")  # the paper sizes the PDF writers take
MIN_RATE, MAX_RATE = 0.75, 1.5  # the speaking rates every engine takes (1.0 is normal speed)


def ordered(formats) -> list[str]:
    """``formats`` in the order they are made: those that others consume (the audio) first."""
    consumed = {p for f in FORMATS.values() for p in f.consumes}
    return sorted((name for name in FORMATS if name in formats), key=lambda name: name not in consumed)


def markdown_table() -> str:
    """The README's table of formats (a test keeps the README's copy equal to this)."""
    rows = ["| `--formats` | what | file | made by default |", "| --- | --- | --- | --- |"]
    for f in FORMATS.values():
        needs = f" (needs {f.needs})" if f.needs else ""
        rows.append(f"| `{f.name}` | {f.summary}{needs} | `out/<slug>/{f.files}` | {'yes' if f.default else 'no'} |")
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    print(markdown_table(), end="")
