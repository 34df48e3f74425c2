"""Build options shared by the writers; the command line fills them in."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Options:
    paper: str = "a4"  # "a4" | "letter"
    voice: str = "piper"  # engine, optionally "engine:voice", e.g. "espeak:de"
    rate: float = 1.0  # speaking rate, 0.75 to 1.5
    read_along: bool = True  # EPUB and page carry the audio when it is made (False: text only)
    cache_dir: Path | None = None  # sentence audio cache; None: the user cache folder
    braille_cells: int = 40  # braille line length in cells (an embosser's or display's width)
    braille_lines: int = 25  # braille lines a page, the page number line included
    config: Path | None = None  # the organisation's settings (--config); None: the nearest openleaf.toml
