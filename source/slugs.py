"""Slugs: the file-name-safe names of articles (their output folder) and of audio chapters."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

# A file named like this takes its folder's name: leaflets/hydration/index.md is "hydration".
FOLDER_NAMED = ("index", "article", "readme")


def slugify(text: str, limit: int = 80, fallback: str = "article") -> str:
    """Lower-case ASCII letters, digits and single dashes, at most ``limit`` characters."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:limit].strip("-") or fallback


def slug_for_path(path: Path) -> str:
    """The slug of an article that names none in its front matter."""
    stem = path.stem
    if stem.lower() in FOLDER_NAMED:
        stem = path.resolve().parent.name
    return slugify(stem)
