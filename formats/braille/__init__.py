"""The braille edition: ``<slug>.brf`` and ``<slug>.pef``, contracted UEB or each language's usual code, by liblouis.

louis.py binds liblouis; codes.py says which code each language gets;
transcribe.py puts the article in braille reading order; layout.py makes
lines and pages; brf.py writes them as braille ASCII, pef.py as PEF.
"""

from __future__ import annotations

import re
from pathlib import Path

from ...source import settings
from ...source.errors import OutputError, SourceError
from ...source.model import Article, Diagnostic
from .. import files
from ..options import Options
from . import louis
from .codes import CODES, BrailleCode

available = louis.available


def check_available() -> None:
    """Raise EngineUnavailable (exit 69, naming the packages) when liblouis or its tables are missing."""
    louis.library()
    louis.check_table(f"{louis.DISPLAY_TABLE},{CODES['en'].table}")


def system_version() -> str:
    """liblouis's version (its tables come from the same release), or "" without it."""
    return f"liblouis {louis.version()}" if available() else ""


def status() -> str:
    """For the format list in --help."""
    return "liblouis is installed here" if available() else "liblouis is NOT installed here"


def code_for(article: Article) -> BrailleCode:
    """The braille code of the article's language; an error pointing at ``lang:`` when we have none."""
    code = CODES.get(article.language)
    if code is None:
        line, col = _lang_position(article.source_path)
        raise SourceError([Diagnostic(
            str(article.source_path), line, col,
            f"no braille code for language '{article.lang}'",
            f"braille is made for {', '.join(CODES)}; publish this article without braille in --formats",
        )])
    return code


def _lang_position(path: Path) -> tuple[int, int]:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return 1, 1
    for number, text in enumerate(lines, start=1):
        if match := re.match(r"lang\s*:\s*", text):  # the top-level key, not one inside a reference
            return number, match.end() + 1
    return 1, 1


def pages(article: Article, options: Options) -> list[list[str]]:
    """The braille pages of ``article``, lines of Unicode braille (a pure function of the article,
    the options and liblouis)."""
    from .layout import Division, paginate
    from .transcribe import Transcriber

    code = code_for(article)
    louis.check_table(f"{louis.DISPLAY_TABLE},{code.table}")
    paras = Transcriber(article, code).transcribe()
    # A "." is not a place to divide: in UEB its cell is also a contraction, and in a DOI it sits
    # between digits.
    divide = Division(code.divide, (louis.translate(code.table, "/"),), louis.translate(code.table, "1")[:-1])
    return paginate(paras, options.braille_cells, options.braille_lines, divide,
                    lambda n: louis.translate(code.table, str(n)))


def write(article: Article, theme, out_dir: Path, *, options: Options, consumed=None) -> list[Path]:
    """Write ``out_dir/<slug>.brf`` and the same pages as ``<slug>.pef``. The theme is not used:
    braille has its own formats."""
    from .brf import brf
    from .pef import pef

    article = settings.as_publisher(article, options.config)  # the organisation (openleaf.toml) publishes it
    made = pages(article, options)
    outputs = {
        Path(out_dir) / f"{article.slug}.brf": brf(made).encode("ascii"),
        Path(out_dir) / f"{article.slug}.pef": pef(article, made, options.braille_cells, options.braille_lines),
    }
    for target, data in outputs.items():
        try:
            files.write_bytes(target, data)
        except OSError as exc:
            raise OutputError(f"{target}: cannot write the braille file ({exc.strerror or exc})") from exc
    return list(outputs)
