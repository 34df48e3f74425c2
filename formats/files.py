"""Writing outputs so that a failure never leaves a half-written file behind."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from ..source.slugs import slugify

FILE_STEM_LIMIT = 60  # names inside an EPUB and audio chapter files: short enough for players that show them


@contextlib.contextmanager
def atomic_path(final: Path):
    """Yield a temporary path beside ``final``; it replaces ``final`` only if the block succeeds."""
    final.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".part", dir=final.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        yield temp
        os.chmod(temp, 0o644)
        os.replace(temp, final)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_bytes(final: Path, data: bytes) -> Path:
    with atomic_path(final) as temp:
        temp.write_bytes(data)
    return final


def write_text(final: Path, text: str) -> Path:
    return write_bytes(final, text.encode("utf-8"))


def file_stem(text: str, fallback: str) -> str:
    """A name part safe in every zip tool, file system and URL: ASCII letters, digits, single hyphens,
    at most 60 characters ("Qué comer" -> "que-comer"); ``fallback`` when nothing is left."""
    return slugify(text, FILE_STEM_LIMIT, fallback)
