"""The size limit for one article, and the words for breaking it.

Its own small module: the batch planner checks a file's size before reading
it, and must not pay for importing the parser (Markdown, YAML, CSL) on a run
where nothing changed.
"""

from __future__ import annotations

from .model import Diagnostic

MAX_BYTES = 2_000_000  # a long article is ~100 kB; larger files are refused, not slowly parsed


def too_big(name: str, size: int) -> Diagnostic:
    return Diagnostic(name, 1, 1, f"the file is {size / 1e6:.1f} MB, above the {MAX_BYTES / 1e6:g} MB limit for one article",
                      "split it into several articles; keep pictures as separate image files")
