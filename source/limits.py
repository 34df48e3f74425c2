"""The size limit for one article, and reading an article's file within it.

Its own small module: the batch planner and the workers read sources too, and
must not pay for importing the parser (Markdown, YAML, CSL) on a run where
nothing changed.
"""

from __future__ import annotations

import stat
from pathlib import Path

from .errors import InputError, SourceError
from .model import Diagnostic

MAX_BYTES = 2_000_000  # a long article is ~100 kB; larger files are refused, not slowly parsed


def too_big(name: str, size: int) -> Diagnostic:
    return Diagnostic(name, 1, 1, f"the file is {size / 1e6:.1f} MB, above the {MAX_BYTES / 1e6:g} MB limit for one article",
                      "split it into several articles; keep pictures as separate image files")


def read_article_bytes(path: Path) -> bytes:
    """The bytes of the article at `path`, read only if it is a file within the limit.

    A larger file is refused before it is read; a pipe or a device is refused
    unread (reading one can wait for ever); a file growing meanwhile is read
    no further than one byte past the limit.
    """
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{path}: is a folder, not an article file; give the .md file inside it")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{path}: is not a regular file; give the .md file of the article")
        if info.st_size > MAX_BYTES:
            raise SourceError([too_big(str(path), info.st_size)])
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; check the path") from None
    except PermissionError:
        raise InputError(f"{path}: not allowed to read this file; check its permissions") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if len(raw) > MAX_BYTES:
        raise SourceError([too_big(str(path), len(raw))])
    return raw
